import { describe, expect, it } from 'vitest';
import type { OverrideIssue } from './overrides.js';
import { parsePlan } from './parse-plan.js';
import { parsePlanWithOverrides } from './parse-plan-with-overrides.js';
import { MINIMAL_PLAN_JSON, MINIMAL_PLAN_YAML } from './test-fixtures.js';

function planWith(...sets: string[]) {
  const result = parsePlanWithOverrides(MINIMAL_PLAN_YAML, 'plan.yaml', sets);
  if (!result.ok) throw new Error(`expected a plan: ${JSON.stringify(result.error)}`);
  return result.value;
}

function issuesWith(text: string, ...sets: string[]): OverrideIssue[] {
  const result = parsePlanWithOverrides(text, 'plan.yaml', sets);
  if (result.ok) throw new Error('expected issues');
  return result.error;
}

/** 1-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('parsePlanWithOverrides', () => {
  it('is parsePlan when there are no overrides', () => {
    expect(parsePlanWithOverrides(MINIMAL_PLAN_YAML, 'plan.yaml', [])).toEqual(
      parsePlan(MINIMAL_PLAN_YAML, 'plan.yaml'),
    );
  });

  it('gives the overridden plan, normalized like a file', () => {
    const { plan, warnings } = planWith(
      'actors.USA.reliability=0.5',
      'settings.blocCorrelation=0.8',
      'settings.bindingness.political=0.4',
      'pledges.deu-sam.status=committed',
      'scenarios.land-north.weight=1',
    );
    expect(warnings).toEqual([]);
    expect(plan.actors.map((a) => a.reliability)).toEqual([1, 0.8, 0.75, 0.5]);
    expect(plan.settings.blocCorrelation).toBe(0.8);
    expect(plan.settings.bindingness.political).toBe(0.4);
    expect(plan.pledges[3]?.status).toBe('committed');
    expect(plan.scenarios[0]?.weight).toBe(1);
  });

  it('reads null like a file does: as a value, not as "back to the default"', () => {
    expect(issuesWith(MINIMAL_PLAN_YAML, 'actors.FRA.reliability=null')[0]?.message).toBe(
      'expected a number, got null (an empty value)',
    );
  });

  it('reads JSON plans too', () => {
    const result = parsePlanWithOverrides(MINIMAL_PLAN_JSON, 'plan.json', ['actors.FRA.reliability=0.3']);
    expect(result.ok && result.value.plan.actors[1]?.reliability).toBe(0.3);
  });

  it('validates an overridden value like the file, naming the override instead of a line', () => {
    expect(issuesWith(MINIMAL_PLAN_YAML, 'actors.USA.reliability=1.5')).toEqual([
      {
        code: 'PLAN_OUT_OF_RANGE',
        severity: 'error',
        path: 'actors[3].reliability',
        message: 'expected a probability in [0, 1]',
        override: 'actors.USA.reliability=1.5',
      },
    ]);
    expect(issuesWith(MINIMAL_PLAN_YAML, 'pledges.deu-sam.posture=oncall')).toEqual([
      {
        code: 'PLAN_INVALID_VALUE',
        severity: 'error',
        path: 'pledges[3].posture',
        message:
          'expected one of in-place | on-call | backstop | production, got "oncall"; did you mean "on-call"?',
        override: 'pledges.deu-sam.posture=oncall',
      },
    ]);
  });

  it('reports a misspelt field with its did-you-mean, and a broken reference', () => {
    expect(issuesWith(MINIMAL_PLAN_YAML, 'actors.DEU.reliabilty=0.6')).toEqual([
      {
        code: 'PLAN_UNKNOWN_FIELD',
        severity: 'error',
        path: 'actors[2].reliabilty',
        message: 'unknown field "reliabilty"; did you mean "reliability"?',
        override: 'actors.DEU.reliabilty=0.6',
      },
    ]);
    expect(issuesWith(MINIMAL_PLAN_YAML, 'pledges.deu-sam.capability=sam-lng')).toEqual([
      {
        code: 'PLAN_UNKNOWN_CAPABILITY',
        severity: 'error',
        path: 'pledges[3].capability',
        message: 'unknown capability "sam-lng"; did you mean "sam-long"?',
        override: 'pledges.deu-sam.capability=sam-lng',
      },
    ]);
  });

  it('attributes issues inside an overridden value to it', () => {
    const issues = issuesWith(MINIMAL_PLAN_YAML, 'scenarios.air-campaign.threat={ air: [[0, 1], [0, 2]] }');
    expect(issues.map((i) => [i.path, i.override])).toEqual([
      ['scenarios[1].threat.air[1]', 'scenarios.air-campaign.threat={ air: [[0, 1], [0, 2]] }'],
    ]);
  });

  it('attributes warnings too, and leaves the file’s own warnings at their line', () => {
    const text = MINIMAL_PLAN_YAML.replace('triggers: [air, land]', 'triggers: [air, lnd]');
    const result = parsePlanWithOverrides(text, 'plan.yaml', ['pledges.fra-air-policing.triggers=[ari]']);
    expect(result.ok && result.value.warnings.map((w) => [w.code, w.path, w.line, w.override])).toEqual([
      ['PLAN_UNKNOWN_TAG', 'pledges[2].triggers[0]', undefined, 'pledges.fra-air-policing.triggers=[ari]'],
      ['PLAN_UNKNOWN_TAG', 'pledges[4].triggers[1]', lineOf(text, 'triggers: [air, lnd]'), undefined],
    ]);
  });

  it('keeps the file’s errors at their place next to the override’s', () => {
    const text = MINIMAL_PLAN_YAML.replace('capability: mech-brigade', 'capability: mech-brigad');
    const issues = issuesWith(text, 'actors.USA.reliability=2');
    expect(issues.map((i) => [i.path, i.line, i.override])).toEqual([
      ['actors[3].reliability', undefined, 'actors.USA.reliability=2'],
    ]);
    // Shapes come before references (as in parsePlan): with the shape fixed, the file's error shows.
    expect(issuesWith(text, 'actors.USA.reliability=0.2').map((i) => [i.path, i.line, i.override])).toEqual([
      ['pledges[0].capability', lineOf(text, 'mech-brigad\n'), undefined],
    ]);
  });

  it('names the override that last replaced a value', () => {
    const issues = issuesWith(
      MINIMAL_PLAN_YAML,
      'actors.USA.reliability=0.5',
      'actors.USA={ id: USA, reliability: 2 }',
    );
    expect(issues.map((i) => [i.path, i.override])).toEqual([
      ['actors[3].reliability', 'actors.USA={ id: USA, reliability: 2 }'],
    ]);
  });

  it('reports the file’s errors first when an override cannot be applied', () => {
    const text = MINIMAL_PLAN_YAML.replace('capability: mech-brigade', 'capability: mech-brigad');
    const issues = issuesWith(text, 'actors.usa.reliability=0.5');
    expect(issues.map((i) => [i.code, i.line, i.override])).toEqual([
      ['PLAN_UNKNOWN_CAPABILITY', lineOf(text, 'mech-brigad\n'), undefined],
      ['SET_UNKNOWN_ID', undefined, 'actors.usa.reliability=0.5'],
    ]);
  });

  it('stops at a file that cannot be read, whatever the overrides', () => {
    expect(
      issuesWith('guarantor: [1', 'actors.USA.reliability=0.5').every((i) => i.override === undefined),
    ).toBe(true);
  });
});
