import { describe, expect, it } from 'vitest';
import type {
  ComparedVariant,
  Comparison,
  Difference,
  VariantDifference,
} from '../../core/analyses/compare/comparison.js';
import { actor, flatScenario, makePlan } from '../../core/engine/test-plans.js';
import { renderComparison } from './compare.js';

const plan = makePlan({
  actors: [actor('FRA'), actor('USA')],
  scenarios: [flatScenario('land-north', 10, { land: 1 }), flatScenario('sea-odesa', 10, { sea: 1 })],
  variants: [
    { id: 'europe-only', exclude: ['USA'] },
    { id: 'europe-us' },
    { id: 'committed-only', statuses: ['committed', 'delivered'] },
  ],
});

function variant(id: string, actors: string[], land: number, sea: number): ComparedVariant {
  return {
    id,
    value: (land + sea) / 2,
    actors,
    scenarios: [
      { id: 'land-north', pHold: land, ci95: [land - 0.01, land + 0.01] },
      { id: 'sea-odesa', pHold: sea, ci95: [sea - 0.01, sea + 0.01] },
    ],
  };
}

function difference(diff: number, halfWidth: number): Difference {
  const ci95: [number, number] = [diff - halfWidth, diff + halfWidth];
  return { diff, se: halfWidth / 1.96, ci95, significant: ci95[0] > 0 || ci95[1] < 0 };
}

function pair(
  from: string,
  to: string,
  land: Difference,
  sea: Difference,
  value: Difference,
): VariantDifference {
  return {
    from,
    to,
    value,
    scenarios: [
      { id: 'land-north', ...land },
      { id: 'sea-odesa', ...sea },
    ],
  };
}

const europeOnly = variant('europe-only', ['UKR', 'FRA'], 0.22, 0.35);
const europeUs = variant('europe-us', ['UKR', 'FRA', 'USA'], 0.62, 0.352);
const committed = variant('committed-only', ['UKR', 'FRA', 'USA'], 0.34, 0.11);

function doc(variants: ComparedVariant[], differences: VariantDifference[]): Comparison {
  return {
    model: 1,
    title: 'A test plan',
    trials: 20_000,
    seed: 1,
    target: 0.8,
    intervals: { pHold: 'wilson', difference: 'paired-normal' },
    variants,
    differences,
  };
}

const usDifference = pair(
  'europe-only',
  'europe-us',
  difference(0.402, 0.0075),
  difference(0.002, 0.004),
  difference(0.201, 0.004),
);

/** The text with wrapped sentences joined again (continuation lines are indented by four spaces). */
function unwrapped(text: string): string {
  return text.replace(/\n {4}/g, ' ');
}

describe('renderComparison', () => {
  const text = renderComparison(doc([europeOnly, europeUs], [usDifference]), plan);

  it('puts the variants side by side', () => {
    expect(text).toContain(
      [
        '              europe-only   europe-us',
        '  value       0.28          0.49',
        '  land-north  22% (21–23%)  62% (61–63%)',
        '  sea-odesa   35% (34–36%)  35% (34–37%)',
      ].join('\n'),
    );
  });

  it('says each difference in a sentence, naming the actor the variants differ by', () => {
    expect(text).toContain('europe-us against europe-only: adds USA\n');
    // 0.402 ± 0.0075: whole points, the ends rounded outwards (39.45 → 39, 40.95 → 41).
    expect(text).toContain(
      '  With USA, land-north holds in 62% of trials instead of 22% (+40 points, 95% CI +39 to +41).',
    );
  });

  it('says when a difference is not significant, in tenths of a point when the interval is narrow', () => {
    // 0.002 ± 0.004 → +0.2 points, −0.2 to +0.6.
    expect(unwrapped(text)).toContain(
      '  With USA, sea-odesa holds in 35% of trials against 35%: no significant difference ' +
        '(+0.2 points, 95% CI −0.2 to +0.6).',
    );
  });

  it('gives the value difference in value units', () => {
    expect(text).toContain('  Value 0.49 instead of 0.28 (+0.201, 95% CI +0.197 to +0.205).');
  });

  it('says "without" when the second variant leaves actors out, with true minus signs', () => {
    const out = renderComparison(
      doc(
        [europeUs, europeOnly],
        [
          pair(
            'europe-us',
            'europe-only',
            difference(-0.4, 0.0075),
            difference(-0.002, 0.004),
            difference(-0.2, 0.02),
          ),
        ],
      ),
      plan,
    );
    expect(out).toContain('europe-only against europe-us: leaves out USA\n');
    expect(out).toContain(
      '  Without USA, land-north holds in 22% of trials instead of 62% (−40 points, 95% CI −41 to −39).',
    );
    expect(out).toContain('  Value 0.28 instead of 0.49 (−0.20, 95% CI −0.22 to −0.18).');
  });

  it('names the variant when the variants differ in the pledges they count', () => {
    const out = renderComparison(
      doc(
        [europeOnly, committed],
        [
          pair(
            'europe-only',
            'committed-only',
            difference(0.12, 0.01),
            difference(-0.24, 0.01),
            difference(-0.06, 0.005),
          ),
        ],
      ),
      plan,
    );
    expect(out).toContain(
      'committed-only against europe-only: adds USA; counts only committed, delivered pledges\n',
    );
    expect(unwrapped(out)).toContain(
      '  Under committed-only, sea-odesa holds in 11% of trials instead of 35% (−24 points, 95% CI −25 to −23).',
    );
  });

  it('says "either way" when no trial differs', () => {
    const none = difference(0, 0);
    const same = { ...europeUs, id: 'europe-us', value: europeOnly.value, scenarios: europeOnly.scenarios };
    const out = renderComparison(
      doc([europeOnly, same], [pair('europe-only', 'europe-us', none, none, none)]),
      plan,
    );
    expect(out).toContain(
      '  With USA, land-north holds in 22% of trials either way: the variants differ in no trial.\n',
    );
    expect(out).toContain('  Value 0.28 either way.\n');
  });

  it('explains the paired interval and fits 100 columns, even with long names', () => {
    expect(text).toContain('Differences are paired: both variants are evaluated on the same 20,000 trials');
    expect(text).toContain('(normal approximation)');
    const long = (v: ComparedVariant) => ({ ...v, id: `${v.id}-with-a-rather-long-name-for-a-variant` });
    const wide = renderComparison(
      doc(
        [long(europeOnly), long(europeUs), long(committed)],
        [
          { ...usDifference, from: long(europeOnly).id, to: long(europeUs).id },
          { ...usDifference, from: long(europeOnly).id, to: long(committed).id },
        ],
      ),
      plan,
    );
    for (const line of wide.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});
