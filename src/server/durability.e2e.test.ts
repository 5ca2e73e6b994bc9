/**
 * kill -9 of `guarantor serve` in the middle of a stream of writes, on PGlite and on PostgreSQL: four
 * writers (each sequential, together concurrent) write until a seeded number of them are acknowledged,
 * then the server gets SIGKILL while requests are in flight, and starts again on the same database (a
 * PGlite folder's stale lock must not block it). Every acknowledged write must be there once, every event
 * whole, the plan valid as of every write, a write whose answer was lost either there (its resend
 * replays) or not (its resend meets a 409), and the server must go on from the right version. Three
 * kills per database.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { planToEvents } from '../store/plan-events.js';
import { guarantor, SLOW, tempPlans } from '../test-support/cli-harness.js';
import {
  expectAcknowledged,
  expectProjection,
  expectWholeLedger,
  type PlannedWrite,
  readEvents,
  seededUniform,
  sendWrite,
  writeWithRetry,
} from '../test-support/ledger-writes.js';
import {
  addUser,
  type Credentials,
  createTestDatabase,
  DATABASE_KINDS,
  type DatabaseKind,
  type KillableRun,
  killStrayServes,
  type RunningServe,
  spawnGuarantor,
  startServe,
  type TestDatabase,
} from '../test-support/serve-harness.js';

const KILLS = 3;
const WRITERS = 4;
const SEEDS: Record<DatabaseKind, number> = { pglite: 41, postgres: 42 };

const tmp = tempPlans('guarantor-durability-', { 'small.yaml': SMALL_PLAN_YAML });

/** What the test knows of the ledger: acknowledged writes (marker → version), and lost answers. */
interface Tally {
  readonly acked: Map<string, number>;
  readonly unknown: Map<string, { readonly write: PlannedWrite; readonly expectedVersion: number }>;
}

/**
 * Writer `w`'s n-th write in round `r`: create a pledge, change it, change a pledge every writer
 * changes, withdraw it; again with a new pledge.
 */
function nthWrite(planId: string, round: number, writer: number, n: number): PlannedWrite {
  const id = `r${round}-w${writer}-p${Math.floor(n / 4)}`;
  const tag = `r${round}-w${writer}-n${n}`;
  const base = { marker: `durability ${tag}`, key: tag };
  const pledges = `/plans/${planId}/pledges`;
  switch (n % 4) {
    case 0:
      return {
        ...base,
        method: 'POST',
        path: pledges,
        body: { pledge: { id, actor: 'HOME', capability: 'sam', quantity: 1, posture: 'in-place' } },
      };
    case 1:
      return { ...base, method: 'PATCH', path: `${pledges}/${id}`, body: { changes: { quantity: n + 2 } } };
    case 2:
      return {
        ...base,
        method: 'PATCH',
        path: `${pledges}/big-jets`,
        body: { changes: { quantity: n + 2 } },
      };
    default:
      return { ...base, method: 'POST', path: `${pledges}/${id}/withdraw`, body: {} };
  }
}

/**
 * Writes until `killAfter` writes of this round are acknowledged, then kills the server `killDelay` ms
 * later while the writers go on: some writes are then mid-request, and an answer may be lost after its
 * commit. Every writer stops at its first write that meets the dead server.
 */
