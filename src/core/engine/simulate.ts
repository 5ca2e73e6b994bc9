/**
 * The trial loop: for trials [start, end) draws once per trial (shared by all variants and scenarios —
 * common random numbers), then per variant decides who honours and which pledges are active, and per
 * scenario builds power over time and scores every domain (MODEL.md §2–4).
 */
import type { CompiledPlan, CompiledScenario } from './compile.js';
import { leastConstantPower } from './gap.js';
import { actorsHonouring, pledgesActive } from './honour.js';
import type { Layout } from './layout.js';
import {
  allocatePowerScratch,
  candidatePledges,
  clearScenario,
  domainPower,
  scenarioPower,
} from './scenario-power.js';
import type { TrialBlock } from './trial-block.js';
import { allocateBlocScratch, allocateDraws, drawTrial } from './trial-draws.js';

/** Called every so often with the number of trials of this block done so far. */
export type BlockProgress = (doneInBlock: number) => void;

const PROGRESS_EVERY = 512;

export function simulateTrials(
  compiled: CompiledPlan,
  layout: Layout,
  start: number,
  end: number,
  onProgress?: BlockProgress,
): TrialBlock {
  const n = end - start;
  const { nSeries, bandValuesPerTrial, variants, scenarios } = layout;
  const bandRows = Math.max(0, Math.min(end, layout.bandsTrials) - start);
  const holds = new Uint8Array(n * nSeries);
  const shortfall = new Float64Array(n * nSeries);
  const gap = new Float64Array(n * nSeries);
  const bands = new Float64Array(bandRows * bandValuesPerTrial);

  const draws = allocateDraws(compiled);
  const blocScratch = allocateBlocScratch(compiled);
  const honours = new Uint8Array(compiled.actorIds.length);
  const active = new Uint8Array(compiled.pledgeActor.length);
  const scratch = allocatePowerScratch(compiled);
  const gapScratch = new Float64Array(Math.max(1, ...compiled.scenarios.map((s) => s.horizon)));
  const candidates = variants.map((spec) =>
    scenarios.map((si) =>
      candidatePledges(compiled, compiled.scenarios[si] as CompiledScenario, spec.pledgeCounted),
    ),
  );

  const K = compiled.plan.settings.backstopTriggerDays;
  for (let trial = start; trial < end; trial++) {
    drawTrial(compiled, trial, draws, blocScratch);
    const row = (trial - start) * nSeries;
    const bandRow = trial - start < bandRows ? (trial - start) * bandValuesPerTrial : -1;
    for (let v = 0; v < variants.length; v++) {
      const spec = variants[v] as (typeof variants)[number];
      actorsHonouring(compiled, spec, draws, honours);
      pledgesActive(compiled, spec, draws, honours, active);
      const vCandidates = candidates[v] as (typeof candidates)[number];
      for (let k = 0; k < scenarios.length; k++) {
        const s = compiled.scenarios[scenarios[k] as number] as CompiledScenario;
        const cand = vCandidates[k] as (typeof vCandidates)[number];
        scenarioPower(s, K, cand.pledges, cand.backstops, active, draws.arrival, scratch);
        const H = s.horizon;
        const series0 = row + ((layout.seriesOffset[v] as readonly number[])[k] as number);
        for (let j = 0; j < s.domains.length; j++) {
          const total = s.totalRequirement[j] as number;
          const at = series0 + j;
          if (total <= 0) {
            holds[at] = 1;
            continue;
          }
          const share = (scratch.shortfall[j] as number) / total;
          shortfall[at] = share;
          const tol = s.tolerance[j] as number;
          if (share <= tol) {
            holds[at] = 1;
          } else {
            const req = s.requirement[j] as Float64Array;
            domainPower(s, j, scratch);
            gap[at] = leastConstantPower(req, scratch.power, j * H, H, tol * total, gapScratch);
          }
        }
        if (bandRow >= 0) {
          for (let j = 0; j < s.domains.length; j++) domainPower(s, j, scratch);
          bands.set(
            scratch.power.subarray(0, s.domains.length * H),
            bandRow + ((layout.bandOffset[v] as readonly number[])[k] as number),
          );
        }
        clearScenario(s, scratch);
      }
    }
    if (onProgress !== undefined && (trial - start + 1) % PROGRESS_EVERY === 0) onProgress(trial - start + 1);
  }
  onProgress?.(n);
  return { start, end, holds, shortfall, gap, bandRows, bands };
}
