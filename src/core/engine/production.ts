/**
 * Units of a production pledge (MODEL.md §3): money for weapons built in the protected state turns into
 * units over the years of peace, capped by the state's yearly capacity:
 * units = min(fundingPerYear · yearsOfPeace / unitCost, productionPerYear · yearsOfPeace).
 * A capability without `productionPerYear` is not capped (the loader warns about it).
 */
import type { Capability, Pledge } from '../plan/types.js';

export function pledgeUnits(
  pledge: Pick<Pledge, 'posture' | 'quantity' | 'fundingPerYear'>,
  capability: Pick<Capability, 'unitCost' | 'productionPerYear'>,
  yearsOfPeace: number,
): number {
  if (pledge.posture !== 'production') return pledge.quantity;
  const funded =
    capability.unitCost === undefined
      ? 0
      : ((pledge.fundingPerYear ?? 0) * yearsOfPeace) / capability.unitCost;
  const cap =
    capability.productionPerYear === undefined
      ? Number.POSITIVE_INFINITY
      : capability.productionPerYear * yearsOfPeace;
  return Math.min(funded, cap);
}
