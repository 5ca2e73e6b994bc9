/** What changed between two points of a plan's ledger, and what it did to each variant's value (issue 4: `guarantor diff`). */
export {
  type AttributedChange,
  type Attribution,
  attachEvents,
  type ChangeEvent,
} from './attach-events.js';
export {
  type ChangeKind,
  type DiffEntity,
  diffFields,
  diffPlans,
  type FieldChange,
  type PlanChange,
  SINGLETON,
} from './diff-plans.js';
export { diffValues, type ScenarioValue, type VariantValueChange } from './diff-values.js';
export type { LedgerPoint, PlanDiff } from './plan-diff-document.js';
