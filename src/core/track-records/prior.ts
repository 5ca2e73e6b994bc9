/**
 * A proposed reliability prior from a track record: delivered ÷ committed (Kiel's allocated ÷
 * committed), clamped to [0, 1], mapped linearly onto [floor, ceiling]:
 *
 *   prior = floor + (ceiling − floor) × min(1, allocated ÷ committed)
 *
 * so a donor that delivered nothing of what it committed gets `floor`, one that delivered all (or more,
 * from stocks) gets `ceiling`. Defaults 0.3 and 0.95: a record never makes a partner certain, nor
 * worthless. It is a proposal only: the user decides whether it goes into the plan.
 */
import { err, ok, type Result } from '../result.js';

export interface PriorMapping {
  readonly floor: number;
  readonly ceiling: number;
}

export const DEFAULT_PRIOR_MAPPING: PriorMapping = { floor: 0.3, ceiling: 0.95 };

export interface ProposedPrior {
  /** allocated ÷ committed before clamping. */
  readonly deliveredRatio: number;
  readonly prior: number;
}

export function checkPriorMapping(mapping: PriorMapping): Result<PriorMapping, string> {
  const { floor, ceiling } = mapping;
  if (!(floor >= 0 && ceiling <= 1 && floor <= ceiling)) {
    return err(`the prior mapping needs 0 ≤ floor ≤ ceiling ≤ 1 (got floor ${floor}, ceiling ${ceiling})`);
  }
  return ok(mapping);
}

/** Undefined when nothing was committed (no record to judge by). */
export function proposePrior(
  record: { readonly allocated: number; readonly committed: number },
  mapping: PriorMapping = DEFAULT_PRIOR_MAPPING,
): ProposedPrior | undefined {
  if (!(record.committed > 0)) return undefined;
  const deliveredRatio = record.allocated / record.committed;
  const clamped = Math.min(1, Math.max(0, deliveredRatio));
  const prior = mapping.floor + (mapping.ceiling - mapping.floor) * clamped;
  return { deliveredRatio: Math.round(deliveredRatio * 1e4) / 1e4, prior: Math.round(prior * 1e4) / 1e4 };
}
