/** Comparing variants with paired differences (issue 3: `guarantor compare`). */
export { type CompareOptions, compareVariants, type Pairs, pairsOf } from './compare-variants.js';
export type {
  ComparedScenario,
  ComparedVariant,
  Comparison,
  Difference,
  ScenarioDifference,
  VariantDifference,
} from './comparison.js';
export { type PairedDifference, pairedDifference } from './paired-difference.js';
