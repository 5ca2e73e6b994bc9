/**
 * The trial loop: for trials [start, end) draws once per trial (shared by all variants and scenarios —
 * common random numbers), then per variant decides who honours and which pledges are active, and per
 * scenario builds power over time and scores every domain (MODEL.md §2–4).
 */
import type { CompiledPlan, CompiledScenario } from './compile.js';
import { buildDay0Table, sumDay0 } from './day0-table.js';
import { leastConstantPower } from './gap.js';
import { actorsHonouring, pledgesActive } from './honour.js';
import { bandRowsIn, type Layout } from './layout.js';
import { domainHolds, shortfallShare } from './outcome.js';
import {
  allocatePowerScratch,
  candidatePledges,
  clearScenario,
  domainPower,
  type PowerScratch,
  scenarioPower,
} from './scenario-power.js';
import type { TrialBlock } from './trial-block.js';
import { allocateBlocScratch, allocateDraws, drawTrial } from './trial-draws.js';

/** Called every so often with the number of trials of this block done so far. */
export type BlockProgress = (doneInBlock: number) => void;

/**
 * Observes every (trial, variant, scenario) evaluation, e.g. to collect arrival days (timeline). With
 * an observer, variants are always evaluated (never copied from a twin), so it sees every one.
 */
export type ScenarioObserver = (
  trial: number,
  v: number,
  k: number,
  active: Uint8Array,
  arrival: Int32Array,
  scratch: PowerScratch,
) => void;

const PROGRESS_EVERY = 512;

export function simulateTrials(
  compiled: CompiledPlan,
  layout: Layout,
  start: number,
  end: number,
  onProgress?: BlockProgress,
  observe?: ScenarioObserver,
): TrialBlock {
  const n = end - start;
  const { nSeries, bandValuesPerTrial, variants, scenarios } = layout;
  const { first: firstBandRow, count: bandRows } = bandRowsIn(layout, start, end);
  const stride = layout.bandStride;
  const out: TrialBlock = {
    start,
    end,
    holds: new Uint8Array(n * nSeries),
    shortfall: new Float64Array(n * nSeries),
    gap: new Float64Array(n * nSeries),
    bandRows,
    bands: new Float64Array(bandRows * bandValuesPerTrial),
  };

  const draws = allocateDraws(compiled);
  const blocScratch = allocateBlocScratch(compiled);
  const honours = new Uint8Array(compiled.actorIds.length);
  const active = variants.map(() => new Uint8Array(compiled.pledgeActor.length));
  const scratch = allocatePowerScratch(compiled);
  const gapScratch = new Float64Array(Math.max(1, ...compiled.scenarios.map((s) => s.horizon)));
  const candidates = variants.map((spec) =>
    scenarios.map((si) =>
      candidatePledges(compiled, compiled.scenarios[si] as CompiledScenario, spec.pledgeCounted),
    ),
  );
  const day0 = buildDay0Table(compiled, scenarios);
  const day0Sums = new Float64Array(day0.rowStart.length - 1);
  const seriesOffset = layout.seriesOffset as readonly (readonly number[])[];
  const bandOffset = layout.bandOffset as readonly (readonly number[])[];

  for (let trial = start; trial < end; trial++) {
    drawTrial(compiled, trial, draws, blocScratch);
    const row = (trial - start) * nSeries;
    const bandRow = trial % stride === 0 ? (trial / stride - firstBandRow) * bandValuesPerTrial : -1;
    for (let v = 0; v < variants.length; v++) {
      const spec = variants[v] as (typeof variants)[number];
      const act = active[v] as Uint8Array;
      actorsHonouring(compiled, spec, draws, honours);
      pledgesActive(compiled, spec, draws, honours, act);
      // Same active pledges as an earlier variant in this trial ⇒ the same power to the last bit (inactive
      // pledges add exactly 0), so its results are copied, not recomputed. With common random numbers
      // this is frequent: "without X" equals "all" in every trial where X does not honour.
      const twin = observe === undefined ? earlierTwin(active, v) : -1;
      if (twin >= 0) {
        copyVariantResults(out, layout, row, bandRow, twin, v);
        continue;
      }
      const vCandidates = candidates[v] as (typeof candidates)[number];
      sumDay0(day0, act, day0Sums);
      for (let k = 0; k < scenarios.length; k++) {
        const s = compiled.scenarios[scenarios[k] as number] as CompiledScenario;
        const cand = vCandidates[k] as (typeof vCandidates)[number];
        scenarioPower(
          s,
          compiled.plan.settings.backstopTriggerDays,
          cand,
          day0.rows[k] as Int32Array,
          day0.domains[k] as Int32Array,
          day0Sums,
          act,
          draws.arrival,
          scratch,
        );
        scoreDomains(
          s,
          scratch,
          out,
          row + ((seriesOffset[v] as readonly number[])[k] as number),
          gapScratch,
        );
        if (bandRow >= 0) {
          for (let j = 0; j < s.domains.length; j++) domainPower(s, j, scratch);
          out.bands.set(
            scratch.power.subarray(0, s.domains.length * s.horizon),
            bandRow + ((bandOffset[v] as readonly number[])[k] as number),
          );
        }
        observe?.(trial, v, k, act, draws.arrival, scratch);
        clearScenario(s, scratch);
      }
    }
    if (onProgress !== undefined && (trial - start + 1) % PROGRESS_EVERY === 0) onProgress(trial - start + 1);
  }
  onProgress?.(n);
  return out;
}

