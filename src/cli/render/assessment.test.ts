import { describe, expect, it } from 'vitest';
import { assess } from '../../core/engine/assess.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { renderAssessment } from './assessment.js';
import { width } from './format.js';

describe('renderAssessment', () => {
  const plan = smallPlan();
  const doc = assess(plan, { trials: 500, seed: 3 });
  const text = renderAssessment(doc, plan);
  const lines = text.split('\n');

  it('starts with the title and the run', () => {
    expect(lines[0]).toBe('Small test plan');
    expect(lines[1]).toBe('500 trials · seed 3 · model 1 · target 80%');
  });

  it('compares the variants side by side, then gives a verdict per variant', () => {
    expect(text).toMatch(/^ {13}alone\s+all$/m);
    expect(text).toMatch(/^ {2}land-push\s+\d+% \(\d+–\d+%\)\s+\d+% \(\d+–\d+%\)$/m);
    expect(text).toMatch(
      /^alone: value 0\.\d\d — NOT ENOUGH: 0 of 2 scenarios reach the 80% target; weakest /m,
    );
    expect(text).toContain('1 of 3 actors (without BIG, FAR); every pledge status counted');
  });

  it('shows per threatened domain the hold, the mean shortfall and the gap in units', () => {
    expect(text).toMatch(/^ {4}land\s+\d+%\s+[\d.]+%\s+[\d.]+ ≈ [\d.]+ tank-bde$/m);
    expect(text).toMatch(/^ {4}air\s+\d+%\s+[\d.]+%\s+[\d.]+ ≈ [\d.]+ jet-sqn \| [\d.]+ sam$/m);
  });

  it('fits a 100-column terminal', () => {
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(100);
  });
});
