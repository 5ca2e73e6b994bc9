import { describe, expect, it } from 'vitest';
import { acceptInPlanText } from './accept-in-plan-text.js';

const YAML = `# the plan
actors:
  - { id: UKR, name: Ukraine }
  # France, see the summit notes
  - { id: FRA, name: France, reliability: 0.8, gdp: 3.160e12 } # assumption: co-lead
  - id: DEU
    name: Germany # block style
    reliability: 0.9
pledges: []
`;

describe('acceptInPlanText', () => {
  it('replaces a value in place, keeping comments and how other numbers are written', () => {
    const out = acceptInPlanText(
      YAML,
      [{ actor: 'FRA', set: { reliability: 0.79 }, note: 'from Kiel' }],
      'yaml',
    );
    expect(out).toEqual({
      ok: true,
      value: YAML.replace(
        '  - { id: FRA, name: France, reliability: 0.8,',
        '  # from Kiel\n  - { id: FRA, name: France, reliability: 0.79,',
      ),
    });
  });

  it('adds a missing key to a flow map and to a block map, with the note above the actor', () => {
    const out = acceptInPlanText(
      YAML,
      [
        { actor: 'UKR', set: { gdp: 178757000000 }, note: 'gdp from the World Bank' },
        { actor: 'DEU', set: { reliability: 0.46, gdp: 4686000000000 }, note: 'from Kiel' },
      ],
      'yaml',
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value).toContain(
      '  # gdp from the World Bank\n  - { id: UKR, name: Ukraine, gdp: 178757000000 }\n  # France',
    );
    expect(out.value).toContain(
      '  # from Kiel\n  - id: DEU\n    name: Germany # block style\n    reliability: 0.46\n    gdp: 4686000000000\npledges',
    );
    expect(out.value).toContain('# the plan\n');
    expect(out.value).toContain('gdp: 3.160e12 } # assumption: co-lead');
  });

  it('keeps JSON as JSON, without comments', () => {
    const json = `{\n  "actors": [\n    { "id": "FRA", "name": "France", "reliability": 0.8 }\n  ]\n}\n`;
    const out = acceptInPlanText(
      json,
      [{ actor: 'FRA', set: { reliability: 0.79, gdp: 3e12 }, note: 'x' }],
      'json',
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(JSON.parse(out.value)).toEqual({
      actors: [{ id: 'FRA', name: 'France', reliability: 0.79, gdp: 3000000000000 }],
    });
    expect(out.value).not.toContain('#');
  });

  it('refuses an actor the file lacks, and a file without actors', () => {
    expect(acceptInPlanText(YAML, [{ actor: 'XYZ', set: { reliability: 0.5 }, note: '' }], 'yaml')).toEqual({
      ok: false,
      error: 'no actor "XYZ" in the plan\'s actors',
    });
    expect(acceptInPlanText('pledges: []\n', [], 'yaml')).toMatchObject({ ok: false });
    expect(acceptInPlanText('actors: [ {', [], 'yaml')).toMatchObject({ ok: false });
  });
});
