/**
 * The OpenAPI 3.1 document, generated with zod 4's `z.toJSONSchema` (JSON Schema 2020-12, which
 * OpenAPI 3.1 uses as is) from the request schemas the routes validate with (schemas.ts), the answers'
 * schemas (response-schemas.ts: every 2xx its body, every 4xx the one error body) and the entity table
 * the routes are built from. openapi-contract.test.ts sends real requests and checks every answer
 * against this document, so the API and its description cannot drift apart.
 */
import { z } from 'zod';
import { ENTITY_SPECS, type EntitySpec } from './entity-kinds.js';
import {
  type Answer,
  componentSchemas,
  errors,
  inPath,
  type Operation,
  type PathItems,
  pathItems,
} from './openapi-operations.js';
import {
  assessmentAnswer,
  createdPlanAnswer,
  createdTokenAnswer,
  createdUserAnswer,
  diffAnswer,
  entityAnswer,
  entityListAnswer,
  eventsAnswer,
  loginAnswer,
  meAnswer,
  okBody,
  planAnswer,
  plansAnswer,
  tokensAnswer,
  usersAnswer,
  writtenAnswer,
} from './response-schemas.js';
import {
  assessmentBody,
  createPlanBody,
  createTokenBody,
  createUserBody,
  entityBodies,
  loginBody,
} from './schemas.js';

const planId = inPath('id');
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } };
const pointQuery = (name: string, required: boolean) => ({
  name,
  in: 'query',
  required,
  description: 'an event number (SEQ) or an ISO 8601 time: the last event at or before it',
  schema: { type: 'string' },
});

const answer = (description: string, body: z.ZodType): Answer => ({ description, body });

/** A read every signed-in role may make: 200 with `body`, 401 without a token, and `more` errors. */
const read = (summary: string, body: z.ZodType, parameters: object[] = [], ...more: number[]): Operation => ({
  summary,
  parameters,
  responses: { 200: answer(summary, body), ...errors(401, ...more) },
});

const WRITE_ERRORS = [400, 401, 403, 404, 409, 413];
const created: Record<number, Answer> = { 201: answer('written: the new version', writtenAnswer) };

/** A ledger write: `{ version, replayed }`, 200 for a replayed Idempotency-Key (and for changes). */
const write = (
  summary: string,
  body: z.ZodType,
  status: 200 | 201,
  parameters: object[],
  description?: string,
): Operation => ({
  summary,
  ...(description === undefined ? {} : { description }),
  parameters: [...parameters, idempotencyKey],
  requestBody: body,
  responses: {
    ...errors(...WRITE_ERRORS),
    // A retry of the same Idempotency-Key is answered again with 200 (a change's status anyway).
    200: answer(status === 200 ? 'written: the new version' : 'a retry, answered again', writtenAnswer),
    ...(status === 201 ? created : {}),
  },
});

/** The semantics of every PATCH of an entity (RFC 7396 at the entity's top level). */
export const MERGE_PATCH_SEMANTICS =
  'JSON Merge Patch (RFC 7396) on the entity’s top-level fields: each field in `changes` replaces that ' +
  'field whole (a list or an object is not merged deeper); a field set to `null` is removed — optional ' +
  'fields only: `null` on a required field is a 400 naming it (`changes.actor`); fields not named stay. ' +
  'The id is the URL’s and cannot change. A removal is an `updated` event like any change, attributed ' +
  '(who, reason, source), so `GET /plans/{id}?asOf=` and `/plans/{id}/diff` show it (the diff compares ' +
  'normalised plans: a removed field that has a model default, e.g. readinessDays, shows the default). ' +
  'The whole plan is validated again: a removal the plan rules forbid (a partner’s pledge without ' +
  'bindingness, an on-call pledge without quantity) is a 400 and nothing is written.';

