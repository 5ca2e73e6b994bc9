/** Attribution (MODEL.md §5): marginal, Shapley and Owen values of a variant's actors. */
export { attribute, DEFAULT_TARGET_SE, MAX_AUTO_TRIALS, PILOT_TRIALS } from './attribute.js';
export { AUTO_EXACT_EVALUATIONS, MAX_EXACT_EVALUATIONS } from './choose-method.js';
export { MAX_EXACT_PLAYERS } from './trial-contributions.js';
export type {
  ActorAttribution,
  AttributeOptions,
  AttributionCheck,
  AttributionDocument,
  AttributionMethod,
  BlocAttribution,
  VariantAttribution,
} from './types.js';
