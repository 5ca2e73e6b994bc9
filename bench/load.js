// `npm run bench` (or `node bench/load.js` after `npm run build`): the HTTP load run of issue 4.
// Starts `guarantor serve` as a child process on PostgreSQL (a fresh schema, dropped afterwards) and on
// PGlite (a temporary folder, removed afterwards), logs in, and drives it with autocannon:
//   - reads: GET one pledge and GET the pledge list, as many connections as saturate the server;
//   - writes: PATCH a pledge (readinessDays, with a reason and an Idempotency-Key) at a fixed overall
//     rate. Writes carry plan-level optimistic concurrency, so each connection writes its OWN plan (the
//     example plan imported once per connection before the server starts) and carries the version of
//     each answer into its next request: no conflicts by construction, every non-2xx is a failure.
// Targets (issue 4): reads >= 2,000 req/s with p99 < 50 ms; 200 writes/s with p99 < 100 ms. Prints a
// table with PASS/MISS; never fails on time. Env: BENCH_ONLY=engine|load, BENCH_DB=postgres|pglite,
// BENCH_SECONDS (default 10), BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
// BENCH_SERVE_NODE_ARGS (node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStore } from '../dist/store/open-store.js';
import { importPlan } from '../dist/store/plan-history.js';
import { CLI, cli, freePort, ROOT } from './processes.js';

// The npm bin: it runs dist/cli/main.js (which only exports `main`).
const EXAMPLE = 'examples/ukraine-2025/plan.yaml';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const nodeArgs = (process.env.BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
/** 16 saturate the server here (32 gave the same req/s, with twice the queueing in the latency). */
const READ_CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 16);
const WRITE_RATE = 200;
/** One plan per write connection: 200 writes/s over 20 connections is 10/s each. */
const WRITE_CONNECTIONS = 20;
const TARGETS = {
  read: { rps: 2000, p99: 50 },
  write: { rps: WRITE_RATE, p99: 100 },
};

/** What to undo if the run is interrupted (Ctrl-C, kill): the server, the schema or folder. */
const cleanups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => {});
    process.exit(130);
  });
}

/** Runs `body` with `cleanup` registered for an interruption, and runs `cleanup` after it in any case. */
async function withCleanup(cleanup, body) {
  cleanups.add(cleanup);
  try {
    return await body();
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

/** A target to run against: where the database is, and how to remove it afterwards. */
async function postgresTarget() {
  const schema = `guarantor_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement) => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  // pg reads `options` from the URL (pg-connection-string), so the CLI gets the schema through --db.
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // The server's job queue (pg-boss) keeps its own schema: one of this run too.
  const boss = `${schema}_boss`;
  return {
    name: 'postgres',
    db: url.toString(),
    env: { GUARANTOR_PGBOSS_SCHEMA: boss },
    remove: async () => {
      await admin(`drop schema if exists ${boss} cascade`);
      await admin(`drop schema ${schema} cascade`);
    },
  };
}

async function pgliteTarget() {
  const folder = join(tmpdir(), `guarantor-bench-${randomBytes(6).toString('hex')}`);
  return { name: 'pglite', db: folder, env: {}, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** `guarantor serve` as a child; resolves once /health answers. `stop()` ends it and waits. */
async function startServer(target, port) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, CLI, 'serve', '--port', String(port), '--db', target.db, '--plan', EXAMPLE],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...target.env } },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${stderr}`);
    const healthy = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { base, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`serve did not answer /health in 30 s: ${stderr}`);
}

async function json(response) {
  const body = await response.json();
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Reads: one URL, many connections, as fast as the server answers. */
async function readLoad(base, path, auth) {
  const result = await run({
    url: `${base}${path}`,
    headers: { authorization: auth },
    connections: READ_CONNECTIONS,
    duration: SECONDS,
  });
  return figures(result);
}

/**
 * Writes at a fixed overall rate. Each connection gets its own plan and its own request object (through
 * setupClient): autocannon resets a request's `context` each time it loops over the request list, so the
 * version a connection carries lives in this closure instead.
 */
async function writeLoad(base, plans, auth) {
  let nextPlan = 0;
  let nextKey = 0;
  let conflicts = 0;
  const result = await run({
    url: base,
    connections: WRITE_CONNECTIONS,
    overallRate: WRITE_RATE,
    duration: SECONDS,
    setupClient: (client) => {
      const plan = plans[nextPlan++ % plans.length];
      client.setRequests([
        {
          method: 'PATCH',
          path: `/plans/${plan.id}/pledges/${encodeURIComponent(plan.pledgeId)}`,
          setupRequest: (request) => ({
            ...request,
            headers: {
              authorization: auth,
              'content-type': 'application/json',
              'idempotency-key': `bench-${nextKey++}`,
            },
            body: JSON.stringify({
              changes: { readinessDays: 1 + (nextKey % 60) },
              reason: 'load benchmark',
              expectedVersion: plan.version,
            }),
          }),
          onResponse: (status, body) => {
            const answer = JSON.parse(body);
            if (status === 409) conflicts++;
            plan.version = answer.version ?? answer.error?.currentVersion ?? plan.version;
          },
        },
      ]);
    },
  });
  return { ...figures(result), conflicts };
}

function figures(result) {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

/** Everything for one database: set up, serve, measure, tear down (also on failure). */
async function benchTarget(target) {
  const rows = [];
  // Plans before the server starts: PGlite is one process's folder.
  const store = await openStore(target.db);
  try {
    await store.migrate();
    const text = await readFile(join(ROOT, EXAMPLE), 'utf8');
    for (let i = 0; i < WRITE_CONNECTIONS; i++) {
      const imported = await importPlan(store, text, EXAMPLE, { who: 'bench', reason: 'load benchmark' });
      if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.error)}`);
    }
  } finally {
    await store.close();
  }
  const password = (await cli(['user', 'add', 'bench', '--role', 'host', '--db', target.db])).trim();
  const server = await startServer(target, await freePort());
  return withCleanup(server.stop, async () => {
    const login = await json(
      await fetch(`${server.base}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'bench', password }),
      }),
    );
    const auth = `Bearer ${login.token}`;
    const get = async (path) =>
      json(await fetch(`${server.base}${path}`, { headers: { authorization: auth } }));
    const plans = [];
    for (const summary of (await get('/plans')).plans) {
      const { pledges, version } = await get(`/plans/${summary.id}/pledges`);
      const pledge = pledges.find((p) => p.status !== 'withdrawn') ?? pledges[0];
      plans.push({ id: summary.id, version, pledgeId: pledge.id, pledges: pledges.length });
    }
    const [first] = plans;
    const one = `/plans/${first.id}/pledges/${encodeURIComponent(first.pledgeId)}`;
    rows.push({ test: 'GET one pledge', kind: 'read', ...(await readLoad(server.base, one, auth)) });
    rows.push({
      test: `GET ${first.pledges} pledges`,
      kind: 'read',
      ...(await readLoad(server.base, `/plans/${first.id}/pledges`, auth)),
    });
    rows.push({ test: 'PATCH a pledge', kind: 'write', ...(await writeLoad(server.base, plans, auth)) });
    const events = plans.map((p) => p.version);
    console.log(
      `  ${target.name}: ${plans.length} plans, versions after the run ${Math.min(...events)} … ${Math.max(...events)}, ${rows[2].conflicts} write conflicts`,
    );
    return rows;
  });
}

