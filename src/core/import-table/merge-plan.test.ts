import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse-plan.js';
import type { RawPledge } from '../plan/schema.js';
import type { PledgeOrigin } from './import-pledges.js';
import type { ImportIssue } from './issues.js';
import { mergeIntoPlan } from './merge-plan.js';

const BASE = `# a small plan
guarantor: 1
protected: UKR
actors:
  - { id: UKR }
  - { id: FRA, reliability: 0.8 }
  - { id: DEU }
capabilities:
  - { id: frigate, effect: { sea: 4 } }
  - { id: sam-long, effect: { air: 8 } }
pledges:
  - id: fra-1 # kept
    actor: FRA
    capability: frigate
    quantity: 1
    posture: in-place
    bindingness: executive
scenarios:
  - { id: s, horizonDays: 30, threat: { sea: [[0, 4]] } }
`;

const pledge = (over: Partial<RawPledge>): RawPledge => ({
  id: 'imp-1',
  actor: 'DEU',
  capability: 'sam-long',
  quantity: 2,
  posture: 'in-place',
  bindingness: 'political',
  ...over,
});

const origin = (row: number): PledgeOrigin => ({
  row: `row ${row}`,
  rowNumber: row,
  cells: {
    id: `row ${row}, column 'ID'`,
    actor: `row ${row}, column 'Country'`,
    capability: `row ${row}, column 'Capability'`,
  },
});

const text = (issues: readonly ImportIssue[]) =>
  issues.map((i) =>
    i.in === 'table' ? `${i.at}: ${i.message}` : `plan:${i.issue.line}:${i.issue.column} ${i.issue.message}`,
  );

