/** The `guarantor diff --json` document: the changes between two ledger points and their effect on value. */
import type { AttributedChange } from './attach-events.js';
import type { VariantValueChange } from './diff-values.js';

/** A point of a plan's ledger: the last event at or before what the user named. */
export interface LedgerPoint {
  readonly seq: number;
  /** ISO time of that event. */
  readonly at: string;
}

export interface PlanDiff {
  readonly model: 1;
  readonly plan: string;
  readonly from: LedgerPoint;
  readonly to: LedgerPoint;
  readonly changes: readonly AttributedChange[];
  readonly values: readonly VariantValueChange[];
  /** Both points were assessed with these trials and this seed. */
  readonly trials: number;
  readonly seed: number;
}
