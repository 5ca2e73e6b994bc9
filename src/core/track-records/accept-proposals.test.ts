import { describe, expect, it } from 'vitest';
import { acceptanceNote, acceptanceReason, selectAcceptances } from './accept-proposals.js';
import type { PlanProposal } from './plan-proposals.js';

const proposal = (actor: string, over: Partial<PlanProposal> = {}): PlanProposal => ({
  actor,
  name: actor,
  pledges: 1,
  record: { actor, allocated: 3, military: 1, financial: 1, humanitarian: 1, committed: 4, pctGdp: 0.1 },
  deliveredRatio: 0.75,
  proposedReliability: 0.7875,
  currentReliability: 0.8,
  proposedGdp: null,
  ...over,
});

const none = proposal('NOR', { record: null, deliveredRatio: null, proposedReliability: null });
const withGdp = proposal('DEU', { proposedGdp: { usd: 4.686e12, year: 2024, source: 'World Bank' } });
const proposals = [proposal('FRA'), withGdp, none];

describe('selectAcceptances', () => {
  it('accepts the named actors, rounding the reliability to two decimals', () => {
    const selected = selectAcceptances(proposals, ['FRA'], false);
    expect(selected).toEqual({
      ok: true,
      value: [{ actor: 'FRA', reliability: { from: 0.8, to: 0.79 }, deliveredRatio: 0.75 }],
    });
  });

  it('adds the GDP only when asked and proposed', () => {
    const without = selectAcceptances(proposals, ['DEU'], false);
    const withIt = selectAcceptances(proposals, ['DEU', 'FRA'], true);
    expect(without.ok && without.value[0]).not.toHaveProperty('gdp');
    expect(withIt.ok && withIt.value.map((a) => a.gdp?.usd)).toEqual([4.686e12, undefined]);
  });

  it('accepts every actor with a proposal for all, skipping those without a record', () => {
    const all = selectAcceptances(proposals, 'all', false);
    expect(all.ok && all.value.map((a) => a.actor)).toEqual(['FRA', 'DEU']);
  });

  it('refuses an unknown actor and one without a record, naming each, accepting nothing', () => {
    const refused = selectAcceptances(proposals, ['FRA', 'XYZ', 'NOR'], false);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.map((i) => [i.code, i.actor])).toEqual([
      ['TRACK_UNKNOWN_ACTOR', 'XYZ'],
      ['TRACK_NO_RECORD', 'NOR'],
    ]);
    expect(refused.error[0]?.message).toMatch(/not an actor of the plan \(actors: FRA, DEU, NOR\)/);
  });

  it('refuses all when no actor has a record', () => {
    expect(selectAcceptances([none], 'all', true)).toMatchObject({
      ok: false,
      error: [{ code: 'TRACK_NOTHING_TO_ACCEPT' }],
    });
  });
});

describe('the texts of an acceptance', () => {
  const origin = { release: 29, asOf: '2026-04' };
  it('names the release, the month, the ratio and the value replaced', () => {
    expect(acceptanceReason(origin, 0.7412)).toBe(
      'Reliability from track record: Kiel release 29 to 2026-04 (allocated ÷ committed 0.74)',
    );
    const a = { actor: 'FRA', reliability: { from: 0.8, to: 0.78 }, deliveredRatio: 0.74 };
    expect(acceptanceNote(origin, a)).toBe(
      'reliability 0.78 from Kiel Ukraine Support Tracker release 29 to 2026-04: allocated ÷ committed 0.74; was 0.80',
    );
    expect(
      acceptanceNote(origin, { ...a, gdp: { usd: 4.686e12, year: 2024, source: 'World Bank' } }),
    ).toMatch(/; gdp 4\.686e\+12 \(2024\) from World Bank$/);
  });
});
