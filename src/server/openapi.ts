/**
 * The OpenAPI 3.1 document, generated from the request schemas with zod 4's `z.toJSONSchema` (JSON
 * Schema 2020-12, which OpenAPI 3.1 uses as is) and from the entity table the routes are built from:
 * the API and its description cannot drift apart.
 */
import { z } from 'zod';
import { ENTITY_SPECS, type EntitySpec } from './entity-kinds.js';
import {
  assessmentBody,
  createPlanBody,
  createTokenBody,
  createUserBody,
  entityBodies,
  loginBody,
} from './schemas.js';

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.string().optional(),
    currentVersion: z.number().int().optional(),
  }),
});

const schema = (value: z.ZodType) => z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' });

const json = (value: z.ZodType) => ({ content: { 'application/json': { schema: schema(value) } } });

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'error', ...json(errorBody) }]));

const ok = (description: string) => ({ description, content: { 'application/json': { schema: {} } } });

const inPath = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const planId = inPath('id');
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } };
const pointQuery = (name: string, required: boolean) => ({
  name,
  in: 'query',
  required,
  description: 'an event number (SEQ) or an ISO 8601 time: the last event at or before it',
  schema: { type: 'string' },
});

const read = (summary: string, parameters: object[] = [], ...more: number[]) => ({
  summary,
  parameters,
  responses: { 200: ok(summary), ...errors(401, ...more) },
});

const write = (summary: string, body: z.ZodType, okStatus: string, parameters: object[]) => ({
  summary,
  parameters: [...parameters, idempotencyKey],
  requestBody: { required: true, ...json(body) },
  responses: { [okStatus]: ok('written: the new version'), ...errors(400, 401, 403, 404, 409, 413) },
});

/** The five routes of an entity kind (three for the settings singleton), as routes/entities.ts mounts them. */
function entityPaths(spec: EntitySpec): Record<string, object> {
  const list = `/plans/{id}/${spec.segment}`;
  // Spare capacity is named by two segments, `actor/capability`; a path parameter cannot hold a slash.
  const names = spec.singleton ? [] : spec.kind === 'spare' ? ['actor', 'capability'] : ['entityId'];
  const item = [list, ...names.map((name) => `{${name}}`)].join('/');
  const itemParameters = [planId, ...names.map(inPath)];
  const bodies = entityBodies(spec);
  const writes = {
    patch: write(`change ${spec.label} (fields merged)`, bodies.update, '200', itemParameters),
  };
  const readOne = read(`one ${spec.label}`, itemParameters, 404);
  return {
    ...(spec.singleton
      ? {
          [list]: {
            get: readOne,
            post: write(`create the ${spec.label}`, bodies.create, '201', [planId]),
            ...writes,
          },
        }
      : {
          [list]: {
            get: read(`the ${spec.section}`, [planId], 404),
            post: write(`create ${spec.label}`, bodies.create, '201', [planId]),
          },
          [item]: { get: readOne, ...writes },
        }),
    [`${item}/withdraw`]: {
      post: write(`withdraw ${spec.label}`, bodies.withdraw, '200', itemParameters),
    },
  };
}

let cached: Record<string, unknown> | undefined;

/** The document; `more` adds the path items of routes mounted through createApp's `routes` option. */
export function openApiDocument(more: Readonly<Record<string, object>> = {}): Record<string, unknown> {
  const base = baseDocument();
  return Object.keys(more).length === 0
    ? base
    : { ...base, paths: { ...(base.paths as Record<string, object>), ...more } };
}

function baseDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Guarantor', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
      '/health': { get: { summary: 'liveness', security: [], responses: { 200: ok('up') } } },
      '/login': {
        post: {
          summary: 'exchange a name and password for a session token',
          security: [],
          requestBody: { required: true, ...json(loginBody) },
          responses: { 200: ok('a bearer token'), ...errors(400, 401, 413, 429) },
        },
      },
      '/logout': { post: read('revoke the token of this request') },
      '/openapi.json': { get: read('this document') },
      '/me': { get: read('the caller') },
      '/users': {
        get: read('the users (host)', [], 403),
        post: {
          summary: 'add a user (host); the answer holds a one-time password',
          requestBody: { required: true, ...json(createUserBody) },
          responses: { 201: ok('the user and its password'), ...errors(400, 401, 403, 409, 413) },
        },
      },
      '/tokens': {
        get: read('API and session tokens: own, or everyone’s with all=true (host)', [
          { name: 'all', in: 'query', required: false, schema: { type: 'string', enum: ['true'] } },
        ]),
        post: {
          summary: 'make an API token (shown once); a host may make one for another user',
          requestBody: { required: true, ...json(createTokenBody) },
          responses: { 201: ok('the token and its id'), ...errors(400, 401, 403, 404, 413) },
        },
      },
      '/tokens/{tokenId}': { delete: read('revoke a token: own, or any (host)', [inPath('tokenId')], 404) },
      '/plans': {
        get: read('the plans'),
        post: {
          summary: 'create a plan from plan-format data (host), one event per entity',
          parameters: [idempotencyKey],
          requestBody: { required: true, ...json(createPlanBody) },
          responses: { 201: ok('the plan id and version'), ...errors(400, 401, 403, 413) },
        },
      },
      '/plans/{id}': {
        get: read(
          'the plan and its version, now or as of a point',
          [planId, pointQuery('asOf', false)],
          400,
          404,
        ),
      },
      '/plans/{id}/events': { get: read("the plan's ledger events", [planId], 404) },
      '/plans/{id}/diff': {
        get: read(
          'the changes between two points, with who, when, why and the source of each',
          [planId, pointQuery('from', true), pointQuery('to', false)],
          400,
          404,
        ),
      },
      ...Object.assign({}, ...ENTITY_SPECS.map(entityPaths)),
      '/plans/{id}/assessments': {
        post: {
          summary: 'assess the current plan (in-process)',
          parameters: [planId],
          requestBody: { required: true, ...json(assessmentBody) },
          responses: { 200: ok('the assessment document'), ...errors(400, 401, 404, 413) },
        },
      },
    },
  };
  return cached;
}