describe('mergeIntoPlan', () => {
  it('adds the pledges to the base plan, keeping its comments, and writes a valid plan', () => {
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: [pledge({})],
      origins: [origin(2)],
      replace: false,
    });
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    expect(merged.value.text).toContain('# a small plan');
    expect(merged.value.text).toContain('- id: fra-1 # kept');
    const parsed = parsePlan(merged.value.text, 'out.yaml');
    expect(parsed.ok && parsed.value.plan.pledges.map((p) => p.id)).toEqual(['fra-1', 'imp-1']);
  });

  it('writes YAML for a JSON base plan, and a block list for an empty flow list', () => {
    const json = JSON.stringify({
      guarantor: 1,
      protected: 'UKR',
      actors: [{ id: 'UKR' }, { id: 'DEU' }],
      capabilities: [{ id: 'sam-long', effect: { air: 8 } }],
      pledges: [],
      scenarios: [{ id: 's', horizonDays: 30, threat: { air: [[0, 4]] } }],
    });
    const flow = BASE.replace(/pledges:[\s\S]*?scenarios:/, 'pledges: []\nscenarios:');
    for (const [baseText, baseFile] of [
      [json, 'plan.json'],
      [flow, 'plan.yaml'],
    ] as const) {
      const merged = mergeIntoPlan({
        baseText,
        baseFile,
        pledges: [pledge({})],
        origins: [origin(2)],
        replace: false,
      });
      if (!merged.ok) throw new Error(JSON.stringify(merged.error));
      expect(merged.value.text).toMatch(/^pledges:\n {2}- id: imp-1\n {4}actor: DEU$/m);
    }
  });

  it('writes JSON when asked, the same plan', () => {
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: [pledge({})],
      origins: [origin(2)],
      replace: false,
      format: 'json',
    });
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    expect(JSON.parse(merged.value.text).pledges.map((p: RawPledge) => p.id)).toEqual(['fra-1', 'imp-1']);
  });

  it('refuses a YAML plan over the YAML size limit, pointing to --json', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      pledge({ id: `imp-${i}`, triggers: ['x'.repeat(200)] }),
    );
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: many,
      origins: many.map((_, i) => origin(i + 2)),
      replace: false,
    });
    expect(text(merged.ok ? [] : merged.error)).toEqual([
      expect.stringMatching(
        /^plan:undefined:undefined the plan with the imported pledges would be [\d.]+ MB( or more)? as YAML, over the 4 MB limit of YAML plans: add --json \(JSON plans may hold up to 64 MB\)$/,
      ),
    ]);
  });

  it("replaces the base plan's pledges with --replace", () => {
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: [pledge({ id: 'fra-1', actor: 'FRA' })],
      origins: [origin(2)],
      replace: true,
    });
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    const parsed = parsePlan(merged.value.text, 'out.yaml');
    expect(parsed.ok && parsed.value.plan.pledges.map((p) => [p.id, p.capability])).toEqual([
      ['fra-1', 'sam-long'],
    ]);
  });

  it('names the cell of an unknown actor or capability, with a suggestion and a remedy', () => {
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: [pledge({ actor: 'DEX' }), pledge({ id: 'imp-2', capability: 'sam-lng' })],
      origins: [origin(2), origin(5)],
      replace: false,
    });
    expect(merged.ok).toBe(false);
    expect(text(merged.ok ? [] : merged.error)).toEqual([
      expect.stringMatching(
        /^row 2, column 'Country': unknown actor "DEX"; did you mean "DEU"\? \(not an actor of the plan/,
      ),
      expect.stringMatching(
        /^row 5, column 'Capability': unknown capability "sam-lng"; did you mean "sam-long"\?/,
      ),
    ]);
  });

  it('names the row and the base plan line of an id the base plan already has', () => {
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: [pledge({ id: 'fra-1' })],
      origins: [origin(7)],
      replace: false,
    });
    expect(text(merged.ok ? [] : merged.error)).toEqual([
      `row 7, column 'ID': duplicate pledge id "fra-1"; it is first defined at the base plan's line 12`,
    ]);
  });

  it('says how to fill a field the plan requires but the table did not give', () => {
    const { bindingness: _, ...withoutBindingness } = pledge({});
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: [withoutBindingness],
      origins: [origin(3)],
      replace: false,
    });
    expect(text(merged.ok ? [] : merged.error)).toEqual([
      expect.stringMatching(
        /^row 3: missing required field "bindingness" .*set defaults\.bindingness in the mapping$/,
      ),
    ]);
  });

  it('checks the actor, capability and requires of rows refused for another cell', () => {
    const merged = mergeIntoPlan({
      baseText: BASE,
      baseFile: 'plan.yaml',
      pledges: [],
      origins: [],
      replace: false,
      rejected: [
        { pledge: { actor: 'FRX', capability: 'frigate', requires: ['DEU', 'USA'] }, origin: origin(4) },
        { pledge: { actor: 'FRA', capability: 'frigat' }, origin: origin(6) },
      ],
    });
    expect(text(merged.ok ? [] : merged.error)).toEqual([
      expect.stringMatching(/^row 4, column 'Country': unknown actor "FRX"; did you mean "FRA"\?/),
      expect.stringMatching(/^row 4: unknown actor "USA" \(not an actor of the plan/),
      expect.stringMatching(
        /^row 6, column 'Capability': unknown capability "frigat"; did you mean "frigate"\?/,
      ),
    ]);
  });

  it('reports problems of the base plan itself at its lines', () => {
    const merged = mergeIntoPlan({
      baseText: BASE.replace('protected: UKR', 'protected: UKX'),
      baseFile: 'plan.yaml',
      pledges: [],
      origins: [],
      replace: false,
    });
    expect(text(merged.ok ? [] : merged.error)).toEqual([
      expect.stringMatching(/^plan:3:12 unknown actor "UKX"/),
    ]);
    const broken = mergeIntoPlan({
      baseText: 'guarantor: [',
      baseFile: 'p.yaml',
      pledges: [],
      origins: [],
      replace: false,
    });
    expect(broken.ok).toBe(false);
  });
});
