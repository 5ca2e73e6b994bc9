/**
 * Exact or sampled (MODEL.md §5: "exact where feasible, otherwise an unbiased sampled estimate").
 * The exact method evaluates, in every trial, every coalition of that trial's relevant players — 2^m of
 * them for m relevant players — so its cost is Σ_k 2^(m_k) coalition evaluations. It is estimated from the
 * first trials' draws (cheap: no scenario is evaluated), and compared with two budgets: below the first
 * the exact method is chosen by itself; above the second it is refused even when asked for.
 */
import { GuarantorError } from '../../errors.js';
import type { CoalitionGame } from './coalition-game.js';
import { MAX_EXACT_PLAYERS } from './trial-contributions.js';
import type { AttributionMethod } from './types.js';

/**
 * Exact by default up to this many coalition evaluations. One costs ~7 µs on the example plan (4
 * scenarios, 225 days), so this is ≤ ~7 s on one core.
 */
export const AUTO_EXACT_EVALUATIONS = 1e6;
/** Exact on request up to this many (a few minutes); beyond, it is an error. */
export const MAX_EXACT_EVALUATIONS = 3e7;
/** Trials whose draws the estimate looks at. */
const ESTIMATE_TRIALS = 1024;

export interface MethodChoice {
  readonly method: AttributionMethod;
  /** For people: why (the estimate, the budget). */
  readonly reason: string;
}

/** Expected exact-method evaluations over `trials` trials, from the first trials' relevant players. */
export function exactCost(game: CoalitionGame, trials: number): number {
  const sample = Math.min(trials, ESTIMATE_TRIALS);
  let sum = 0;
  for (let k = 0; k < sample; k++) {
    game.startTrial(k);
    sum += 2 ** game.relevantCount();
  }
  return (sum / sample) * trials;
}

export function chooseMethod(
  game: CoalitionGame,
  trials: number,
  requested: AttributionMethod | undefined,
): MethodChoice {
  const n = game.potential.length;
  if (requested === 'sampled') return { method: 'sampled', reason: 'sampled, as asked' };
  if (n > MAX_EXACT_PLAYERS) {
    if (requested === 'exact') {
      throw new GuarantorError(
        'ATTRIBUTION_EXACT_TOO_LARGE',
        `exact attribution enumerates every coalition of the players who can add power; this variant has ` +
          `${n} of them (2^${n} coalitions per trial), more than the ${MAX_EXACT_PLAYERS} the exact method ` +
          'handles; use --method sampled (the default for this plan)',
      );
    }
    return {
      method: 'sampled',
      reason: `sampled: ${n} players can add power, more than the ${MAX_EXACT_PLAYERS} of the exact method`,
    };
  }
  const cost = exactCost(game, trials);
  const estimate = `about ${roughly(cost)} coalition evaluations over ${grouped(trials)} trials`;
  if (requested === 'exact') {
    if (cost > MAX_EXACT_EVALUATIONS) {
      throw new GuarantorError(
        'ATTRIBUTION_EXACT_TOO_LARGE',
        `exact attribution would need ${estimate}, more than the ${roughly(MAX_EXACT_EVALUATIONS)} ` +
          'allowed; use --method sampled, or fewer --trials',
      );
    }
    return { method: 'exact', reason: `exact, as asked (${estimate})` };
  }
  return cost <= AUTO_EXACT_EVALUATIONS
    ? { method: 'exact', reason: `exact: ${estimate}` }
    : {
        method: 'sampled',
        reason: `sampled: exact would need ${estimate}, more than ${roughly(AUTO_EXACT_EVALUATIONS)}`,
      };
}

/** Two significant figures for people: `830,000`, `2.6 million`, `1.3 billion`. */
export function roughly(x: number): string {
  const two = (v: number) => String(Number(v.toPrecision(2)));
  if (x >= 1e9) return `${two(x / 1e9)} billion`;
  if (x >= 1e6) return `${two(x / 1e6)} million`;
  return grouped(Number(two(x)));
}

/** `20,000`. */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
