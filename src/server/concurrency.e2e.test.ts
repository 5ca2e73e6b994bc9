/**
 * The server under 20 concurrent clients over real HTTP, on PGlite and on PostgreSQL: each client creates
 * a pledge of its own, changes it, changes pledges every other client changes too, and withdraws some —
 * each write read-version → send with expectedVersion and an Idempotency-Key → on 409 re-read and retry,
 * some sent twice (a lost answer) or twice at once. Then the ledger must hold every acknowledged write
 * once, nothing else, without a gap; the plan must be the replay of its events; no update may be lost.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { guarantor, SLOW, tempPlans } from '../test-support/cli-harness.js';
import {
  expectAcknowledged,
  expectProjection,
  expectWholeLedger,
  type PlannedWrite,
  readEvents,
  seededUniform,
  sendWrite,
  type WriteOutcome,
  writeWithRetry,
} from '../test-support/ledger-writes.js';
import {
  addUser,
  type Credentials,
  createTestDatabase,
  DATABASE_KINDS,
  killStrayServes,
  type RunningServe,
  startServe,
  type TestDatabase,
} from '../test-support/serve-harness.js';

const CLIENTS = 20;
const WRITES_PER_CLIENT = 5;
/** Pledges of the small plan that several clients change at once. */
const CONTESTED = ['big-jets', 'home-army', 'far-tanks'] as const;

const tmp = tempPlans('guarantor-concurrency-', { 'small.yaml': SMALL_PLAN_YAML });

/** Clients 3, 7, 11, … are delegates of FAR (they write FAR's pledges); the others are hosts. */
function isDelegate(client: number): boolean {
  return client % 4 === 3;
}

/** A field value that names its writer: write w of client c. */
function stamped(client: number, write: number): number {
  return 1000 * (write + 1) + client;
}

/**
 * The five writes of one client; every value unique, so the ledger tells who wrote what. A delegate's
 * keys are those of a host client: keys are per user, so they must not answer each other's writes.
 */
function clientWrites(planId: string, client: number): PlannedWrite[] {
  const own = `c${client}`;
  const keyOwner = isDelegate(client) ? client - 3 : client;
  const at = (w: number) => ({ marker: `concurrency c${client} w${w}`, key: `c${keyOwner}-w${w}` });
  const pledges = `/plans/${planId}/pledges`;
  const [first, second] = isDelegate(client) ? ['far-tanks', 'far-tanks'] : ['big-jets', 'home-army'];
  const actor = isDelegate(client) ? 'FAR' : 'HOME';
  const field = client % 2 === 0 ? 'quantity' : 'readinessDays';
  const otherField = client % 2 === 0 ? 'readinessDays' : 'quantity';
  const patch = (w: number, pledge: string, changes: Record<string, unknown>): PlannedWrite => ({
    ...at(w),
    method: 'PATCH',
    path: `${pledges}/${pledge}`,
    body: { changes },
  });
  return [
    {
      ...at(0),
      method: 'POST',
      path: pledges,
      body: {
        pledge: {
          id: own,
          actor,
          capability: 'sam',
          quantity: 1,
          posture: 'in-place',
          // A partner's pledge says how binding it is; the protected country's own does not.
          ...(actor === 'HOME' ? {} : { bindingness: 'political' }),
        },
      },
    },
    patch(1, first, { [field]: stamped(client, 1) }),
    patch(2, own, { quantity: stamped(client, 2) }),
    patch(3, second, { quantity: stamped(client, 3) }),
    client % 3 === 0
      ? { ...at(4), method: 'POST', path: `${pledges}/${own}/withdraw`, body: {} }
      : patch(4, first, { [otherField]: stamped(client, 4) }),
  ];
}

interface ClientLog {
  readonly acked: Map<string, number>;
  conflicts: number;
  replays: number;
}

/**
 * One client's loop. Client 0, 4, 8, … resends its first contested write after the answer (a lost
 * answer: it must replay); client 1, 6, 11, … sends its creation twice at once with one key; every
 * delegate also tries to change a pledge of BIG in the middle of it all, and is refused.
 */
async function runClient(server: RunningServe, planId: string, client: number): Promise<ClientLog> {
  const log: ClientLog = { acked: new Map(), conflicts: 0, replays: 0 };
  const uniform = seededUniform(client + 1);
  const pause = (attempt: number) =>
    new Promise<void>((resolve) => setTimeout(resolve, uniform() * Math.min(50, 5 * attempt)));
  for (const [index, write] of clientWrites(planId, client).entries()) {
    if (index === 0 && client % 5 === 1) {
      await twiceAtOnce(server, planId, write, log, pause);
      continue;
    }
    const outcome = await writeWithRetry(server, planId, write, pause);
    expectAcked(outcome, write);
    if (outcome.kind !== 'acked') continue;
    expect(outcome.replayed).toBe(false);
    log.acked.set(write.marker, outcome.version);
    log.conflicts += outcome.conflicts;
    if (index === 2 && isDelegate(client)) {
      const refused = await writeWithRetry(server, planId, {
        marker: `concurrency c${client} forbidden`,
        key: `c${client}-forbidden`,
        method: 'PATCH',
        path: `/plans/${planId}/pledges/big-jets`,
        body: { changes: { quantity: 1 } },
      });
      expect(refused).toMatchObject({ kind: 'refused', status: 403, body: { error: { code: 'FORBIDDEN' } } });
    }
    if (index === 1 && client % 4 === 0) {
      const again = await sendWrite(server, write, outcome.expectedVersion);
      expect(again).toEqual({ status: 200, body: { version: outcome.version, replayed: true } });
      log.replays += 1;
    }
  }
  return log;
}