/** The routes of an entity kind (three for the settings singleton), as routes/entities.ts mounts them. */
function entityOperations(spec: EntitySpec): PathItems {
  const list = `/plans/{id}/${spec.segment}`;
  // Spare capacity is named by two segments, `actor/capability`; a path parameter cannot hold a slash.
  const names = spec.singleton ? [] : spec.kind === 'spare' ? ['actor', 'capability'] : ['entityId'];
  const item = [list, ...names.map((name) => `{${name}}`)].join('/');
  const itemParameters = [planId, ...names.map(inPath)];
  const bodies = entityBodies(spec);
  const patch = write(
    `change ${spec.label}: fields given replace, null removes an optional field`,
    bodies.update,
    200,
    itemParameters,
    MERGE_PATCH_SEMANTICS,
  );
  const readOne = read(`one ${spec.label}`, entityAnswer(spec), itemParameters, 404);
  const create = (what: string) => write(`create ${what}`, bodies.create, 201, [planId]);
  return {
    ...(spec.singleton
      ? { [list]: { get: readOne, post: create(`the ${spec.label}`), patch } }
      : {
          [list]: {
            get: read(`the ${spec.section}`, entityListAnswer(spec), [planId], 404),
            post: create(spec.label),
          },
          [item]: { get: readOne, patch },
        }),
    [`${item}/withdraw`]: {
      post: write(`withdraw ${spec.label}`, bodies.withdraw, 200, itemParameters),
    },
  };
}

/** /openapi.json's own answer: the document (its paths are this list). */
const documentSchema = z
  .object({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.record(z.string(), z.unknown())) })
  .describe('this document');

/** The operations of app.ts and routes/{users,plans,entities}.ts. */
export function apiOperations(): PathItems {
  return {
    '/health': {
      get: { summary: 'liveness', security: [], responses: { 200: answer('up', okBody) } },
    },
    '/login': {
      post: {
        summary: 'exchange a name and password for a session token',
        security: [],
        requestBody: loginBody,
        responses: { 200: answer('a bearer token', loginAnswer), ...errors(400, 401, 413, 429) },
      },
    },
    '/logout': { post: read('revoke the token of this request', okBody) },
    '/openapi.json': { get: read('this document', documentSchema) },
    '/me': { get: read('the caller', meAnswer) },
    '/users': {
      get: read('the users (host)', usersAnswer, [], 403),
      post: {
        summary: 'add a user (host); the answer holds a one-time password',
        requestBody: createUserBody,
        responses: {
          201: answer('the user and its password', createdUserAnswer),
          ...errors(400, 401, 403, 409, 413),
        },
      },
    },
    '/tokens': {
      get: read(
        'API and session tokens: own, or everyone’s with all=true (host)',
        tokensAnswer,
        [{ name: 'all', in: 'query', required: false, schema: { type: 'string', enum: ['true'] } }],
        403,
      ),
      post: {
        summary: 'make an API token (shown once); a host may make one for another user',
        requestBody: createTokenBody,
        responses: {
          201: answer('the token and its id', createdTokenAnswer),
          ...errors(400, 401, 403, 404, 413),
        },
      },
    },
    '/tokens/{tokenId}': {
      delete: read('revoke a token: own, or any (host)', okBody, [inPath('tokenId')], 404),
    },
    '/plans': {
      get: read('the plans', plansAnswer),
      post: {
        summary: 'create a plan from plan-format data (host), one event per entity',
        parameters: [idempotencyKey],
        requestBody: createPlanBody,
        responses: {
          201: answer('the plan id and version', createdPlanAnswer),
          200: answer('a retry of the same Idempotency-Key: the plan the first try made', createdPlanAnswer),
          ...errors(400, 401, 403, 413),
        },
      },
    },
    '/plans/{id}': {
      get: read(
        'the plan and its version, now or as of a point',
        planAnswer,
        [planId, pointQuery('asOf', false)],
        400,
        404,
      ),
    },
    '/plans/{id}/events': { get: read("the plan's ledger events", eventsAnswer, [planId], 404) },
    '/plans/{id}/diff': {
      get: read(
        'the changes between two points, with who, when, why and the source of each',
        diffAnswer,
        [planId, pointQuery('from', true), pointQuery('to', false)],
        400,
        404,
      ),
    },
    ...Object.assign({}, ...ENTITY_SPECS.map(entityOperations)),
    '/plans/{id}/assessments': {
      post: {
        summary: 'assess the current plan (in-process)',
        parameters: [planId],
        requestBody: assessmentBody,
        responses: {
          200: answer('the plan version and the assessment document', assessmentAnswer),
          ...errors(400, 401, 404, 413),
        },
      },
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
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: componentSchemas(),
    },
    security: [{ bearer: [] }],
    paths: pathItems(apiOperations()),
  };
  return cached;
}
