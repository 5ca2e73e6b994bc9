/**
 * The harness of the server end-to-end tests: a database to serve (a PGlite temporary folder, or a fresh
 * schema of the test PostgreSQL), users added with `guarantor user add`, and `guarantor serve` started as
 * a child process on a free port — ready once /health answers, logged in, and stoppable with SIGTERM or
 * killed with SIGKILL. Runs the compiled dist/ (`npm run build` first), like cli-harness.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guarantor, ROOT } from './cli-harness.js';
import { cliPath } from './dist.js';
import { adminSql, freshSchemaName, schemaUrl, TEST_PG_URL, WITH_PG } from './test-databases.js';

export { schemaUrl } from './test-databases.js';

/** How long `serve` may take to answer /health (migrations and a plan import on a loaded machine). */
const READY_TIMEOUT_MS = 30_000;

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL unless GUARANTOR_TEST_PG=0 (no server at hand). */
export const DATABASE_KINDS: readonly DatabaseKind[] = WITH_PG ? ['pglite', 'postgres'] : ['pglite'];

/** A database for one test: what to pass as `--db`, and how to throw it away. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** A folder (PGlite) or a `postgres://` URL whose connection works in a schema of its own. */
  readonly target: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of `kind`: a new temporary folder, or a new PostgreSQL schema. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (kind === 'pglite') {
    const folder = join(tmpdir(), `guarantor-serve-db-${suffix}`);
    return { kind, target: folder, drop: () => rm(folder, { recursive: true, force: true }) };
  }
  const schema = freshSchemaName('guarantor_e2e');
  await adminSql(`create schema ${schema}`);
  return {
    kind,
    target: schemaUrl(TEST_PG_URL, schema),
    drop: () => adminSql(`drop schema ${schema} cascade`),
  };
}

export interface Credentials {
  readonly name: string;
  readonly password: string;
}

/** `guarantor user add NAME --role ROLE [--actor ID] --db TARGET`: the one-time password, or a throw. */
export async function addUser(
  target: string,
  name: string,
  role: 'host' | 'delegate' | 'analyst',
  actor?: string,
): Promise<Credentials> {
  const args = ['user', 'add', name, '--role', role, ...(actor === undefined ? [] : ['--actor', actor])];
  const run = await guarantor([...args, '--db', target]);
  if (run.code !== 0) throw new Error(`user add ${name} exited ${run.code}: ${run.stderr}`);
  return { name, password: run.stdout.trim() };
}

/** A `guarantor …args` process to kill: for commands killed in the middle of their work. */
export interface KillableRun {
  readonly pid: number;
  readonly exited: Promise<Exit>;
  stderr(): string;
}

export function spawnGuarantor(args: readonly string[]): KillableRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GUARANTOR_DEBUG;
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  return { pid: child.pid ?? 0, exited: exitOf(child), stderr: () => stderr };
}

/** A port nobody listens on right now (the kernel's choice for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServeOptions {
  readonly db: string;
  /** `--plan FILE`: imported on first start only. */
  readonly plan?: string;
  /** Who to log in as once the server is ready; no login without it. */
  readonly login?: Credentials;
  /** More `serve` options, e.g. `['--demo-users']`. */
  readonly args?: readonly string[];
}

export interface Answer {
  readonly status: number;
  // The tests read the JSON bodies they expect; a body that is not JSON comes back as its text.
  // biome-ignore lint/suspicious/noExplicitAny: test code reads whatever the server sent.
  readonly body: any;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  /** A bearer token other than the one of the login. */
  readonly token?: string;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunningServe {
  readonly base: string;
  readonly pid: number;
  /** The login's token ('' without a login). */
  readonly token: string;
  /** A JSON request with the login's token. */
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  /** The same server, its requests made in a new session of `credentials`. */
  loginAs(credentials: Credentials): Promise<RunningServe>;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  /** SIGTERM, then the exit. */
  stop(): Promise<Exit>;
  /** SIGKILL (no chance to close anything), then the exit. */
  kill(): Promise<Exit>;
}

/** Servers started and not yet seen to exit: a failed test leaves none running (killStrayServes). */
const live = new Set<ChildProcess>();

/** SIGKILLs every server a test started and left running (for an afterAll). */
export async function killStrayServes(): Promise<void> {
  const strays = [...live];
  for (const child of strays) child.kill('SIGKILL');
  await Promise.all(strays.map(exitOf));
}

/** Starts `guarantor serve` on a free port; resolves once /health answers (and the login is done). */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GUARANTOR_DEBUG;
  const args = [cliPath, 'serve', '--port', String(port), '--db', options.db];
  if (options.plan !== undefined) args.push('--plan', options.plan);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  live.add(child);
  const exited = exitOf(child).finally(() => live.delete(child));
  try {
    await waitForHealth(base, exited, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  const request = requester(base);
  const signal = async (name: NodeJS.Signals) => {
    child.kill(name);
    return exited;
  };
  const session = (token: string): RunningServe => ({
    base,
    pid: child.pid ?? 0,
    token,
    request: (method, path, requestOptions = {}) =>
      request(method, path, { ...requestOptions, token: requestOptions.token ?? token }),
    loginAs: async (credentials) => session(await logIn(request, credentials)),
    stderr: () => stderr,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  });
  try {
    return session(options.login === undefined ? '' : await logIn(request, options.login));
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
}

async function logIn(request: ReturnType<typeof requester>, credentials: Credentials): Promise<string> {
  const login = await request('POST', '/login', { body: credentials });
  if (login.status !== 200) {
    throw new Error(`login as ${credentials.name}: ${login.status} ${JSON.stringify(login.body)}`);
  }
  return login.body.token;
}

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Polls /health until it answers 200; fails with the server's stderr if it exits or takes too long. */
async function waitForHealth(base: string, exited: Promise<Exit>, stderr: () => string): Promise<void> {
  let gone: Exit | undefined;
  void exited.then((exit) => {
    gone = exit;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone !== undefined) {
      throw new Error(`serve exited (${gone.code ?? gone.signal}) before it was ready:\n${stderr()}`);
    }
    try {
      const response = await fetch(`${base}/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`serve did not answer ${base}/health within ${READY_TIMEOUT_MS} ms:\n${stderr()}`);
}

function requester(base: string) {
  return async (method: string, path: string, options: RequestOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (options.token !== undefined && options.token !== '')
      headers.Authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text.
    }
    return { status: response.status, body };
  };
}
