/** The plan format (MODEL.md §1): loading, validation, defaults and the JSON Schema. */
export { checkReferences } from './check-references.js';
export { type PathPart, type Position, parsePath } from './locate.js';
export {
  DEFAULT_REQUIRED_RATIO,
  DEFAULT_SETTINGS,
  DEFAULT_TOLERANCE,
  normalizePlan,
} from './normalize.js';
export {
  MAX_JSON_PLAN_BYTES,
  MAX_PLAN_BYTES,
  MAX_PLAN_DEPTH,
  MAX_YAML_ALIAS_COUNT,
  MAX_YAML_PLAN_BYTES,
  type ParsedPlan,
  type PlanFormat,
  parsePlan,
  planFormat,
} from './parse-plan.js';
export {
  BINDINGNESS,
  type Bindingness,
  DEFAULT_BINDINGNESS_FACTORS,
  DEFAULT_RELIABILITY,
  type PlanInput,
  type PledgeStatus,
  POSTURES,
  type Posture,
  planJsonSchema,
  planSchema,
  type RawPlan,
  type Source,
  STATUSES,
} from './schema.js';
export { suggest } from './suggest.js';
export type {
  Actor,
  Capability,
  Plan,
  Pledge,
  Scenario,
  Settings,
  Spare,
  ThreatPoint,
  Variant,
} from './types.js';
