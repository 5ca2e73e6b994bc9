/** The small test plan, parsed (tests only). */
import { type Plan, parsePlan } from '../../plan/index.js';
import { SMALL_PLAN_YAML } from './small-plan.js';

export function smallPlan(text = SMALL_PLAN_YAML): Plan {
  const result = parsePlan(text, 'small.yaml');
  if (!result.ok) throw new Error(`small plan does not parse: ${JSON.stringify(result.error)}`);
  return result.value.plan;
}
