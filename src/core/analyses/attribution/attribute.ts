/**
 * Attribution of a variant's value to its actors (MODEL.md §5): marginal value, Shapley value with its
 * standard error, the check Σφ = v(N) − v(∅), and the Owen value over blocs. Returns the MODEL.md §7
 * document of the variant with `attribution` filled. Pure and deterministic: same plan and seed, same
 * document.
 *
 * Trial count: given (`trials`, else settings.trials) for the exact method; for the sampled method
 * without `trials`, a pilot run of PILOT_TRIALS estimates each actor's per-trial variance σ²_a and the run
 * continues to ⌈1.2 · max σ²_a / targetSe²⌉ trials (rounded up to whole chunks, at most MAX_AUTO_TRIALS),
 * reusing the pilot's trials — the trials are keyed by index, so this equals one run of that length.
 */
import { assess } from '../../engine/assess.js';
import { prepareRun } from '../../engine/run-plan.js';
import { GuarantorError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';
import { chooseMethod } from './choose-method.js';
import { type ContributionSums, contributionSums } from './trial-contributions.js';
import { CHUNK } from './trial-moments.js';
import type {
  ActorAttribution,
  AttributeOptions,
  AttributionDocument,
  AttributionMethod,
  VariantAttribution,
} from './types.js';

export const DEFAULT_TARGET_SE = 0.005;
export const PILOT_TRIALS = 4 * CHUNK;
export const MAX_AUTO_TRIALS = 200_000;
/** Head-room over the pilot's variance estimate, itself a noisy number. */
const PILOT_SAFETY = 1.2;
const PROGRESS_EVERY = 256;

export function attribute(plan: Plan, options: AttributeOptions): AttributionDocument {
  const targetSe = options.targetSe ?? DEFAULT_TARGET_SE;
  if (!(targetSe > 0 && targetSe < 1)) {
    throw new GuarantorError('BAD_TARGET_SE', `the target standard error must be in (0, 1), got ${targetSe}`);
  }
  // Validates trials, seed and the variant id, and compiles the plan once.
  const prepared = prepareRun(plan, {
    variants: [options.variant],
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const { compiled, layout } = prepared;
  const spec = layout.variants[0];
  if (spec === undefined) throw new Error('prepareRun returned no variant');
  const sums = contributionSums(compiled, spec, layout.scenarios);
  const choice = chooseMethod(sums.game, prepared.trials, options.method);
  const fromPilot = choice.method === 'sampled' && options.trials === undefined;

  let total = fromPilot ? PILOT_TRIALS : prepared.trials;
  const report = (trial: number) => {
    if ((trial + 1) % PROGRESS_EVERY === 0) options.onProgress?.({ done: trial + 1, total });
  };
  sums.run(choice.method, 0, total, report);
  if (fromPilot) {
    total = trialsFromPilot(sums, targetSe);
    sums.run(choice.method, PILOT_TRIALS, total, report);
  }
  sums.finish();
  options.onProgress?.({ done: total, total });

  // The variant's own assessment on the same trials and seed: the §7 document the attribution explains.
  const doc = assess(plan, {
    variants: [options.variant],
    trials: total,
    seed: compiled.seed,
  });
  const attribution = summarise(sums, compiled.actorIds, {
    variant: spec.id,
    method: choice.method,
    trials: total,
    trialsFrom: fromPilot ? 'pilot' : 'given',
    reason: choice.reason,
    ...(fromPilot ? { targetSe } : {}),
  });
  return { ...doc, attribution: [attribution] };
}

/** Trials for every Shapley SE to reach `targetSe`, from the pilot's per-trial variances. */
function trialsFromPilot(sums: ContributionSums, targetSe: number): number {
  const { moments } = sums;
  const n = moments.count();
  let maxVariance = 0;
  for (let p = 0; p < sums.game.players.length; p++) {
    const se = moments.standardError(sums.shapleyAt(p));
    maxVariance = Math.max(maxVariance, se * se * n);
  }
  const needed = Math.ceil((PILOT_SAFETY * maxVariance) / (targetSe * targetSe));
  const chunks = Math.ceil(needed / CHUNK);
  return Math.min(MAX_AUTO_TRIALS, Math.max(PILOT_TRIALS, chunks * CHUNK));
}

interface Header {
  readonly variant: string;
  readonly method: AttributionMethod;
  readonly trials: number;
  readonly trialsFrom: 'given' | 'pilot';
  readonly reason: string;
  readonly targetSe?: number;
}

function summarise(sums: ContributionSums, actorIds: readonly string[], header: Header): VariantAttribution {
  const { moments, game, heldAll, heldNone, lostWithout, blocs, playerBloc } = sums;
  const trials = moments.count();
  const nScen = heldAll.length;
  const exact = header.method === 'exact';
  const weights = game.scenarioWeights;
  const vN = weightedValue(heldAll, weights, trials);
  const without = new Float64Array(nScen);
  const actors = Array.from(game.players, (a, p): ActorAttribution => {
    for (let s = 0; s < nScen; s++) {
      without[s] = (heldAll[s] as number) - (lostWithout[p * nScen + s] as number);
    }
    const shapleySe = moments.standardError(sums.shapleyAt(p));
    return {
      actor: actorIds[a] as string,
      shapley: moments.mean(sums.shapleyAt(p)),
      se: exact ? 0 : shapleySe,
      marginal: vN - weightedValue(without, weights, trials),
      marginalSe: moments.standardError(sums.marginalAt(p)),
      owen: moments.mean(sums.owenAt(p)),
      owenSe: exact ? 0 : moments.standardError(sums.owenAt(p)),
      ...(exact ? { trialSe: shapleySe } : {}),
      bloc: blocs[playerBloc[p] as number] as string,
    };
  });
  return {
    variant: header.variant,
    method: header.method,
    actors,
    blocs: blocs.map((bloc, g) => ({
      bloc,
      owen: moments.mean(sums.blocAt(g)),
      se: exact ? 0 : moments.standardError(sums.blocAt(g)),
      actors: actors.filter((_, p) => playerBloc[p] === g).map((x) => x.actor),
    })),
    check: {
      sumShapley: actors.reduce((s, x) => s + x.shapley, 0),
      sumOwen: actors.reduce((s, x) => s + x.owen, 0),
      vN,
      vEmpty: weightedValue(heldNone, weights, trials),
    },
    trials,
    trialsFrom: header.trialsFrom,
    ...(header.targetSe === undefined ? {} : { targetSe: header.targetSe }),
    maxSe: actors.reduce((m, x) => Math.max(m, x.se), 0),
    reason: header.reason,
  };
}

/**
 * value = Σ_s weight_s · pHold_s / Σ_s weight_s from hold counts, with the engine's arithmetic
 * (summarize.ts), so v(N) is the document's variant value to the last bit.
 */
function weightedValue(held: Float64Array, weights: readonly number[], trials: number): number {
  let weighted = 0;
  let total = 0;
  weights.forEach((w, s) => {
    weighted += w * ((held[s] as number) / trials);
    total += w;
  });
  return total > 0 ? weighted / total : 0;
}
