/**
 * The ledger's `diff` job: both points assessed with the same trials and seed (useJob: followed through
 * the server's event stream, kept for the page's life per plan and points).
 */
import type { AttributedChange, VariantValueChange } from './ledger-view';
import { type JobStatus, useJob } from './use-job';

/** The `guarantor diff --json` document (core plan-diff/plan-diff-document.ts). */
export interface PlanDiff {
  readonly plan: string;
  readonly from: { readonly seq: number; readonly at: string };
  readonly to: { readonly seq: number; readonly at: string };
  readonly changes: readonly AttributedChange[];
  readonly values: readonly VariantValueChange[];
  readonly trials: number;
  readonly seed: number;
}

/** The diff job from → to on the plan (idle without a range); `retry` runs a failed one again. */
export function useDiffJob(
  planId: string | undefined,
  range: { readonly from: number; readonly to: number } | undefined,
): { status: JobStatus<PlanDiff>; retry: () => void } {
  return useJob<PlanDiff>(
    planId,
    range?.to,
    range === undefined ? undefined : { kind: 'diff', params: { from: range.from, to: range.to } },
  );
}
