/**
 * How route modules describe themselves for the OpenAPI document: operations whose request and answer
 * bodies are zod schemas (the values the routes validate with, response-schemas.ts for the answers),
 * turned into OpenAPI 3.1 path items (JSON Schema 2020-12 from `z.toJSONSchema`) in one place.
 */
import { z } from 'zod';
import { errorBody } from './response-schemas.js';

export type Method = 'get' | 'post' | 'patch' | 'delete';

export interface Answer {
  readonly description: string;
  /** The JSON body; omitted only for a stream. */
  readonly body?: z.ZodType;
  /** Server-sent events (text/event-stream) instead of JSON. */
  readonly stream?: true;
}

export interface Operation {
  readonly summary: string;
  readonly description?: string;
  /** `[]`: no token needed (health, login). */
  readonly security?: readonly [];
  readonly parameters?: readonly object[];
  readonly requestBody?: z.ZodType;
  readonly responses: Readonly<Record<number, Answer>>;
}

export type PathItems = Readonly<Record<string, Partial<Record<Method, Operation>>>>;

/** The JSON Schema of a body; the document states once that its dialect is 2020-12 (OpenAPI 3.1's). */
export function jsonSchema(value: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' });
  return schema;
}

/** Bodies shared by many answers: in `components.schemas` once, referred to by `$ref`. */
const COMPONENTS: ReadonlyMap<z.ZodType, string> = new Map([[errorBody, 'Error']]);

/** The document's `components.schemas`. */
export function componentSchemas(): Record<string, object> {
  return Object.fromEntries([...COMPONENTS].map(([body, name]) => [name, jsonSchema(body)]));
}

function schemaOrRef(body: z.ZodType): object {
  const name = COMPONENTS.get(body);
  return name === undefined ? jsonSchema(body) : { $ref: `#/components/schemas/${name}` };
}

/** The shared error answer at each status. */
export function errors(...statuses: number[]): Record<number, Answer> {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: 'error: `{ error: { code, message, path? } }`', body: errorBody },
    ]),
  );
}

export const inPath = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** The OpenAPI path items of operations. */
export function pathItems(items: PathItems): Record<string, object> {
  return Object.fromEntries(
    Object.entries(items).map(([path, methods]) => [
      path,
      Object.fromEntries(Object.entries(methods).map(([method, op]) => [method, operationJson(op)])),
    ]),
  );
}

function operationJson(op: Operation): object {
  return {
    summary: op.summary,
    ...(op.description === undefined ? {} : { description: op.description }),
    ...(op.security === undefined ? {} : { security: op.security }),
    ...(op.parameters === undefined ? {} : { parameters: op.parameters }),
    ...(op.requestBody === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.requestBody) } },
          },
        }),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, answer]) => [status, answerJson(answer)]),
    ),
  };
}

function answerJson(answer: Answer): object {
  if (answer.stream) {
    return {
      description: answer.description,
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    };
  }
  return {
    description: answer.description,
    content: { 'application/json': { schema: answer.body === undefined ? {} : schemaOrRef(answer.body) } },
  };
}
