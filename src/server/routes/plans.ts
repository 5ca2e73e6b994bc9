/**
 * Plans as wholes: the list, one plan now or as of a point, its events, a new plan from plan-format data
 * (host only, one event per entity like `guarantor db import`), the changes between two points (the
 * cheap part of `guarantor diff`: who changed what, why; the value impact is a job), and an in-process
 * assessment.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { runNow } from '../../jobs/run-now.js';
import type { LedgerEvent } from '../../store/events.js';
import { planToEvents } from '../../store/plan-events.js';
import { ledgerChanges } from '../../store/plan-history.js';
import type { AsOf, Store, User } from '../../store/store.js';
import { fail } from '../api-error.js';
import type { App, RouteDeps } from '../app-env.js';
import { describeAsOf, parseAsOf, parseData, planAt, pointOf } from '../ledger-points.js';
import { forbidden, idempotencyKey } from '../ledger-write.js';
import { currentPlan, unknownPlan } from '../plan-reads.js';
import { type Parsed, readBody } from '../request-body.js';
import { assessmentBody, createPlanBody, MAX_SERVER_TRIALS } from '../schemas.js';

export function planRoutes(app: App, deps: RouteDeps): void {
  const { store } = deps;
  app.get('/plans', async (c) => c.json({ plans: await store.plans() }));

  app.post('/plans', async (c) => {
    const user = c.get('user');
    if (user.role !== 'host') return forbidden(c, 'only the host creates plans');
    const body = await readBody(c, createPlanBody);
    if (!body.ok) return body.response;
    const key = idempotencyKey(c, user);
    if (!key.ok) return key.response;
    return createPlan(c, store, user, body.value, key.key);
  });

  app.get('/plans/:id', async (c) => {
    const asOf = asOfQuery(c, 'asOf');
    if (!asOf.ok) return asOf.response;
    const current = await currentPlan(store, c.req.param('id'), asOf.value);
    if (current !== undefined) return c.json(current);
    if (asOf.value === undefined || (await store.plan(c.req.param('id'))) === undefined)
      return unknownPlan(c);
    return fail(c, 404, {
      code: 'NOT_FOUND',
      message: `plan "${c.req.param('id')}" has no valid state as of ${describeAsOf(asOf.value)}`,
      path: 'asOf',
    });
  });

  app.get('/plans/:id/events', async (c) => {
    const events = await store.events(c.req.param('id'));
    if (events === undefined) return unknownPlan(c);
    return c.json({ events });
  });

  app.get('/plans/:id/diff', async (c) => {
    const from = asOfQuery(c, 'from');
    const to = asOfQuery(c, 'to');
    if (!from.ok) return from.response;
    if (!to.ok) return to.response;
    if (from.value === undefined) return badQuery(c, 'from', 'from=SEQ or from=ISO-TIME is required');
    const events = await store.events(c.req.param('id'));
    if (events === undefined) return unknownPlan(c);
    return diffBetween(c, events, from.value, to.value);
  });

  app.post('/plans/:id/assessments', async (c) => {
    const body = await readBody(c, assessmentBody);
    if (!body.ok) return body.response;
    const current = await currentPlan(store, c.req.param('id'));
    if (current === undefined) return unknownPlan(c);
    const parsed = parseData(current.plan);
    if (!parsed.ok) return fail(c, 500, { code: 'INTERNAL', message: 'the stored plan does not parse' });
    const { trials, seed, variants, scenarios } = body.value;
    // Answered in the request, but run in a worker thread (the event loop keeps serving); capped so one
    // request cannot hold a thread long: longer runs are jobs (POST /plans/:id/jobs).
    const ran = await runNow(
      store,
      current.id,
      {
        kind: 'assess',
        params: {
          version: current.version,
          trials: trials ?? Math.min(parsed.value.plan.settings.trials, MAX_SERVER_TRIALS),
          ...(seed === undefined ? {} : { seed }),
          ...(variants === undefined ? {} : { variants }),
          ...(scenarios === undefined ? {} : { scenarios }),
        },
      },
      deps.workerUrl === undefined ? {} : { workerUrl: deps.workerUrl },
    );
    if (!ran.ok) {
      const status = ran.error.code === 'NOT_FOUND' ? 404 : ran.error.code === 'INTERNAL' ? 500 : 400;
      return fail(c, status, { code: ran.error.code, message: ran.error.message });
    }
    // The document is passed through as the worker wrote it: the same bytes as `assess --json`.
    return c.body(`{"version":${ran.value.version},"assessment":${ran.value.document}}`, 200, {
      'Content-Type': 'application/json',
    });
  });
}

type PlanBody = typeof createPlanBody._output;

/**
 * Validates the plan data (nothing is written when it is invalid: a 400 naming the first issue) and
 * creates the plan. With an Idempotency-Key the plan's id is derived from it, so a retry finds the plan
 * the first try made instead of making a second one.
 */