async function streamThenKill(
  server: RunningServe,
  planId: string,
  round: number,
  kill: { readonly after: number; readonly delay: number },
  tally: Tally,
): Promise<void> {
  let acknowledged = 0;
  let killed: Promise<unknown> | undefined;
  const writer = async (w: number) => {
    for (let n = 0; ; n++) {
      const write = nthWrite(planId, round, w, n);
      const outcome = await writeWithRetry(server, planId, write);
      switch (outcome.kind) {
        case 'acked':
          expect(outcome.replayed).toBe(false);
          tally.acked.set(write.marker, outcome.version);
          acknowledged += 1;
          if (acknowledged === kill.after) {
            killed = new Promise((resolve) => setTimeout(resolve, kill.delay)).then(() => server.kill());
          }
          break;
        case 'unknown':
          tally.unknown.set(write.marker, { write, expectedVersion: outcome.expectedVersion });
          return;
        case 'unsent':
          return;
        case 'refused':
          throw new Error(`${write.marker} refused: ${outcome.status} ${JSON.stringify(outcome.body)}`);
        default:
          return outcome satisfies never;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });
}

/** After a restart: the ledger holds what it must, lost answers are settled by resending them. */
async function expectSurvived(server: RunningServe, planId: string, importEvents: number, tally: Tally) {
  const events = await readEvents(server, planId);
  expectWholeLedger(events, importEvents);
  expectAcknowledged(events, importEvents, tally.acked, new Set(tally.unknown.keys()));
  await expectProjection(server, planId, events);

  // A client whose answer was lost resends the same request: a replay if it went in, else a 409.
  for (const [marker, { write, expectedVersion }] of tally.unknown) {
    const event = events.find((e) => e.reason === marker);
    const answer = await sendWrite(server, write, expectedVersion);
    if (event !== undefined) {
      expect(answer, marker).toEqual({ status: 200, body: { version: event.seq, replayed: true } });
      tally.acked.set(marker, event.seq);
    } else if (answer.status !== 409) {
      // Nothing was written since it read its version: the resend is the write, now acknowledged.
      expect([200, 201], marker).toContain(answer.status);
      expect(answer.body.replayed).toBe(false);
      tally.acked.set(marker, answer.body.version);
    }
    tally.unknown.delete(marker);
  }
  const settled = await readEvents(server, planId);
  expectAcknowledged(settled, importEvents, tally.acked);
  return settled;
}

describe.each(DATABASE_KINDS)('kill -9 of the server on %s', (kind) => {
  let database: TestDatabase;
  let lead: Credentials;
  // The first opening of a PGlite folder creates the database: slow, and not what is tested.
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    lead = await addUser(database.target, 'lead', 'host');
  }, SLOW);
  afterAll(async () => {
    await killStrayServes();
    await database?.drop();
  });

  it('keeps every acknowledged write, whole and once, through three kills mid-stream', {
    timeout: SLOW,
  }, async () => {
    const start = () => startServe({ db: database.target, plan: tmp('small.yaml'), login: lead });
    let server = await start();
    const [summary] = (await server.request('GET', '/plans')).body.plans as {
      id: string;
      version: number;
    }[];
    if (summary === undefined) throw new Error('serve imported no plan');
    const planId = summary.id;
    const importEvents = summary.version;
    // The import on first start is one write of one event per entity of the file: all of them.
    const file = planToEvents(parse(SMALL_PLAN_YAML), { who: 'serve', reason: 'import' });
    const imported = (await readEvents(server, planId)).map((e) => `${e.kind} ${e.entityId}`);
    expect(imported).toEqual(file.map((e) => `${e.kind} ${e.entityId}`));
    const tally: Tally = { acked: new Map(), unknown: new Map() };
    const uniform = seededUniform(SEEDS[kind]);

    for (let round = 0; round < KILLS; round++) {
      const kill = { after: 3 + Math.floor(uniform() * 12), delay: Math.floor(uniform() * 40) };
      await streamThenKill(server, planId, round, kill, tally);
      const before = server.token;
      server = await start();
      // A session acknowledged before the kill survives it too.
      expect((await server.request('GET', '/plans', { token: before })).status).toBe(200);
      await expectSurvived(server, planId, importEvents, tally);
    }

    // Writes go on from the right version; a writer that read an older one is refused.
    const events = await readEvents(server, planId);
    const version = events.length;
    const next = nthWrite(planId, KILLS, 0, 0);
    expect(await sendWrite(server, next, version)).toEqual({
      status: 201,
      body: { version: version + 1, replayed: false },
    });
    const stale = await sendWrite(server, nthWrite(planId, KILLS, 1, 0), version);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', currentVersion: version + 1 });
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });
});

describe.skipIf(!DATABASE_KINDS.includes('postgres'))('kill -9 in the middle of a plan import', () => {
  it('leaves neither the plan nor any of its events: an import is all or nothing', {
    timeout: SLOW,
  }, async () => {
    const database = await createTestDatabase('postgres');
    // Connected in the test's schema (the URL carries its search_path).
    const blocker = new pg.Client({ connectionString: database.target });
    try {
      expect((await guarantor(['db', 'migrate', '--db', database.target])).code).toBe(0);
      await blocker.connect();
      // Holding the events table (reads allowed): the import writes its plan row, then waits to write
      // its events — and is killed there, mid-transaction.
      await blocker.query('begin');
      await blocker.query('lock table events in exclusive mode');
      const run = spawnGuarantor(['db', 'import', tmp('small.yaml'), '--db', database.target]);
      const waiting = await backendWaitingOnEvents(blocker, run);
      process.kill(run.pid, 'SIGKILL');
      expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
      await blocker.query('commit');
      await backendGone(blocker, waiting);
      const count = async (table: string) =>
        (await blocker.query(`select count(*)::int as n from ${table}`)).rows[0].n;
      expect(await count('plans')).toBe(0);
      expect(await count('events')).toBe(0);

      // The same import, left alone, writes the whole plan.
      expect((await guarantor(['db', 'import', tmp('small.yaml'), '--db', database.target])).code).toBe(0);
      expect(await count('plans')).toBe(1);
      expect(await count('events')).toBe(planToEvents(parse(SMALL_PLAN_YAML), BY).length);
    } finally {
      await blocker.end();
      await database.drop();
    }
  });
});

const BY = { who: 'test', reason: 'import' };

/** The pid of the server backend waiting for a lock on this schema's events table. */
async function backendWaitingOnEvents(client: pg.Client, run: KillableRun): Promise<number> {
  for (let look = 0; look < 600; look++) {
    const { rows } = await client.query(
      "select pid from pg_locks where not granted and relation = 'events'::regclass",
    );
    if (rows[0] !== undefined) return rows[0].pid;
    const exited = await Promise.race([run.exited, new Promise((done) => setTimeout(done, 50, undefined))]);
    if (exited !== undefined) throw new Error(`the import ended before it wrote: ${run.stderr()}`);
  }
  throw new Error('the import never reached its events');
}

/** Waits until a server backend has ended (its client is gone: it rolls back and exits). */
async function backendGone(client: pg.Client, pid: number): Promise<void> {
  for (let look = 0; look < 600; look++) {
    const { rows } = await client.query('select 1 from pg_stat_activity where pid = $1', [pid]);
    if (rows.length === 0) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`backend ${pid} is still there`);
}