/** The same write, same key, sent twice at once: one appends, the other replays (or both meet a 409). */
async function twiceAtOnce(
  server: RunningServe,
  planId: string,
  write: PlannedWrite,
  log: ClientLog,
  pause: (attempt: number) => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const read = await server.request('GET', `/plans/${planId}`);
    const answers = await Promise.all([
      sendWrite(server, write, read.body.version),
      sendWrite(server, write, read.body.version),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    if (statuses[0] === 409 && statuses[1] === 409) {
      log.conflicts += 2;
      await pause(attempt);
      continue;
    }
    expect(statuses).toEqual([200, 201]);
    const [first, second] = answers;
    expect(first?.body.version).toBe(second?.body.version);
    expect(answers.map((a) => a.body.replayed).sort()).toEqual([false, true]);
    log.acked.set(write.marker, first?.body.version);
    log.replays += 1;
    return;
  }
}

function expectAcked(outcome: WriteOutcome, write: PlannedWrite): void {
  expect(outcome.kind === 'acked' ? 'acked' : JSON.stringify(outcome), write.marker).toBe('acked');
}

/** The value the last acknowledged writer of `pledge.field` wrote (by version), if anyone wrote it. */
function lastWritten(planId: string, acked: ReadonlyMap<string, number>, pledge: string, field: string) {
  let last: { version: number; value: unknown } | undefined;
  for (let client = 0; client < CLIENTS; client++) {
    for (const write of clientWrites(planId, client)) {
      const changes = write.body.changes as Record<string, unknown> | undefined;
      if (!write.path.endsWith(`/pledges/${pledge}`) || changes?.[field] === undefined) continue;
      const version = acked.get(write.marker);
      if (version !== undefined && (last === undefined || version > last.version)) {
        last = { version, value: changes[field] };
      }
    }
  }
  return last?.value;
}

describe.each(DATABASE_KINDS)('the server on %s under 20 concurrent clients', (kind) => {
  let database: TestDatabase;
  let server: RunningServe;
  let far: Credentials;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const lead = await addUser(database.target, 'lead', 'host');
    far = await addUser(database.target, 'far', 'delegate', 'FAR');
    server = await startServe({ db: database.target, plan: tmp('small.yaml'), login: lead });
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
    await killStrayServes();
    await database?.drop();
  });

  it('acknowledges each write once, loses no update, and serves the replay of its events', {
    timeout: SLOW,
  }, async () => {
    const [summary] = (await server.request('GET', '/plans')).body.plans as { id: string; version: number }[];
    if (summary === undefined) throw new Error('serve imported no plan');
    const planId = summary.id;
    const importEvents = summary.version;

    const delegate = await server.loginAs(far);
    const logs = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        runClient(isDelegate(client) ? delegate : server, planId, client),
      ),
    );

    const acked = new Map(logs.flatMap((log) => [...log.acked]));
    expect(acked.size).toBe(CLIENTS * WRITES_PER_CLIENT);
    // The run did contend and did retry: otherwise it proves nothing.
    expect(logs.reduce((n, log) => n + log.conflicts, 0)).toBeGreaterThan(0);
    expect(logs.reduce((n, log) => n + log.replays, 0)).toBe(9);

    const events = await readEvents(server, planId);
    expect(events).toHaveLength(importEvents + CLIENTS * WRITES_PER_CLIENT);
    expectWholeLedger(events, importEvents);
    expectAcknowledged(events, importEvents, acked);
    const plan = await expectProjection(server, planId, events);

    const pledges = new Map((plan.pledges as Record<string, unknown>[]).map((p) => [p.id, p]));
    for (const pledge of CONTESTED) {
      for (const field of ['quantity', 'readinessDays']) {
        const last = lastWritten(planId, acked, pledge, field);
        if (last !== undefined) expect(pledges.get(pledge)?.[field], `${pledge}.${field}`).toBe(last);
      }
    }
    for (let client = 0; client < CLIENTS; client++) {
      expect(pledges.get(`c${client}`)).toMatchObject({
        quantity: stamped(client, 2),
        ...(client % 3 === 0 ? { status: 'withdrawn' } : {}),
      });
    }

    // The same plan out of the database itself, once the server has let go of it.
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    const exported = await guarantor(['db', 'export', planId, '--db', database.target]);
    expect(exported.code).toBe(0);
    expect(parse(exported.stdout)).toEqual(plan);
  });
});
