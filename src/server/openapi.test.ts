/**
 * The OpenAPI document as a whole, without a server: every answer has a schema (2xx its body, 4xx the
 * shared Error), the PATCH operations state the JSON Merge Patch semantics and their request schemas
 * accept null exactly on the optional fields. That real answers fit it is openapi-contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITY_SPECS } from './entity-kinds.js';
import { jobOpenApiPaths } from './jobs-routes.js';
import { MERGE_PATCH_SEMANTICS, openApiDocument } from './openapi.js';
import { trackRecordOpenApiPaths } from './routes/track-records.js';

type Media = { schema: Record<string, unknown> };
type Operation = {
  description?: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content: Record<string, Media> }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

const doc = openApiDocument({ ...trackRecordOpenApiPaths(), ...jobOpenApiPaths() }) as unknown as Document;
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

describe('the OpenAPI document', () => {
  it('gives every success a body schema and every error the shared Error schema', () => {
    const bare: string[] = [];
    for (const { name, op } of operations) {
      for (const [status, answer] of Object.entries(op.responses)) {
        const [type, media] = Object.entries(answer.content)[0] ?? [];
        if (type === 'text/event-stream') continue;
        const schema = media?.schema ?? {};
        if (Number(status) < 400) {
          if (Object.keys(schema).length === 0) bare.push(`${name} ${status}`);
        } else if (schema.$ref !== '#/components/schemas/Error' && schema.anyOf === undefined) {
          bare.push(`${name} ${status}: not the Error schema`);
        }
      }
    }
    expect(bare).toEqual([]);
    expect(operations.length).toBeGreaterThan(50);
  });

  it('defines the Error schema as the body every error has', () => {
    const error = z.fromJSONSchema(doc.components.schemas.Error as never);
    expect(error.safeParse({ error: { code: 'CONFLICT', message: 'm', currentVersion: 3 } }).success).toBe(
      true,
    );
    expect(error.safeParse({ error: { code: 'NOT_FOUND' } }).success).toBe(false);
    expect(error.safeParse({ message: 'no error object' }).success).toBe(false);
  });

  it('states the merge-patch semantics on every PATCH, and accepts null only on optional fields', () => {
    const patches = operations.filter(({ name }) => name.startsWith('PATCH '));
    expect(patches).toHaveLength(ENTITY_SPECS.length);
    for (const { op } of patches) expect(op.description).toBe(MERGE_PATCH_SEMANTICS);
    const pledge = doc.paths['/plans/{id}/pledges/{entityId}']?.patch;
    const body = z.fromJSONSchema(pledge?.requestBody?.content['application/json']?.schema as never);
    const write = { reason: 'r', expectedVersion: 1 };
    expect(body.safeParse({ changes: { readinessDays: null, triggers: null }, ...write }).success).toBe(true);
    expect(body.safeParse({ changes: { actor: null }, ...write }).success).toBe(false);
    expect(body.safeParse({ changes: { id: 'other' }, ...write }).success).toBe(false);
  });

  it('states the JSON Schema dialect once, not in every schema', () => {
    expect(doc).toHaveProperty('jsonSchemaDialect', 'https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(doc.paths)).not.toContain('"$schema"');
  });
});