async function createPlan(
  c: Context,
  store: Store,
  user: User,
  body: PlanBody,
  key: string | undefined,
): Promise<Response> {
  const parsed = parseData(body.plan);
  if (!parsed.ok) {
    const first = parsed.error.find((issue) => issue.severity === 'error');
    return fail(c, 400, {
      code: first?.code ?? 'INVALID_PLAN',
      message: first?.message ?? 'invalid plan',
      path: first === undefined || first.path === '' ? 'plan' : `plan.${first.path}`,
    });
  }
  const events = planToEvents(body.plan, {
    who: user.name,
    reason: body.reason ?? 'created over the API',
    ...(body.source === undefined ? {} : { source: body.source }),
  });
  const id = key === undefined ? undefined : createHash('sha256').update(key).digest('hex').slice(0, 12);
  const created = await store.createPlan(body.title, events, id === undefined ? {} : { id });
  if (created.ok)
    return c.json({ id: created.value.planId, version: created.value.version, replayed: false }, 201);
  const retried = id === undefined ? undefined : await store.plan(id);
  if (retried !== undefined) return c.json({ id: retried.id, version: retried.version, replayed: true }, 200);
  const first = 'issues' in created.error ? created.error.issues[0] : undefined;
  return fail(c, 400, {
    code: first?.code ?? created.error.code,
    message: created.error.message,
    path: 'plan',
  });
}

/** Who changed what between two points, with the events (who, when, why, source) on each change. */
function diffBetween(c: Context, events: readonly LedgerEvent[], fromAsOf: AsOf, toAsOf: AsOf | undefined) {
  const from = pointOf(events, fromAsOf);
  if (!from.ok) return badQuery(c, 'from', from.error);
  const last = events.at(-1);
  const to = toAsOf === undefined ? pointOf(events, { seq: last?.seq ?? 0 }) : pointOf(events, toAsOf);
  if (!to.ok) return badQuery(c, 'to', to.error);
  if (from.value.seq > to.value.seq) {
    return badQuery(c, 'from', `from (event ${from.value.seq}) is after to (event ${to.value.seq})`);
  }
  const before = planAt(events, from.value);
  if (!before.ok) return badQuery(c, 'from', before.error);
  const after = planAt(events, to.value);
  if (!after.ok) return badQuery(c, 'to', after.error);
  const between = events.filter((e) => e.seq > from.value.seq && e.seq <= to.value.seq);
  const changes = ledgerChanges(before.value, after.value, events, from.value.seq, to.value.seq);
  return c.json({ plan: c.req.param('id'), from: from.value, to: to.value, events: between, changes });
}

/** An optional `?name=SEQ|ISO-TIME`; a 400 when it is there but neither. */
function asOfQuery(c: Context, name: string): Parsed<AsOf | undefined> {
  const text = c.req.query(name);
  if (text === undefined) return { ok: true, value: undefined };
  const asOf = parseAsOf(text);
  if (asOf !== undefined) return { ok: true, value: asOf };
  return { ok: false, response: badQuery(c, name, `${name} must be an event number or an ISO 8601 time`) };
}

function badQuery(c: Context, name: string, message: string): Response {
  return fail(c, 400, { code: 'INVALID_QUERY', message, path: name });
}