function verdict(row) {
  const target = TARGETS[row.kind];
  // A fixed-rate run cannot exceed its rate: 95 % of it counts as keeping up.
  const rate = row.kind === 'write' ? target.rps * 0.95 : target.rps;
  return row.rps >= rate && row.p99 < target.p99 && row.non2xx === 0 ? 'PASS' : 'MISS';
}

function printTable(results) {
  const head = ['db', 'test', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'target', 'result'];
  const lines = results.flatMap(({ db, rows, error }) =>
    error !== undefined
      ? [[db, `skipped: ${error}`, '', '', '', '', '', '']]
      : rows.map((row) => [
          db,
          row.test,
          row.rps.toFixed(0),
          String(row.p50),
          String(row.p99),
          String(row.non2xx),
          row.kind === 'read'
            ? `>= ${TARGETS.read.rps}/s, p99 < ${TARGETS.read.p99}`
            : `${TARGETS.write.rps}/s, p99 < ${TARGETS.write.p99}`,
          verdict(row),
        ]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) =>
    cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i])));
  console.log(format(head).join('  '));
  for (const line of lines) console.log(format(line).join('  '));
}

async function main() {
  const only = process.env.BENCH_DB;
  if (only !== undefined && only !== 'postgres' && only !== 'pglite') {
    throw new Error(`BENCH_DB must be postgres or pglite, not ${only}`);
  }
  const [one, five] = loadavg();
  console.log(`HTTP load (autocannon) against guarantor serve, ${SECONDS} s per run`);
  console.log(
    `  ${availableParallelism()} CPUs; load average before: ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`,
  );
  console.log(
    `  reads: ${READ_CONNECTIONS} connections, no rate limit; writes: ${WRITE_RATE}/s over ${WRITE_CONNECTIONS} connections, one plan each, each request at the version the previous answer gave`,
  );
  const results = [];
  for (const make of [postgresTarget, pgliteTarget]) {
    if (only !== undefined && make.name !== `${only}Target`) continue;
    let target;
    try {
      target = await make();
    } catch (error) {
      results.push({ db: make.name.replace('Target', ''), error: error.message });
      continue;
    }
    results.push({ db: target.name, rows: await withCleanup(target.remove, () => benchTarget(target)) });
  }
  printTable(results);
}

if (process.env.BENCH_ONLY !== 'engine') await main();
