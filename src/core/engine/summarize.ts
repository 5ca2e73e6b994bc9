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
  const column = new Float64Array(Math.max(trials, layout.bandsTrials));
  const capabilities = plan.capabilities;

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
        let heldD = 0;
        let sumShort = 0;
        for (let i = 0; i < trials; i++) {
          heldD += block.holds[i * nSeries + at] as number;
          sumShort += block.shortfall[i * nSeries + at] as number;
          column[i] = block.gap[i * nSeries + at] as number;
        }
        const gapPower = trials === 0 ? 0 : quantileInPlace(column, trials, plan.settings.target);
        const units: Record<string, number> = {};
        for (const c of capabilities) {
          const e = c.effect[domain];
          if (e !== undefined && e > 0) units[c.id] = gapPower / e;
        }
        const bandAt = ((layout.bandOffset[v] as readonly number[])[k] as number) + j * s.horizon;
        return {
          domain,
          pHold: heldD / trials,
          meanShortfall: sumShort / trials,
          gap: { power: gapPower, units },
          bands: bandsOf(block, layout, bandAt, s.horizon, column),
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

/** p10 / p50 / p90 per day over the trials kept for the bands (nearest rank). */
function bandsOf(
  block: TrialBlock,
  layout: Layout,
  at: number,
  horizon: number,
  column: Float64Array,
): DomainResult['bands'] {
  const rows = layout.bandsTrials;
  const stride = layout.bandValuesPerTrial;
  const p10: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  const k10 = nearestRank(0.1, rows);
  const k50 = nearestRank(0.5, rows);
  const k90 = nearestRank(0.9, rows);
  for (let t = 0; t < horizon; t++) {
    for (let i = 0; i < rows; i++) column[i] = block.bands[i * stride + at + t] as number;
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
