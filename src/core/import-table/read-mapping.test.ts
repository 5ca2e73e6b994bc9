import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../errors.js';
import { readMapping } from './read-mapping.js';

const errors = (text: string) => {
  const read = readMapping(text);
  if (read.ok) throw new Error('expected the mapping to be refused');
  return read.error.map((i) => formatIssue('m.yaml', i));
};

describe('readMapping', () => {
  it('accepts the example mapping, turning header strings into column specs', () => {
    const text = readFileSync(
      new URL('../../../examples/ukraine-2025/pledges-mapping.yaml', import.meta.url),
      'utf8',
    );
    const read = readMapping(text);
    expect(read.ok && read.value.mapping.columns.actor).toEqual({ column: 'Country' });
    expect(read.ok && read.value.mapping.columns.fundingPerYear).toEqual({
      column: 'Funding (USD m/yr)',
      scale: 1e6,
    });
  });

  it('locates unknown fields with a suggestion, and bad values, at line:column', () => {
    expect(
      errors(`columns:
  actor: Country
  capabilty: Capability
  posture: { column: Posture, scale: -1 }
decimal: ";"
`),
    ).toEqual([
      'm.yaml:3:3 columns.capabilty: unknown field "capabilty"; did you mean "capability"?',
      'm.yaml:4:38 columns.posture.scale: expected a number > 0',
      expect.stringMatching(/^m\.yaml:5:10 decimal: expected "\." or ","/),
    ]);
  });

  it('requires columns, and a way to fill actor, capability and posture', () => {
    expect(errors('delimiter: ";"\n')).toEqual(['m.yaml:1:1 columns: missing required field "columns"']);
    expect(errors('columns:\n  actor: Country\ndefaults: { posture: on-call }\n')).toEqual([
      expect.stringMatching(/^m\.yaml:2:3 columns: every pledge needs a capability: map a column to it/),
    ]);
  });

  it('refuses scale on a text field, separator on a number, and unknown id placeholders', () => {
    expect(
      errors(`columns:
  actor: { column: Country, scale: 2 }
  capability: Capability
  posture: Posture
  quantity: { column: Units, separator: ";" }
ids: "{actor}-{capabilty}"
`),
    ).toEqual([
      expect.stringMatching(/^m\.yaml:2:29 columns\.actor\.scale: scale applies to numbers only/),
      expect.stringMatching(/^m\.yaml:5:30 columns\.quantity\.separator: separator applies to lists only/),
      expect.stringMatching(
        /^m\.yaml:6:6 ids: unknown placeholder \{capabilty\} .*did you mean "capability"/,
      ),
    ]);
  });

  it('checks defaults against the plan vocabulary', () => {
    expect(errors('columns: { actor: A, capability: C }\ndefaults: { posture: oncall }\n')).toEqual([
      expect.stringMatching(
        /^m\.yaml:2:22 defaults\.posture: expected one of in-place \| on-call .*did you mean "on-call"/,
      ),
    ]);
  });

  it('refuses a skip rule without exactly one condition', () => {
    expect(errors('columns: { actor: A, capability: C, posture: P }\nskipWhen: [{ column: A }]\n')).toEqual([
      expect.stringMatching(/skipWhen\[0\]: a skip rule needs exactly one of `equals: …` or `empty: true`/),
    ]);
  });

  it('reports YAML syntax errors and non-mappings with positions', () => {
    expect(errors('columns: [\n')[0]).toMatch(/^m\.yaml:\d+:\d+: /);
    expect(errors('- a\n- b\n')).toEqual([expect.stringMatching(/must be a YAML mapping/)]);
    expect(errors('')).toEqual([expect.stringMatching(/must be a YAML mapping/)]);
  });
});
