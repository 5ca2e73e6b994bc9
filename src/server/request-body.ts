/**
 * Reading a request body: JSON, then the route's zod schema, then one check the schemas cannot make —
 * no string may hold NUL or a lone surrogate, which PostgreSQL refuses in text and jsonb (a 400 here,
 * not a 500 from the database).
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { fail, formatZodPath, invalidBody } from './api-error.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** JSON body → schema, or the 400 to answer with. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.output<S>>> {
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    return {
      ok: false,
      response: fail(c, 400, { code: 'INVALID_JSON', message: 'the body is not JSON', path: '' }),
    };
  }
  const unstorable = unstorablePath(data, []);
  if (unstorable !== undefined) {
    const message = 'strings may not contain NUL (\\u0000) or unpaired surrogates';
    return { ok: false, response: fail(c, 400, { code: 'INVALID_BODY', message, path: unstorable }) };
  }
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, response: invalidBody(c, result.error) };
}

/** A surrogate half without its partner (not UTF-8 encodable). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when text cannot be stored as PostgreSQL text (URL parameters, query values). */
export function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The path of the first string (or key) PostgreSQL could not store, if any. */
function unstorablePath(value: unknown, path: PropertyKey[]): string | undefined {
  if (typeof value === 'string') return isUnstorable(value) ? formatZodPath(path) : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const entries: [PropertyKey, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof key === 'string' && isUnstorable(key)) return formatZodPath([...path, key]);
    const found = unstorablePath(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
