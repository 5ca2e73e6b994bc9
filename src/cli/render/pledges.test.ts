import { describe, expect, it } from 'vitest';
import { pledgeTable } from '../../core/views/pledge-table.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { width } from './format.js';
import { renderPledges } from './pledges.js';

describe('renderPledges', () => {
  const plan = smallPlan();
  const text = renderPledges(pledgeTable(plan), plan);

  it('groups by actor and domain, with the power of each group', () => {
    expect(text).toContain('\nBIG  Big Ally · bloc BIG · reliability 0.9\n  land: 12 power from 2 pledges\n');
    expect(text).toContain('\nHOME  Homeland · protected state (always honours)\n');
  });

  it('shows units, power, posture, readiness, bindingness, status, conditions and numbered sources', () => {
    expect(text).toMatch(/^ {4}big-jets {6}24 {2}2 × squadron · Fighter squadron$/m);
    expect(text).toMatch(/^ +on-call, ready in 2 days · executive · committed · source \[1\]$/m);
    expect(text).toMatch(/^ +on-call, ready in 5 days · political · announced · if land · requires BIG$/m);
    expect(text).toMatch(/^ +production: EUR 5B a year × 2 years of peace · executive · committed$/m);
    expect(text).toContain('Sources\n  [1] Big pledge (2025-09-04)\n');
  });

  it('ends with totals per domain, split by posture', () => {
    expect(text).toMatch(
      /^ {2}domain {2}power {2}pledges {2}in-place {2}on-call {2}backstop {2}production$/m,
    );
    expect(text).toMatch(/^ {2}air +112 +4 +16 +24 +40 +32$/m);
  });

  it('fits a 100-column terminal', () => {
    for (const line of text.split('\n')) expect(width(line), line).toBeLessThanOrEqual(100);
  });
});
