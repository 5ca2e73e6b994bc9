/**
 * Track records through the API, on PGlite and on PostgreSQL (unless GUARANTOR_TEST_PG=0): 404 with the
 * remedy before any import, the host's import (400 with row-located issues and nothing stored when the
 * files are bad), the latest import, a plan's proposals with a mapping from the query (400 when bad),
 * and accepting one through the ledger's actor PATCH with the Kiel source.
 */
import { describe, expect, it } from 'vitest';
import {
  SMALL_KIEL,
  SMALL_KIEL_DATA_EXPLORER,
  SMALL_WORLD_BANK,
} from '../../core/track-records/testing/small-kiel.js';
import { storeHarnesses } from '../../test-support/test-stores.js';
import { freshPlan, json, useTestApi } from '../test-app.js';

interface Proposals {
  planId: string;
  version: number;
  source: { title: string; url: string; date: string };
  mapping: { floor: number; ceiling: number };
  formula: string;
  gdpProposed: boolean;
  actors: {
    actor: string;
    deliveredRatio: number | null;
    proposedReliability: number | null;
    currentReliability: number;
    record: { allocated: number; committed: number } | null;
    accept: { changes: Record<string, number>; reason: string } | null;
  }[];
}

describe.each(storeHarnesses())('track records on $name', (harness) => {
  const ctx = useTestApi(harness);
  const { request } = ctx;

  it('answers 404 with how to import them while none are stored', async () => {
    const { planId } = await freshPlan(ctx.store);
    for (const path of ['/track-records', `/plans/${planId}/track-records`]) {
      const res = await request('analyst', path);
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('NO_TRACK_RECORDS');
      expect(body.error.message).toContain('guarantor import kiel DIR --save');
    }
  });

  it('refuses a bad import with the row-located issues, storing nothing', async () => {
    const bad = SMALL_KIEL_DATA_EXPLORER.replace(
      '"Germany","DEU",2026,4,2,1,0,1',
      '"Atlantis","ATL",2026,4,2,1,0,1',
    );
    const res = await request('host', '/track-records', json('POST', { ...SMALL_KIEL, dataExplorer: bad }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string }; issues: object[] };
    expect(body.error.code).toBe('TRACK_IMPORT_INVALID');
    expect(body.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'data_explorer.csv', line: 4, column: 'country' }),
    );
    expect(body.error.message).toMatch(/data_explorer\.csv:4 column country: unknown country "Atlantis"/);
    expect(await ctx.store.latestTrackRecords()).toBeUndefined();
    const wb = await request(
      'host',
      '/track-records',
      json('POST', { ...SMALL_KIEL, worldbank: SMALL_WORLD_BANK.replace('3160000000000', 'lots') }),
    );
    expect(wb.status).toBe(400);
    expect(await ctx.store.latestTrackRecords()).toBeUndefined();
  });

  it('refuses a body that is not the CSV texts', async () => {
    for (const body of [{}, { ...SMALL_KIEL, extra: 1 }, { ...SMALL_KIEL, asOf: '2026-13' }, 'nope']) {
      const res = await request('host', '/track-records', json('POST', body));
      expect(res.status).toBe(400);
    }
    expect(await ctx.store.latestTrackRecords()).toBeUndefined();
  });

  it("stores the host's import and serves the latest, with who imported it", async () => {
    const res = await request(
      'host',
      '/track-records',
      json('POST', { ...SMALL_KIEL, worldbank: SMALL_WORLD_BANK }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      import: { source: 'kiel', release: 29, asOf: '2026-04', importedBy: 'host' },
      totals: { allocated: 5, committed: 12 },
      donors: 2,
      worldbank: true,
    });
    const later = await request('host', '/track-records', json('POST', { ...SMALL_KIEL, asOf: '2026-03' }));
    expect(later.status).toBe(201);
    const latest = await request('delegate', '/track-records');
    expect(latest.status).toBe(200);
    expect(await latest.json()).toMatchObject({
      import: { asOf: '2026-03' },
      release: { release: 29, date: '2026-08-04' },
      records: { asOf: '2026-03', totals: { allocated: 2 } },
      names: { FRA: 'France', DEU: 'Germany' },
    });
  });

  it("proposes reliabilities for the plan's actors, with the mapping from the query", async () => {
    await request('host', '/track-records', json('POST', { ...SMALL_KIEL, worldbank: SMALL_WORLD_BANK }));
    const { planId, version } = await freshPlan(ctx.store);
    const res = await request('analyst', `/plans/${planId}/track-records`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Proposals;
    expect(body).toMatchObject({ planId, version, mapping: { floor: 0.3, ceiling: 0.95 } });
    expect(body.source).toEqual({
      title: 'Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)',
      url: expect.stringMatching(/^https:\/\//),
      date: '2026-08-04',
    });
    // The test plan counts in EUR: no World Bank GDP goes into it.
    expect(body.gdpProposed).toBe(false);
    const fra = body.actors.find((a) => a.actor === 'FRA');
    expect(fra).toMatchObject({
      deliveredRatio: 0.75,
      proposedReliability: 0.7875,
      currentReliability: 0.6,
      accept: {
        changes: { reliability: 0.79 },
        reason: 'Reliability from track record: Kiel release 29 to 2026-04 (allocated ÷ committed 0.75)',
      },
    });
    expect(body.actors.find((a) => a.actor === 'NOR')).toMatchObject({ record: null, accept: null });
    const narrow = (await (
      await request('analyst', `/plans/${planId}/track-records?floor=0.5&ceiling=0.9`)
    ).json()) as Proposals;
    expect(narrow.actors.find((a) => a.actor === 'FRA')?.proposedReliability).toBe(0.8);
    expect(narrow.formula).toBe('reliability proposed = 0.5 + (0.9 − 0.5) × min(1, allocated ÷ committed)');
  });

  it('answers 400 for a floor or ceiling that is not a probability, or floor above ceiling', async () => {
    const { planId } = await freshPlan(ctx.store);
    for (const query of ['floor=abc', 'ceiling=1.5', 'floor=-0.1', 'floor=0.9&ceiling=0.5', 'floor=']) {
      const res = await request('analyst', `/plans/${planId}/track-records?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_QUERY' } });
    }
    expect((await request('analyst', '/plans/nope/track-records')).status).toBe(404);
  });

  it('accepts a proposal through the actor PATCH, the ledger event carrying the Kiel source', async () => {
    const { planId } = await freshPlan(ctx.store);
    const body = (await (await request('host', `/plans/${planId}/track-records`)).json()) as Proposals;
    const fra = body.actors.find((a) => a.actor === 'FRA');
    if (fra?.accept == null) throw new Error('no proposal for FRA');
    const res = await request(
      'host',
      `/plans/${planId}/actors/FRA`,
      json('PATCH', {
        changes: fra.accept.changes,
        reason: fra.accept.reason,
        source: body.source,
        expectedVersion: body.version,
      }),
    );
    expect(res.status).toBe(200);
    const events = (await ctx.store.events(planId)) ?? [];
    expect(events.at(-1)).toMatchObject({
      who: 'host',
      reason: fra.accept.reason,
      source: body.source,
      entityId: 'FRA',
      seq: body.version + 1,
    });
    const after = (await (await request('analyst', `/plans/${planId}/track-records`)).json()) as Proposals;
    expect(after.actors.find((a) => a.actor === 'FRA')?.currentReliability).toBe(0.79);
  });
});
