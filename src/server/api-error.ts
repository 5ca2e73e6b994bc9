/**
 * The API's one error shape, `{ error: { code, message, path } }`, and the one place that turns zod
 * issues and ledger failures into it with a status.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Issue } from '../core/errors.js';
import type { AppendError } from '../store/store.js';

export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  readonly currentVersion?: number;
}

export function fail(c: Context, status: ContentfulStatusCode, error: ApiError): Response {
  return c.json({ error }, status);
}

/** `pledge.sources[0].title` from zod's path. */
export function formatZodPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function invalidBody(c: Context, error: z.ZodError): Response {
  const first = error.issues[0];
  const path = first === undefined ? '' : formatZodPath(first.path);
  const message = first === undefined ? 'invalid body' : first.message;
  return fail(c, 400, { code: 'INVALID_BODY', message, path });
}

export function appendFailure(c: Context, error: AppendError): Response {
  switch (error.code) {
    case 'CONFLICT':
      return fail(c, 409, { code: 'CONFLICT', message: error.message, currentVersion: error.currentVersion });
    case 'UNKNOWN_PLAN':
      return fail(c, 404, { code: 'NOT_FOUND', message: error.message });
    case 'INVALID_PLAN':
    case 'INVALID_EVENT': {
      const first = error.issues[0];
      const what =
        error.code === 'INVALID_PLAN'
          ? 'the change would make the plan invalid'
          : 'the change does not apply';
      const message = first === undefined ? error.message : `${what}: ${listIssues(error.issues)}`;
      return fail(c, 400, { code: first?.code ?? error.code, message, path: first?.path ?? '' });
    }
    default:
      return error satisfies never;
  }
}

/** The issues' places and messages, so that a refused removal names every dangling reference. */
function listIssues(issues: readonly Issue[], max = 10): string {
  const listed = issues.slice(0, max).map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
  const more = issues.length > max ? `; and ${issues.length - max} more` : '';
  return `${listed.join('; ')}${more}`;
}
