/**
 * A scenario day by day under one variant ("what happens if they come by sea?"): per domain the
 * requirement and the power bands, and per pledge how often it is active and on which day its power
 * arrives (median and 10–90%), from the same trials and draws as `assess`.
 */
import type { Plan, Posture } from '../plan/types.js';
import { nearestRank, selectKth } from '../stats/nearest-rank.js';
import type { Progress } from './assess.js';
import { PostureCode } from './compile.js';
import type { DomainResult, ScenarioResult } from './result-types.js';
import { prepareRun } from './run-plan.js';
import { candidatePledges } from './scenario-power.js';
import { simulateTrials } from './simulate.js';
import { summarize } from './summarize.js';

export interface ArrivalDays {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface PledgeArrival {
  readonly pledge: string;
  readonly actor: string;
  readonly capability: string;
  readonly posture: Posture;
  /** Share of trials in which the pledge is active in this scenario (honoured, conditions met). */
  readonly pActive: number;
  /** Share of trials in which its power arrives within the horizon. */
  readonly pArrives: number;
  /** Arrival day over the trials in which it arrives within the horizon; null if it never does. */
  readonly day: ArrivalDays | null;
  /** Power per day it adds once arrived, per domain of the scenario. */
  readonly power: Readonly<Record<string, number>>;
}

export interface Timeline {
  readonly model: 1;
  readonly variant: string;
  /** The actors counted by the variant (the protected actor included), plan order. */
  readonly actors: readonly string[];
  readonly scenario: ScenarioResult;
  readonly trials: number;
  readonly seed: number;
  /** Pledges that can add power in this scenario under this variant, earliest median arrival first. */
  readonly pledges: readonly PledgeArrival[];
}

export interface TimelineOptions {
  readonly variant: string;
  readonly scenario: string;
  readonly trials?: number;
  readonly seed?: number;
  readonly onProgress?: (progress: Progress) => void;
}

export function timeline(plan: Plan, options: TimelineOptions): Timeline {
  const runOptions = {
    variants: [options.variant],
    scenarios: [options.scenario],
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const { compiled, layout, trials } = prepareRun(plan, runOptions);
  const spec = layout.variants[0] as (typeof layout.variants)[number];
  const s = compiled.scenarios[layout.scenarios[0] as number] as (typeof compiled.scenarios)[number];
  const candidates = candidatePledges(compiled, s, spec.pledgeCounted);
  const all = Int32Array.from(
    new Set([...candidates.day0, ...candidates.pledges, ...candidates.backstops]),
  ).sort();
  // arrivals[i·trials + trial]: arrival day of candidate i, or −1 when inactive. Collected while the
  // trials are assessed, so one pass gives both.
  const arrivals = new Int32Array(all.length * trials);
  const onProgress = options.onProgress;
  const block = simulateTrials(
    compiled,
    layout,
    0,
    trials,
    onProgress === undefined ? undefined : (done) => onProgress({ done, total: trials }),
    (trial, _v, _k, active, arrival, scratch) => {
      for (let i = 0; i < all.length; i++) {
        const p = all[i] as number;
        const day = compiled.pledgePosture[p] === PostureCode.backstop ? scratch.arrivalDay[p] : arrival[p];
        arrivals[i * trials + trial] = active[p] === 1 ? (day as number) : -1;
      }
    },
  );
  const assessment = summarize(compiled, layout, block);

  const column = new Float64Array(trials);
  const result: PledgeArrival[] = Array.from(all, (p, i) => {
    const pledge = plan.pledges[p] as (typeof plan.pledges)[number];
    let activeCount = 0;
    let arrived = 0;
    for (let t = 0; t < trials; t++) {
      const day = arrivals[i * trials + t] as number;
      if (day < 0) continue;
      activeCount++;
      if (day < s.horizon) column[arrived++] = day;
    }
    const power: Record<string, number> = {};
    for (let c = s.contribStart[p] as number; c < (s.contribStart[p + 1] as number); c++) {
      power[s.domains[s.contribDomain[c] as number] as string] = s.contribPower[c] as number;
    }
    return {
      pledge: pledge.id,
      actor: pledge.actor,
      capability: pledge.capability,
      posture: pledge.posture,
      pActive: activeCount / trials,
      pArrives: arrived / trials,
      day: arrived === 0 ? null : arrivalQuantiles(column, arrived),
      power,
    };
  });
  result.sort((a, b) => (a.day?.p50 ?? Number.POSITIVE_INFINITY) - (b.day?.p50 ?? Number.POSITIVE_INFINITY));
  const scenario = assessment.variants[0]?.scenarios[0] as ScenarioResult;
  return {
    model: 1,
    variant: spec.id,
    actors: spec.actors,
    scenario,
    trials,
    seed: compiled.seed,
    pledges: result,
  };
}

function arrivalQuantiles(values: Float64Array, n: number): ArrivalDays {
  const p90 = selectKth(values, n, nearestRank(0.9, n));
  const k90 = nearestRank(0.9, n);
  const p50 = selectKth(values, k90, nearestRank(0.5, n));
  const p10 = selectKth(values, nearestRank(0.5, n), nearestRank(0.1, n));
  return { p10, p50, p90 };
}

export type { DomainResult };
