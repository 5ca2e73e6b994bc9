/**
 * The report's data from the small test plan, in this thread: the deep dive goes to the best-valued
 * variant (or the ones asked for), the parts it needs are all there, and a part the plan cannot support
 * (burden sharing without GDP) is said to be unavailable rather than failing the report.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../core/engine/assess.js';
import { smallPlan } from '../core/views/testing/load-small-plan.js';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { inProcessRunner } from '../runner/in-process-runner.js';
import { highsSolver } from '../solver/highs-solver.js';
import { buildDocument } from './build-document.js';
import { isUnavailable, reportData } from './report-data.js';

const SPARE = `${SMALL_PLAN_YAML}spare:\n  - { actor: BIG, capability: tank-bde, quantity: 3 }\n`;
const deps = { runner: inProcessRunner, solver: highsSolver() };
const run = { trials: 300, seed: 3 };

describe('report data', () => {
  it('assesses every variant and dives into the best-valued one', async () => {
    const plan = smallPlan(SPARE);
    const data = await reportData(plan, run, deps);
    expect(data.assessment).toEqual(assess(plan, run));
    const best = [...data.assessment.variants].sort((a, b) => b.value - a.value)[0];
    expect(data.deep.map((d) => d.variant)).toEqual([best?.id]);
    const d = data.deep[0];
    expect(d?.attribution.variant).toBe(best?.id);
    expect(d?.sensitivity.tornado.length).toBeGreaterThan(0);
    expect(d?.sensitivity.grid).toBeNull();
    expect(d?.burden !== undefined && !isUnavailable(d.burden)).toBe(true);
    expect(d?.failures?.variant).toBe(best?.id);
  });

  it('dives into every variant asked for, in the order asked', async () => {
    const data = await reportData(smallPlan(SPARE), { ...run, variants: ['all', 'alone'] }, deps);
    expect(data.assessment.variants.map((v) => v.id)).toEqual(['all', 'alone']);
    expect(data.deep.map((d) => d.variant)).toEqual(['all', 'alone']);
  });

  it('says why burden sharing is unavailable when a partner has no GDP, and still reports', async () => {
    const plan = smallPlan(SPARE.replace('reliability: 0.6, gdp: 5.0e11', 'reliability: 0.6'));
    const data = await reportData(plan, { ...run, variants: ['all'] }, deps);
    const burden = data.deep[0]?.burden;
    expect(burden !== undefined && isUnavailable(burden) ? burden.unavailable : '').toContain('gdp');
    const doc = buildDocument(data, {
      model: 1,
      version: 'test',
      seed: 3,
      trials: 300,
      planSha256: 'x',
      generated: '2026-01-01',
      command: 'guarantor report',
    });
    expect(doc.sections.map((s) => s.id)).toEqual([
      'bottom-line',
      'who-does-what',
      'scenarios',
      'attribution',
      'sensitivity',
      'appendix',
    ]);
    expect(JSON.stringify(doc.sections[3])).toContain('No burden-sharing proposal for this plan');
  });
});
