/**
 * The OpenAPI 3.1 document, generated from the request schemas with zod 4's `z.toJSONSchema` (JSON
 * Schema 2020-12, which OpenAPI 3.1 uses as is): the API and its description cannot drift apart.
 */
import { z } from 'zod';
import {
  assessmentBody,
  createPledgeBody,
  loginBody,
  updatePledgeBody,
  withdrawPledgeBody,
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

const planId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const pledgeId = { name: 'pledgeId', in: 'path', required: true, schema: { type: 'string' } };
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } };

const write = (summary: string, body: z.ZodType, okStatus: string, parameters: object[]) => ({
  summary,
  parameters: [...parameters, idempotencyKey],
  requestBody: { required: true, ...json(body) },
  responses: { [okStatus]: ok('written: the new version'), ...errors(400, 401, 403, 404, 409, 413) },
});

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Guarantor', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
      '/health': { get: { summary: 'liveness', security: [], responses: { 200: ok('up') } } },
      '/login': {
        post: {
          summary: 'exchange a name and password for a token',
          security: [],
          requestBody: { required: true, ...json(loginBody) },
          responses: { 200: ok('a bearer token'), ...errors(400, 401, 413) },
        },
      },
      '/openapi.json': { get: { summary: 'this document', responses: { 200: ok('OpenAPI 3.1') } } },
      '/plans': { get: { summary: 'the plans', responses: { 200: ok('plans'), ...errors(401) } } },
      '/plans/{id}': {
        get: {
          summary: 'the current plan and its version',
          parameters: [planId],
          responses: { 200: ok('plan'), ...errors(401, 404) },
        },
      },
      '/plans/{id}/events': {
        get: {
          summary: "the plan's ledger events",
          parameters: [planId],
          responses: { 200: ok('events'), ...errors(401, 404) },
        },
      },
      '/plans/{id}/pledges': { post: write('create a pledge', createPledgeBody, '201', [planId]) },
      '/plans/{id}/pledges/{pledgeId}': {
        patch: write("change a pledge's fields", updatePledgeBody, '200', [planId, pledgeId]),
      },
      '/plans/{id}/pledges/{pledgeId}/withdraw': {
        post: write('withdraw a pledge', withdrawPledgeBody, '200', [planId, pledgeId]),
      },
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
