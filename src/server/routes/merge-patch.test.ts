/**
 * PATCH as JSON Merge Patch (RFC 7396) at an entity's top level, on PGlite and on PostgreSQL (unless
 * GUARANTOR_TEST_PG=0): `null` removes an optional field as an attributed `updated` event, seen by
 * `?asOf=` and `/diff`; `null` on a required field, or a removal the plan's rules forbid, is a 400 that
 * names the field and leaves the ledger as it was.
 */
import { describe, expect, it } from 'vitest';
import { storeHarnesses } from '../../test-support/test-stores.js';
import { DEU_PLEDGE, FRA_PLEDGE, freshPlan, json, useTestApi, type Who } from '../test-app.js';
import { write } from '../test-routes.js';

type Body = Record<string, unknown>;

describe.each(storeHarnesses())('PATCH with null on $name', (harness) => {
  const ctx = useTestApi(harness);
  const { request } = ctx;
  const patch = (who: Who, path: string, changes: Body, version: number) =>
    request(who, path, json('PATCH', { changes, ...write(version) }));

  it('removes an optional field, changes another, and records one attributed event', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const path = `/plans/${planId}/pledges/${FRA_PLEDGE}`;
    const res = await patch('delegate', path, { readinessDays: null, triggers: null, quantity: 2 }, version);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ version: version + 1, replayed: false });

    const { pledge } = (await (await request('analyst', path)).json()) as { pledge: Body };
    expect(pledge).not.toHaveProperty('readinessDays');
    expect(pledge).not.toHaveProperty('triggers');
    expect(pledge).toMatchObject({ id: FRA_PLEDGE, actor: 'FRA', quantity: 2, bindingness: 'political' });

    const event = (await ctx.store.events(planId))?.at(-1);
    expect(event).toMatchObject({ kind: 'pledge.updated', entityId: FRA_PLEDGE, who: 'delegate' });
    expect(event?.payload).not.toHaveProperty('readinessDays');
    expect(event?.payload).toMatchObject({ quantity: 2, requires: ['DEU'] });
  });

  it('shows the removal as of a point before and after, and in the diff with who and why', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const path = `/plans/${planId}/pledges/${DEU_PLEDGE}`;
    expect((await patch('host', path, { readinessDays: null }, version)).status).toBe(200);

    const pledgeAt = async (asOf: number) => {
      const body = (await (await request('analyst', `/plans/${planId}?asOf=${asOf}`)).json()) as {
        plan: { pledges: Body[] };
      };
      return body.plan.pledges.find((p) => p.id === DEU_PLEDGE);
    };
    expect(await pledgeAt(version)).toMatchObject({ readinessDays: 2 });
    expect(await pledgeAt(version + 1)).not.toHaveProperty('readinessDays');

    const diff = (await (await request('analyst', `/plans/${planId}/diff?from=${version}`)).json()) as {
      changes: { entity: string; id: string; change: string; fields: Body[]; events: Body[] }[];
    };
    expect(diff.changes).toHaveLength(1);
    const [change] = diff.changes;
    expect(change).toMatchObject({ entity: 'pledge', id: DEU_PLEDGE, change: 'changed' });
    // The diff compares normalised plans: a removed readiness is the model's default, 0 days.
    expect(change?.fields).toEqual([{ field: 'readinessDays', before: 2, after: 0 }]);
    expect(change?.events).toEqual([
      expect.objectContaining({ seq: version + 1, who: 'host', reason: 'summit decision' }),
    ]);
  });

  it('removes optional fields of other kinds: a scenario title, an actor reliability, a setting', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const cases: [string, Body, string, string][] = [
      [`/plans/${planId}/scenarios/air-raid`, { title: null }, 'scenario', 'title'],
      [`/plans/${planId}/actors/FRA`, { reliability: null }, 'actor', 'reliability'],
      [`/plans/${planId}/settings`, { seed: null }, 'settings', 'seed'],
    ];
    let at = version;
    for (const [path, changes, key, field] of cases) {
      const res = await patch('host', path, changes, at);
      expect(res.status).toBe(200);
      at += 1;
      const body = (await (await request('host', path)).json()) as Record<string, Body>;
      expect(body[key]).toBeDefined();
      expect(body[key]).not.toHaveProperty(field);
    }
  });

  it('refuses null on a required field, naming it, and writes nothing', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const before = await ctx.store.events(planId);
    const cases: [Who, string, Body, string][] = [
      ['host', `/plans/${planId}/pledges/${DEU_PLEDGE}`, { actor: null }, 'actor'],
      ['delegate', `/plans/${planId}/pledges/${FRA_PLEDGE}`, { quantity: 3, posture: null }, 'posture'],
      ['host', `/plans/${planId}/capabilities/drone`, { effect: null }, 'effect'],
    ];
    for (const [who, path, changes, field] of cases) {
      const res = await patch(who, path, changes, version);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          code: 'INVALID_BODY',
          message: `\`${field}\` is required and cannot be removed: give it a value, or leave it out of changes`,
          path: `changes.${field}`,
        },
      });
    }
    expect(await ctx.store.events(planId)).toEqual(before);
  });

  it('refuses null on the id, on an unknown field and a removal the plan rules forbid', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const before = await ctx.store.events(planId);
    const path = `/plans/${planId}/pledges/${FRA_PLEDGE}`;
    const id = await patch('host', path, { id: null }, version);
    expect(id.status).toBe(400);
    expect(await id.json()).toMatchObject({ error: { code: 'INVALID_BODY', path: 'changes' } });
    const unknown = await patch('host', path, { colour: null }, version);
    expect(unknown.status).toBe(400);
    // An on-call pledge needs a quantity (only production may go without): the ctx.store refuses the plan.
    const quantity = await patch('host', path, { quantity: null }, version);
    expect(quantity.status).toBe(400);
    const body = (await quantity.json()) as { error: { message: string; path: string } };
    expect(body.error.path).toMatch(/^pledges\[\d+\]/);
    expect(body.error.message).toMatch(/quantity/);
    expect(await ctx.store.events(planId)).toEqual(before);
  });

  it('still checks permissions on a removal: a delegate cannot clear another actor’s field', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const res = await patch(
      'delegate',
      `/plans/${planId}/pledges/${DEU_PLEDGE}`,
      { readinessDays: null },
      version,
    );
    expect(res.status).toBe(403);
    const analyst = await patch(
      'analyst',
      `/plans/${planId}/pledges/${FRA_PLEDGE}`,
      { actor: null },
      version,
    );
    expect(analyst.status).toBe(403);
  });

  it('answers a body that is not JSON with INVALID_JSON, not a removal error', async () => {
    const { planId } = await freshPlan(ctx.store);
    const res = await request('host', `/plans/${planId}/pledges/${FRA_PLEDGE}`, json('PATCH', '{"changes":'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
  });
});
