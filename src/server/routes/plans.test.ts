/**
 * Plans through the API, on PGlite and on PostgreSQL (unless GUARANTOR_TEST_PG=0): the plan as of an
 * event or a time, the changes between two points with who/why, a new plan from plan data.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { storeHarnesses } from '../../test-support/test-stores.js';
import { DEU_PLEDGE, FRA_PLEDGE, freshPlan, json, PLAN_YAML, useTestApi } from '../test-app.js';
import { unique, write } from '../test-routes.js';

describe.each(storeHarnesses())('plans on $name', (harness) => {
  const ctx = useTestApi(harness);
  const { request } = ctx;

  it('returns the current plan with its version, and the plan as of an event or a time', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    await request('host', `/plans/${planId}/pledges/${DEU_PLEDGE}/withdraw`, json('POST', write(version)));
    const status = async (query: string) => {
      const res = await request('analyst', `/plans/${planId}${query}`);
      const body = (await res.json()) as {
        version: number;
        plan: { pledges: { id: string; status?: string }[] };
      };
      return [body.version, body.plan.pledges.find((p) => p.id === DEU_PLEDGE)?.status];
    };
    expect(await status('')).toEqual([version + 1, 'withdrawn']);
    expect(await status(`?asOf=${version}`)).toEqual([version, undefined]);
    const events = (await ctx.store.events(planId)) ?? [];
    const importedAt = events[version - 1]?.at.toISOString() ?? '';
    expect(await status(`?asOf=${encodeURIComponent(importedAt)}`)).toEqual([version, undefined]);
    for (const bad of ['yesterday', '-1', '1.5', '2026-13-45']) {
      const res = await request('analyst', `/plans/${planId}?asOf=${bad}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_QUERY', path: 'asOf' } });
    }
    expect((await request('analyst', `/plans/${planId}?asOf=2000-01-01`)).status).toBe(404);
    expect((await request('analyst', `/plans/${planId}?asOf=1`)).status).toBe(404);
  });

  it('lists who changed what between two points (diff)', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    await request(
      'delegate',
      `/plans/${planId}/pledges/${FRA_PLEDGE}`,
      json('PATCH', { changes: { quantity: 4 }, ...write(version) }),
    );
    await request(
      'host',
      `/plans/${planId}/pledges/${DEU_PLEDGE}/withdraw`,
      json('POST', write(version + 1)),
    );
    const res = await request('analyst', `/plans/${planId}/diff?from=${version}&to=${version + 2}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      from: { seq: number };
      to: { seq: number };
      events: unknown[];
      changes: unknown[];
    };
    expect(body.from.seq).toBe(version);
    expect(body.to.seq).toBe(version + 2);
    expect(body.events).toHaveLength(2);
    expect(body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: 'pledge',
          id: FRA_PLEDGE,
          change: 'changed',
          events: [expect.objectContaining({ who: 'delegate', reason: 'summit decision' })],
        }),
        expect.objectContaining({ entity: 'pledge', id: DEU_PLEDGE, change: 'withdrawn' }),
      ]),
    );
    for (const query of [
      '',
      '?from=x',
      `?from=${version + 2}&to=${version}`,
      '?from=1',
      `?from=${version + 9}`,
    ]) {
      expect((await request('analyst', `/plans/${planId}/diff${query}`)).status).toBe(400);
    }
    expect((await request('analyst', `/plans/nope/diff?from=1`)).status).toBe(404);
  });

  it('creates a plan from plan data, once per Idempotency-Key, and nothing from an invalid one', async () => {
    const data = parse(PLAN_YAML) as Record<string, unknown>;
    const init = json('POST', { title: 'from the API', plan: data }, { 'Idempotency-Key': unique('plan') });
    const first = await request('host', '/plans', init);
    expect(first.status).toBe(201);
    const { id, version } = (await first.json()) as { id: string; version: number };
    const again = await request('host', '/plans', init);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, version, replayed: true });
    const events = (await ctx.store.events(id)) ?? [];
    expect(events).toHaveLength(version);
    expect(events.every((e) => e.who === 'host' && e.reason === 'created over the API')).toBe(true);
    expect((await ctx.store.plan(id))?.title).toBe('from the API');

    const plans = (await ctx.store.plans()).length;
    const pledges = data.pledges as Record<string, unknown>[];
    const broken = { ...data, pledges: [...pledges, { ...pledges[0], id: 'x', capability: 'nope' }] };
    const res = await request('host', '/plans', json('POST', { title: 'broken', plan: broken }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'PLAN_UNKNOWN_CAPABILITY', path: `plan.pledges[${pledges.length}].capability` },
    });
    const shapeless = await request(
      'host',
      '/plans',
      json('POST', { title: 'broken', plan: { guarantor: 2 } }),
    );
    expect(shapeless.status).toBe(400);
    expect((await ctx.store.plans()).length).toBe(plans);
  });
});
