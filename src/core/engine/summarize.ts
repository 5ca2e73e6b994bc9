/**
 * From per-trial results to the assessment document (MODEL.md §4, §7): pHold with its Wilson interval,
 * the weighted value, mean shortfall, the gap quantile in power and units, and the power bands.
 * Reductions run over trials in trial order, so the numbers do not depend on how trials were split.
 */
import { nearestRank, quantileInPlace, selectKth } from '../stats/nearest-rank.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { CompiledPlan, CompiledScenario } from './compile.js';
import type { Layout } from './layout.js';
import {
  type Assessment,
  type AssessmentSettings,
  type DomainResult,
  MODEL_VERSION,
  type ScenarioResult,
  type VariantResult,
} from './result-types.js';
import type { TrialBlock } from './trial-block.js';

export function summarize(compiled: CompiledPlan, layout: Layout, block: TrialBlock): Assessment {
  const { plan } = compiled;
  const trials = block.end - block.start;
  const { nSeries } = layout;
  const capabilities = plan.capabilities;
  const series = seriesTotals(block, nSeries, trials);
  const column = new Float64Array(trials);

  const variants = layout.variants.map((spec, v): VariantResult => {
    let weighted = 0;
    let weights = 0;
    const scenarios = layout.scenarios.map((si, k): ScenarioResult => {
      const s = compiled.scenarios[si] as CompiledScenario;
      const source = plan.scenarios[si] as (typeof plan.scenarios)[number];
      const first = (layout.seriesOffset[v] as readonly number[])[k] as number;
      const nD = s.domains.length;
      // A scenario holds in a trial iff every domain does (unthreatened ones always hold).
      let held = 0;
      for (let i = 0; i < trials; i++) {
        let all = 1;
        const row = i * nSeries + first;
        for (let j = 0; j < nD; j++) all &= block.holds[row + j] as number;
        held += all;
      }
      const pHold = held / trials;
      weighted += s.weight * pHold;
      weights += s.weight;
      const domains = s.domains.map((domain, j): DomainResult => {
        const at = first + j;
        column.set(series.gap.subarray(at * trials, (at + 1) * trials));
        const gapPower = trials === 0 ? 0 : quantileInPlace(column, trials, plan.settings.target);
        const units: Record<string, number> = {};
        for (const c of capabilities) {
          const e = c.effect[domain];
          if (e !== undefined && e > 0) units[c.id] = gapPower / e;
        }
        const bandAt = ((layout.bandOffset[v] as readonly number[])[k] as number) + j * s.horizon;
        return {
          domain,
          pHold: (series.held[at] as number) / trials,
          meanShortfall: (series.shortfall[at] as number) / trials,
          gap: { power: gapPower, units },
          bands: bandsOf(block, layout, bandAt, s.horizon),
          requirement: Array.from(s.requirement[j] as Float64Array),
          threatened: (s.totalRequirement[j] as number) > 0,
        };
      });
      return {
        id: s.id,
        pHold,
        ci95: wilsonInterval(held, trials),
        domains,
        title: source.title,
        weight: s.weight,
        horizonDays: s.horizon,
      };
    });
    return { id: spec.id, value: weights > 0 ? weighted / weights : 0, scenarios, actors: spec.actors };
  });

  const settings: AssessmentSettings = { ...plan.settings, bandsTrials: layout.bandsTrials };
  return { model: MODEL_VERSION, title: plan.title, settings, variants };
}

/**
 * One pass over the trials, row by row (the arrays are trial-major): per series the count of trials it
 * held, the sum of shortfall shares in trial order, and its gaps copied out series-major for the
 * quantiles. Going series by series instead would stride through memory once per series.
 */
function seriesTotals(
  block: TrialBlock,
  nSeries: number,
  trials: number,
): { held: Float64Array; shortfall: Float64Array; gap: Float64Array } {
  const held = new Float64Array(nSeries);
  const shortfall = new Float64Array(nSeries);
  const gap = new Float64Array(nSeries * trials);
  for (let i = 0; i < trials; i++) {
    const row = i * nSeries;
    for (let x = 0; x < nSeries; x++) {
      held[x] = (held[x] as number) + (block.holds[row + x] as number);
      shortfall[x] = (shortfall[x] as number) + (block.shortfall[row + x] as number);
      gap[x * trials + i] = block.gap[row + x] as number;
    }
  }
  return { held, shortfall, gap };
}

/** p10 / p50 / p90 per day over the trials kept for the bands (nearest rank). */
function bandsOf(block: TrialBlock, layout: Layout, at: number, horizon: number): DomainResult['bands'] {
  const rows = layout.bandsTrials;
  const stride = layout.bandValuesPerTrial;
  // Transpose this series into day-major order first: reading one day across rows jumps a whole row
  // each time (a cache miss per value); copying each row's days in one go does not.
  // In tiles of 8 rows, so that each day's writes fill one cache line instead of touching 8.
  const byDay = new Float64Array(horizon * rows);
  for (let i0 = 0; i0 < rows; i0 += 8) {
    const i1 = Math.min(rows, i0 + 8);
    for (let t = 0; t < horizon; t++) {
      const to = t * rows;
      for (let i = i0; i < i1; i++) byDay[to + i] = block.bands[i * stride + at + t] as number;
    }
  }
  const p10: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  const k10 = nearestRank(0.1, rows);
  const k50 = nearestRank(0.5, rows);
  const k90 = nearestRank(0.9, rows);
  for (let t = 0; t < horizon; t++) {
    const column = byDay.subarray(t * rows, (t + 1) * rows);
    // Select the highest rank first: quickselect leaves everything below it in [0, k), where the lower
    // ranks are then found.
    const v90 = selectKth(column, rows, k90);
    const v50 = selectKth(column, k90, k50);
    const v10 = selectKth(column, k50, k10);
    p10.push(v10);
    p50.push(v50);
    p90.push(v90);
  }
  return { p10, p50, p90 };
}