/** Outcome per domain (MODEL.md §4): S_d, holds iff S_d ≤ tolerance_d, else the gap of this trial. */
function scoreDomains(
  s: CompiledScenario,
  scratch: PowerScratch,
  out: TrialBlock,
  series0: number,
  gapScratch: Float64Array,
): void {
  const H = s.horizon;
  for (let j = 0; j < s.domains.length; j++) {
    const at = series0 + j;
    const short = scratch.shortfall[j] as number;
    out.shortfall[at] = shortfallShare(s, j, short);
    if (domainHolds(s, j, short)) {
      out.holds[at] = 1;
    } else {
      const total = s.totalRequirement[j] as number;
      const tol = s.tolerance[j] as number;
      domainPower(s, j, scratch);
      out.gap[at] = leastConstantPower(
        s.requirement[j] as Float64Array,
        scratch.power,
        j * H,
        H,
        tol * total,
        gapScratch,
      );
    }
  }
}

/** The first earlier variant whose active pledges equal variant v's in this trial, or −1. */
function earlierTwin(active: readonly Uint8Array[], v: number): number {
  const mine = active[v] as Uint8Array;
  for (let u = 0; u < v; u++) {
    const theirs = active[u] as Uint8Array;
    let same = true;
    for (let p = 0; p < mine.length; p++) {
      if (mine[p] !== theirs[p]) {
        same = false;
        break;
      }
    }
    if (same) return u;
  }
  return -1;
}

function copyVariantResults(
  out: TrialBlock,
  layout: Layout,
  row: number,
  bandRow: number,
  from: number,
  to: number,
): void {
  const so = layout.seriesOffset;
  const bo = layout.bandOffset;
  const scenarios = layout.scenarios.length;
  const nSeriesOfVariant = scenarios === 0 ? 0 : layout.nSeries / layout.variants.length;
  const a = row + ((so[from] as readonly number[])[0] ?? 0);
  const b = row + ((so[to] as readonly number[])[0] ?? 0);
  out.holds.copyWithin(b, a, a + nSeriesOfVariant);
  out.shortfall.copyWithin(b, a, a + nSeriesOfVariant);
  out.gap.copyWithin(b, a, a + nSeriesOfVariant);
  if (bandRow >= 0) {
    const nBand = layout.bandValuesPerTrial / layout.variants.length;
    const x = bandRow + ((bo[from] as readonly number[])[0] ?? 0);
    const y = bandRow + ((bo[to] as readonly number[])[0] ?? 0);
    out.bands.copyWithin(y, x, x + nBand);
  }
}
