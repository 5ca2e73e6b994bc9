/**
 * Per-trial conditions of one scenario under one variant, for scenario discovery: whether each partner
 * honoured, whether each pledge that can act in the scenario was active, on which day each pledge
 * with a drawn readiness would arrive, and whether each backstop was called — the same trials and
 * draws as `assess` (MODEL.md §2–3), and whether the scenario held in each (runTrials + scenarioHolds).
 */
import { buildDay0Table, sumDay0 } from '../../engine/day0-table.js';
import { actorsHonouring, pledgesActive } from '../../engine/honour.js';
import {
  allocatePowerScratch,
  candidatePledges,
  clearScenario,
  scenarioPower,
} from '../../engine/scenario-power.js';
import { allocateBlocScratch, allocateDraws, drawTrial, NEVER } from '../../engine/trial-draws.js';
import { runTrials, scenarioHolds } from '../../engine/trial-results.js';
import type { Plan } from '../../plan/types.js';

export type FeatureKind = 'honoured' | 'active' | 'arrival' | 'backstop-called';

export interface Feature {
  readonly kind: FeatureKind;
  /** The actor (honoured) or the pledge (the other kinds). */
  readonly subject: string;
  /**
   * Per trial: 1/0 for the yes-or-no kinds; for `arrival`, ⌈δ_p⌉, the first day its power counts
   * (MODEL.md §3, drawn whether or not the pledge is active), capped at the horizon H: H means "not
   * within the scenario".
   */
  readonly values: Uint16Array;
  /** Ordered values (arrival days) rather than yes/no. */
  readonly ordinal: boolean;
}

export interface TrialFeatures {
  readonly variant: string;
  readonly scenario: string;
  readonly horizon: number;
  readonly trials: number;
  readonly seed: number;
  /** 1 where the scenario failed (did not hold). */
  readonly fails: Uint8Array;
  /** Only features that vary over the trials; order: honoured, active, arrival, backstop-called. */
  readonly features: readonly Feature[];
}

export interface FeatureOptions {
  readonly variant: string;
  readonly scenario: string;
  readonly trials?: number;
  readonly seed?: number;
}

export function trialFeatures(plan: Plan, options: FeatureOptions): TrialFeatures {
  const results = runTrials(plan, {
    variants: [options.variant],
    scenarios: [options.scenario],
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    bandBudget: 1,
  });
  const { compiled, layout, trials } = results;
  const holds = scenarioHolds(results, 0, 0);
  const fails = Uint8Array.from(holds, (h) => 1 - h);
  const spec = layout.variants[0] as (typeof layout.variants)[number];
  const s = compiled.scenarios[layout.scenarios[0] as number] as (typeof compiled.scenarios)[number];
  const H = s.horizon;

  const partners = compiled.actorIds
    .map((_, a) => a)
    .filter((a) => spec.actorIn[a] === 1 && a !== compiled.protectedIndex);
  const candidates = candidatePledges(compiled, s, spec.pledgeCounted);
  const pledges = Int32Array.from([
    ...candidates.day0,
    ...candidates.pledges,
    ...candidates.backstops,
  ]).sort();
  const drawn = pledges.filter(
    (p) => (compiled.arrivalStart[p + 1] as number) > (compiled.arrivalStart[p] as number),
  );
  const backstops = candidates.backstops;

  const honoured = partners.map(() => new Uint16Array(trials));
  const activeCols = Array.from(pledges, () => new Uint16Array(trials));
  const arrivalCols = Array.from(drawn, () => new Uint16Array(trials));
  const calledCols = Array.from(backstops, () => new Uint16Array(trials));

  const day0 = buildDay0Table(compiled, layout.scenarios);
  const day0Sums = new Float64Array(day0.rowStart.length);
  const draws = allocateDraws(compiled);
  const bloc = allocateBlocScratch(compiled);
  const honours = new Uint8Array(compiled.actorIds.length);
  const active = new Uint8Array(compiled.pledgeActor.length);
  const scratch = allocatePowerScratch(compiled);
  const K = compiled.plan.settings.backstopTriggerDays;
  for (let trial = 0; trial < trials; trial++) {
    drawTrial(compiled, trial, draws, bloc);
    actorsHonouring(compiled, spec, draws, honours);
    pledgesActive(compiled, spec, draws, honours, active);
    partners.forEach((a, i) => {
      (honoured[i] as Uint16Array)[trial] = honours[a] as number;
    });
    pledges.forEach((p, i) => {
      (activeCols[i] as Uint16Array)[trial] = active[p] as number;
    });
    drawn.forEach((p, i) => {
      (arrivalCols[i] as Uint16Array)[trial] = Math.min(draws.arrival[p] as number, H);
    });
    if (backstops.length > 0) {
      // The backstop's call day t* comes from the power of everything else (MODEL.md §3, backstop.ts):
      // the engine's own pass over the days leaves it in scratch.arrivalDay for active backstops.
      sumDay0(day0, active, day0Sums);
      scenarioPower(
        s,
        K,
        candidates,
        day0.rows[0] as Int32Array,
        day0.domains[0] as Int32Array,
        day0Sums,
        active,
        draws.arrival,
        scratch,
      );
      clearScenario(s, scratch);
      backstops.forEach((p, i) => {
        (calledCols[i] as Uint16Array)[trial] =
          active[p] === 1 && (scratch.arrivalDay[p] as number) < NEVER ? 1 : 0;
      });
    }
  }

  const pledgeId = (p: number) => (plan.pledges[p] as (typeof plan.pledges)[number]).id;
  const features: Feature[] = [
    ...partners.map((a, i) => feature('honoured', compiled.actorIds[a] as string, honoured[i], false)),
    ...Array.from(pledges, (p, i) => feature('active', pledgeId(p), activeCols[i], false)),
    ...Array.from(drawn, (p, i) => feature('arrival', pledgeId(p), arrivalCols[i], true)),
    ...Array.from(backstops, (p, i) => feature('backstop-called', pledgeId(p), calledCols[i], false)),
  ].filter(varies);
  return {
    variant: spec.id,
    scenario: s.id,
    horizon: H,
    trials,
    seed: compiled.seed,
    fails,
    features,
  };
}

function feature(
  kind: FeatureKind,
  subject: string,
  values: Uint16Array | undefined,
  ordinal: boolean,
): Feature {
  return { kind, subject, values: values ?? new Uint16Array(0), ordinal };
}

function varies(f: Feature): boolean {
  const first = f.values[0];
  return f.values.some((v) => v !== first);
}
