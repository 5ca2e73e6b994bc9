/**
 * Plan entities through the API, on PGlite and on PostgreSQL (unless GUARANTOR_TEST_PG=0): spare capacity
 * named by actor/capability, PATCH merging fields, withdrawals (a pledge stays, withdrawn; anything else
 * goes, unless something still refers to it), the settings singleton.
 */
import { describe, expect, it } from 'vitest';
import { storeHarnesses } from '../../test-support/test-stores.js';
import { DEU_PLEDGE, freshPlan, json, useTestApi } from '../test-app.js';
import { write } from '../test-routes.js';

describe.each(storeHarnesses())('entities on $name', (harness) => {
  const ctx = useTestApi(harness);
  const { request } = ctx;

  it('lists, reads and names spare capacity by actor/capability', async () => {
    const { planId } = await freshPlan(ctx.store);
    const list = await request('analyst', `/plans/${planId}/spare`);
    expect(await list.json()).toMatchObject({ spare: [{ actor: 'FRA', capability: 'sam', quantity: 1 }] });
    const one = await request('analyst', `/plans/${planId}/spare/FRA/sam`);
    expect(await one.json()).toMatchObject({ spare: { actor: 'FRA', capability: 'sam' } });
    expect((await request('analyst', `/plans/${planId}/spare/FRA%2Fsam`)).status).toBe(404);
    expect((await request('analyst', `/plans/${planId}/spare/FRA/jet-sqn`)).status).toBe(404);
  });

  it('merges changed fields and keeps the id of the URL', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const res = await request(
      'host',
      `/plans/${planId}/scenarios/air-raid`,
      json('PATCH', { changes: { weight: 3 }, ...write(version) }),
    );
    expect(res.status).toBe(200);
    const read = await request('host', `/plans/${planId}/scenarios/air-raid`);
    expect(await read.json()).toMatchObject({
      version: version + 1,
      scenario: { id: 'air-raid', title: 'Air raid', weight: 3, horizonDays: 10 },
    });
    const renamed = await request(
      'host',
      `/plans/${planId}/scenarios/air-raid`,
      json('PATCH', { changes: { id: 'other' }, ...write(version + 1) }),
    );
    expect(renamed.status).toBe(400);
  });

  it('refuses a withdrawal that would leave dangling references, naming them, and writes nothing', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    const before = await ctx.store.events(planId);
    const res = await request('host', `/plans/${planId}/actors/DEU/withdraw`, json('POST', write(version)));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; path: string } };
    expect(body.error.path).toMatch(/^(pledges|actors)\[\d+\]\./);
    expect(body.error.message).toContain('DEU');
    // Every reference is named: DEU's two pledges, FRA's condition on it, the variant excluding it.
    expect(body.error.message.match(/(pledges|actors|variants)\[\d+\]\.\w+/g)?.length).toBeGreaterThanOrEqual(
      4,
    );
    expect(await ctx.store.events(planId)).toEqual(before);
  });

  it('keeps a withdrawn pledge with status withdrawn and removes a withdrawn scenario', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    await request('host', `/plans/${planId}/pledges/${DEU_PLEDGE}/withdraw`, json('POST', write(version)));
    await request('host', `/plans/${planId}/scenarios/air-raid/withdraw`, json('POST', write(version + 1)));
    const pledge = await request('host', `/plans/${planId}/pledges/${DEU_PLEDGE}`);
    expect(await pledge.json()).toMatchObject({ pledge: { status: 'withdrawn' } });
    expect((await request('host', `/plans/${planId}/scenarios/air-raid`)).status).toBe(404);
  });

  it('answers 404 for settings a plan does not have', async () => {
    const { planId, version } = await freshPlan(ctx.store);
    await request('host', `/plans/${planId}/settings/withdraw`, json('POST', write(version)));
    expect((await request('host', `/plans/${planId}/settings`)).status).toBe(404);
    const change = json('PATCH', { changes: { trials: 5 }, ...write(version + 1) });
    expect((await request('host', `/plans/${planId}/settings`, change)).status).toBe(404);
  });
});
