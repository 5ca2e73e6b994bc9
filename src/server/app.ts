/**
 * The team server as a Hono app: `fetch(Request) → Response`, no socket (serve.ts adds one). Routes read
 * and write plans through the Store port; bodies are validated with the core's schemas; every error is
 * `{ error: { code, message, path } }`. Roles (DESIGN.md): the host writes anything and manages users, a
 * delegate writes only its actor's pledges, an analyst nothing; everything but /health and /login needs
 * a bearer token (a session from /login or an API token from POST /tokens).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { GuarantorError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { fail } from './api-error.js';
import type { App, AppEnv, RouteDeps } from './app-env.js';
import { dashboardRoutes } from './dashboard.js';
import { DEFAULT_LOGIN_LIMIT, type LoginLimitOptions, loginLimiter } from './login-limit.js';
import { openApiDocument } from './openapi.js';
import { DUMMY_HASH, newToken, tokenHash, verifyPassword } from './passwords.js';
import { isUnstorable, readBody } from './request-body.js';
import { entityRoutes } from './routes/entities.js';
import { planRoutes } from './routes/plans.js';
import { trackRecordOpenApiPaths, trackRecordRoutes } from './routes/track-records.js';
import { publicUser, userRoutes } from './routes/users.js';
import { loginBody } from './schemas.js';

export type { App, AppEnv, RouteDeps } from './app-env.js';

/** Request bodies above this get 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  readonly store: Store;
  /** The clock (ms since the epoch) for the login rate limit; tests inject one. */
  readonly now?: () => number;
  readonly loginLimit?: LoginLimitOptions;
  /** The analysis worker thread's script; by default the one next to the compiled executor. */
  readonly workerUrl?: URL;
  /** The dashboard's built files (dist/web), served under /app/; none when undefined. */
  readonly webRoot?: string;
  /**
   * More routes, mounted after authentication (so `c.get('user')` is the caller) and before the 404:
   * e.g. `routes: (app) => app.route('/', jobRoutes(deps))` with a `new Hono<AppEnv>()` sub-app.
   */
  readonly routes?: (app: App, deps: RouteDeps) => void;
  /** The OpenAPI path items of those routes, added to /openapi.json (e.g. `jobOpenApiPaths()`). */
  readonly openApiPaths?: Readonly<Record<string, object>>;
}

export function createApp(options: AppOptions): App {
  const { store, now = Date.now, loginLimit, routes, workerUrl } = options;
  const app = new Hono<AppEnv>();
  const deps: RouteDeps = { store, now, ...(workerUrl === undefined ? {} : { workerUrl }) };

  app.onError((error, c) => {
    if (error instanceof GuarantorError)
      return fail(c, 400, { code: error.code, message: error.message, path: error.path });
    return fail(c, 500, { code: 'INTERNAL', message: 'internal error' });
  });
  app.notFound((c) => fail(c, 404, { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` }));
  app.use('*', async (c, next) => {
    // PostgreSQL cannot hold NUL in text: an id or query value with one is a bad request, not a 500.
    if (c.req.url.includes('%00') || isUnstorable(c.req.url)) {
      return fail(c, 400, { code: 'INVALID_URL', message: 'the URL may not contain NUL (%00)' });
    }
    return next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        fail(c, 413, { code: 'BODY_TOO_LARGE', message: `bodies are limited to ${MAX_BODY_BYTES} bytes` }),
    }),
  );

  app.get('/health', (c) => c.json({ ok: true }));
  if (options.webRoot !== undefined) dashboardRoutes(app, options.webRoot);
  loginRoute(app, store, loginLimiter(now, loginLimit ?? DEFAULT_LOGIN_LIMIT));

  // Everything below needs a live token.
  app.use('*', async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(c.req.header('Authorization') ?? '');
    const user = match?.[1] === undefined ? undefined : await store.userByToken(tokenHash(match[1]));
    if (user === undefined)
      return fail(c, 401, { code: 'UNAUTHORIZED', message: 'a valid bearer token is required' });
    c.set('user', user);
    return next();
  });

  app.post('/logout', async (c) => {
    const token = (c.req.header('Authorization') ?? '').slice('Bearer '.length);
    await store.revokeToken(tokenHash(token));
    return c.json({ ok: true });
  });
  const document = openApiDocument({ ...trackRecordOpenApiPaths(), ...options.openApiPaths });
  app.get('/openapi.json', (c) => c.json(document));
  userRoutes(app, deps);
  planRoutes(app, deps);
  entityRoutes(app, deps);
  trackRecordRoutes(app, deps);
  routes?.(app, deps);
  return app;
}

function loginRoute(app: App, store: Store, limiter: ReturnType<typeof loginLimiter>): void {
  app.post('/login', async (c) => {
    const body = await readBody(c, loginBody);
    if (!body.ok) return body.response;
    const nameKey = `name:${body.value.name}`;
    const keys = [nameKey, `address:${clientAddress(c)}`];
    const wait = limiter.retryAfter(keys);
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, { code: 'RATE_LIMITED', message: `too many failed logins: retry in ${wait} s` });
    }
    const user = await store.userByName(body.value.name);
    // Hash even for an unknown name, so the answer's timing does not tell which names exist.
    const valid = await verifyPassword(body.value.password, user?.passwordHash ?? DUMMY_HASH);
    if (user === undefined || !valid) {
      limiter.failed(keys);
      return fail(c, 401, { code: 'BAD_CREDENTIALS', message: 'wrong name or password' });
    }
    limiter.succeeded(nameKey);
    const token = newToken();
    await store.createToken(tokenHash(token), user.id);
    return c.json({ token, user: publicUser(user) });
  });
}

/**
 * The peer's address on a Node socket. `app.request()` (tests) has no socket: every request there is one
 * client. Behind a reverse proxy every client is the proxy (X-Forwarded-For is not trusted: it is forgeable).
 */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
