import { describe, expect, it } from 'vitest';
import { formatIssue, type Issue } from '../errors.js';
import {
  MAX_JSON_PLAN_BYTES,
  MAX_PLAN_DEPTH,
  MAX_YAML_PLAN_BYTES,
  type ParsedPlan,
  parsePlan,
  planFormat,
} from './parse-plan.js';
import { MINIMAL_PLAN_JSON, MINIMAL_PLAN_OBJECT, MINIMAL_PLAN_YAML } from './test-fixtures.js';

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
function where(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Replaces exactly one occurrence of `from`, so that a test fails loudly when the fixture changes. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" is not unique in the fixture`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function issues(text: string, file = 'plan.yaml'): Issue[] {
  const result = parsePlan(text, file);
  if (result.ok) throw new Error(`expected issues, got a plan with ${result.value.warnings.length} warnings`);
  return result.error;
}

function parsed(text: string, file = 'plan.yaml'): ParsedPlan {
  const result = parsePlan(text, file);
  if (!result.ok) throw new Error(result.error.map((i) => formatIssue(file, i)).join('\n'));
  return result.value;
}

describe('parsePlan: valid plans', () => {
  it('reads the YAML and JSON fixtures into the same normalized plan, without warnings', () => {
    const yaml = parsed(MINIMAL_PLAN_YAML);
    const json = parsed(MINIMAL_PLAN_JSON, 'plan.json');
    expect(yaml.warnings).toEqual([]);
    expect(json).toEqual(yaml);
  });

  it('keeps the YAML fixture in step with its object form', () => {
    expect(parsed(MINIMAL_PLAN_YAML)).toEqual(parsed(JSON.stringify(MINIMAL_PLAN_OBJECT), 'plan.json'));
  });

  it('fills the defaults of MODEL.md §1', () => {
    const { plan } = parsed(MINIMAL_PLAN_YAML);
    expect(plan.actors.find((a) => a.id === 'USA')).toMatchObject({ bloc: 'USA', reliability: 0.7 });
    expect(plan.actors.find((a) => a.id === 'DEU')).toMatchObject({ reliability: 0.75 });
    expect(plan.actors.find((a) => a.id === 'UKR')).toMatchObject({ reliability: 1 });
    expect(plan.pledges.find((p) => p.id === 'ukr-sam-production')).toMatchObject({
      quantity: 0,
      readinessDays: 0,
      status: 'committed',
      requires: [],
    });
    expect(plan.scenarios[1]).toMatchObject({
      weight: 1,
      requiredRatio: { air: 1 },
      tolerance: { air: 0.1 },
    });
    expect(plan.variants.find((v) => v.id === 'europe-us')?.statuses).toEqual([
      'announced',
      'committed',
      'delivered',
      'withdrawn',
    ]);
  });

  it('reads YAML with the 1.2 core schema: dates and yes/no stay strings', () => {
    const text = edit(MINIMAL_PLAN_YAML, 'currency: EUR', 'currency: yes');
    const { plan } = parsed(text);
    expect(plan.currency).toBe('yes');
    expect(plan.pledges.find((p) => p.id === 'fra-air-policing')?.sources[0]?.date).toBe('2025-09-04');
  });

  it('takes source dates as YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time, nothing vaguer', () => {
    for (const date of ['2025', '2025-09', '2025-09-04', '2025-09-04T10:00:00Z', '2025-09-04T10:00+02:00']) {
      const text = edit(MINIMAL_PLAN_YAML, 'date: 2025-09-04', `date: "${date}"`);
      expect(parsed(text).plan.pledges.find((p) => p.id === 'fra-air-policing')?.sources[0]?.date).toBe(date);
    }
    const bad = parsePlan(edit(MINIMAL_PLAN_YAML, 'date: 2025-09-04', 'date: "4 Sep 2025"'), 'plan.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error[0]?.path).toMatch(/sources\[0\]\.date$/);
  });

  it('does not resolve YAML 1.1 tags such as !!binary, and warns about them', () => {
    const text = edit(MINIMAL_PLAN_YAML, 'currency: EUR', 'currency: !!binary RVVS');
    const result = parsed(text);
    expect(result.plan.currency).toBe('RVVS');
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'PLAN_YAML_WARNING', severity: 'warning', ...where(text, '!!binary') }),
    ]);
  });

  it('accepts YAML anchors and aliases within limits', () => {
    const text = edit(
      edit(MINIMAL_PLAN_YAML, 'sources: [{ title: Joint', 'sources: &declared [{ title: Joint'),
      '    status: announced\n',
      '    status: announced\n    sources: *declared\n',
    );
    const { plan } = parsed(text);
    expect(plan.pledges.find((p) => p.id === 'deu-sam')?.sources[0]?.title).toBe('Joint declaration');
  });

  it('ignores a byte order mark', () => {
    expect(parsed(`\uFEFF${MINIMAL_PLAN_YAML}`).plan.title).toBe(parsed(MINIMAL_PLAN_YAML).plan.title);
    expect(parsed(`\uFEFF${MINIMAL_PLAN_JSON}`, 'plan.json').plan.title).toBe(
      'Security guarantees for Ukraine (illustrative)',
    );
  });

  it('returns warnings with their positions', () => {
    const text = edit(MINIMAL_PLAN_YAML, 'bloc: UKR, gdp', 'bloc: UKR, reliability: 0.5, gdp');
    expect(parsed(text).warnings).toEqual([
      {
        code: 'PLAN_IGNORED_FIELD',
        severity: 'warning',
        path: 'actors[0].reliability',
        message: 'reliability of the protected actor is ignored: it always honours (reliability 1)',
        ...where(text, '0.5'),
      },
    ]);
  });
});

describe('planFormat', () => {
  it('chooses JSON by file name or a leading brace, YAML otherwise', () => {
    expect(planFormat('a: 1', 'plan.json')).toBe('json');
    expect(planFormat('a: 1', 'PLAN.JSON')).toBe('json');
    expect(planFormat('\n  {"a": 1}', 'plan.yaml')).toBe('json');
    expect(planFormat('a: 1', 'plan.yml')).toBe('yaml');
    expect(planFormat('# {not json}\na: 1', 'plan')).toBe('yaml');
  });
});

describe('parsePlan: the text', () => {
  it.each(['', '  \n\t\n'])('refuses an empty plan %j', (text) => {
    expect(issues(text)).toEqual([
      { code: 'PLAN_EMPTY', severity: 'error', path: '', message: 'the plan is empty' },
    ]);
  });

  it('refuses a YAML plan of comments only', () => {
    expect(issues('# nothing yet\n')).toEqual([
      {
        code: 'PLAN_EMPTY',
        severity: 'error',
        path: '',
        message: 'the plan is empty (it holds only comments or null)',
      },
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const text = 'guarantor: 1\nactors: [1, 2\ntitle: x\n';
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_SYNTAX',
        severity: 'error',
        path: '',
        message: 'flow sequence in block collection must be sufficiently indented and end with a ]',
        line: 3,
        column: 1,
      },
    ]);
  });

  it('reports JSON syntax errors with their position', () => {
    expect(issues('{\n  "guarantor": 1,\n}', 'plan.json')).toEqual([
      {
        code: 'PLAN_SYNTAX',
        severity: 'error',
        path: '',
        message: 'expected a key in double quotes (no trailing comma before `}`)',
        line: 3,
        column: 1,
      },
    ]);
    expect(issues('{"title": "two\nlines"}', 'plan.json')).toEqual([
      expect.objectContaining({ code: 'PLAN_SYNTAX', line: 1, column: 11 }),
    ]);
  });

  it.each([
    ['YAML', MINIMAL_PLAN_YAML, 'posture: on-call', 'posture: oncall', 'plan.yaml', 'oncall'],
    ['JSON', MINIMAL_PLAN_JSON, '"posture": "on-call"', '"posture": "oncall"', 'plan.json', '"oncall"'],
  ])('counts lines the same with CRLF line ends (%s)', (_, fixture, from, to, file, value) => {
    const lf = edit(fixture, from, to);
    const crlf = lf.replaceAll('\n', '\r\n');
    expect(issues(crlf, file)).toEqual(issues(lf, file));
    expect(issues(lf, file)[0]).toMatchObject(where(lf, value));
  });

  it('refuses duplicate keys in YAML, naming both places', () => {
    const text = edit(MINIMAL_PLAN_YAML, '    quantity: 6\n', '    quantity: 6\n    quantity: 7\n');
    const second = where(text, 'quantity: 7');
    const first = where(text, 'quantity: 6');
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_DUPLICATE_KEY',
        severity: 'error',
        path: 'pledges[4].quantity',
        message: `duplicate key "quantity" (first at line ${first.line}, column ${first.column})`,
        ...second,
      },
    ]);
  });

  it('refuses duplicate keys in JSON, which JSON.parse would hide', () => {
    const text = '{"guarantor": 1, "settings": {"seed": 1, "trials": 5, "seed": 2}}';
    expect(issues(text, 'plan.json')).toEqual([
      {
        code: 'PLAN_DUPLICATE_KEY',
        severity: 'error',
        path: 'settings.seed',
        message: 'duplicate key "seed" (first at line 1, column 31)',
        line: 1,
        column: 55,
      },
    ]);
  });

  it('refuses more than one YAML document', () => {
    const text = `${MINIMAL_PLAN_YAML}---\ntitle: second\n`;
    expect(issues(text)).toEqual([
      expect.objectContaining({ code: 'PLAN_MULTIPLE_DOCUMENTS', line: where(text, '---').line, column: 1 }),
    ]);
  });

  it('refuses aliases that expand exponentially', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [from, to] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
    ]) {
      laughs.push(`${to}: &${to} [${Array(10).fill(`*${from}`).join(', ')}]`);
    }
    const [issue, ...rest] = issues(`${laughs.join('\n')}\n`);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'PLAN_ALIAS_LIMIT', severity: 'error', line: 2 });
  });

  it('refuses an alias without its anchor', () => {
    expect(issues('guarantor: 1\ntitle: *name\n')).toEqual([
      {
        code: 'PLAN_SYNTAX',
        severity: 'error',
        path: '',
        message: 'alias *name refers to no anchor &name defined before it',
        line: 2,
        column: 8,
      },
    ]);
  });

  it.each([
    ['YAML flow', `title: ${'['.repeat(MAX_PLAN_DEPTH + 5)}`, 'plan.yaml'],
    ['YAML block', `${'- '.repeat(MAX_PLAN_DEPTH + 5)}x`, 'plan.yaml'],
    ['JSON', `{"title": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'plan.json'],
  ])('refuses %s nesting deeper than the limit, before any recursion', (_, text, file) => {
    const [issue, ...rest] = issues(text, file);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'PLAN_TOO_DEEP', severity: 'error', line: 1 });
  });
});

describe('parsePlan: shapes', () => {
  it('names the allowed values of an enum and the likely one', () => {
    const text = edit(MINIMAL_PLAN_YAML, 'posture: on-call', 'posture: oncall');
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_INVALID_VALUE',
        severity: 'error',
        path: 'pledges[2].posture',
        message:
          'expected one of in-place | on-call | backstop | production, got "oncall"; did you mean "on-call"?',
        ...where(text, 'oncall'),
      },
    ]);
  });

  it('points a missing field at the object that lacks it', () => {
    const text = edit(MINIMAL_PLAN_YAML, '    posture: backstop\n', '');
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_MISSING_FIELD',
        severity: 'error',
        path: 'pledges[4].posture',
        message: 'missing required field "posture"',
        ...where(text, 'id: usa-backstop'),
      },
    ]);
  });

  it('explains a missing format version', () => {
    const text = edit(MINIMAL_PLAN_YAML, 'guarantor: 1\n', '');
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_MISSING_FIELD',
        severity: 'error',
        path: 'guarantor',
        message: 'missing required field "guarantor" (the plan format version: write `guarantor: 1`)',
        line: 1,
        column: 1,
      },
    ]);
    expect(issues(`guarantor: 2\n${text}`)[0]?.message).toBe(
      'expected `guarantor: 1` (the plan format version)',
    );
  });

  it('says which type was expected and which was found', () => {
    const text = edit(MINIMAL_PLAN_JSON, '"horizonDays": 60', '"horizonDays": "60"');
    expect(issues(text, 'plan.json')).toEqual([
      {
        code: 'PLAN_INVALID_TYPE',
        severity: 'error',
        path: 'scenarios[1].horizonDays',
        message: 'expected a number, got a string',
        ...where(text, '"60"'),
      },
    ]);
  });

  it('refuses infinite and NaN numbers', () => {
    const text = edit(edit(MINIMAL_PLAN_YAML, 'gdp: 4.5e12', 'gdp: .inf'), 'fairness: 1', 'fairness: .nan');
    expect(issues(text).map((i) => [i.path, i.message, i.line])).toEqual([
      ['actors[2].gdp', 'expected a finite number, got Infinity', where(text, '.inf').line],
      ['settings.fairness', 'expected a finite number, got NaN', where(text, '.nan').line],
    ]);
  });

  it('uses the schema’s own messages for ranges', () => {
    const text = edit(
      edit(MINIMAL_PLAN_YAML, 'reliability: 0.8', 'reliability: 1.5'),
      'horizonDays: 30',
      'horizonDays: 0',
    );
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_OUT_OF_RANGE',
        severity: 'error',
        path: 'actors[1].reliability',
        message: 'expected a probability in [0, 1]',
        ...where(text, '1.5'),
      },
      {
        code: 'PLAN_OUT_OF_RANGE',
        severity: 'error',
        path: 'scenarios[0].horizonDays',
        message: 'horizonDays must be 1 … 3650',
        line: where(text, 'horizonDays: 0').line,
        column: where(text, 'horizonDays: 0').column + 'horizonDays: '.length,
      },
    ]);
  });

  it('reports each unknown field at its key, with the likely field or the allowed ones', () => {
    const text = edit(
      edit(
        MINIMAL_PLAN_YAML,
        '    quantity: 2\n    posture: in-place',
        '    quantiy: 2\n    posture: in-place',
      ),
      'currency: EUR',
      'currency: EUR\nauthor: me',
    );
    const found = issues(text);
    expect(found).toContainEqual({
      code: 'PLAN_UNKNOWN_FIELD',
      severity: 'error',
      path: 'pledges[3].quantiy',
      message: 'unknown field "quantiy"; did you mean "quantity"?',
      ...where(text, 'quantiy'),
    });
    expect(found).toContainEqual({
      code: 'PLAN_UNKNOWN_FIELD',
      severity: 'error',
      path: 'author',
      message:
        'unknown field "author" (expected one of: guarantor, title, protected, currency, actors, capabilities, pledges, scenarios, spare, variants, settings)',
      ...where(text, 'author'),
    });
  });

  it('reports an empty domain name at the key', () => {
    const text = edit(MINIMAL_PLAN_YAML, 'effect: { air: 30 }', 'effect: { "": 30 }');
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_INVALID_KEY',
        severity: 'error',
        path: 'capabilities[0].effect[""]',
        message: 'expected a non-empty domain name',
        ...where(text, '""'),
      },
    ]);
  });

  it('refuses domain names that are built-in object properties', () => {
    const yaml = edit(MINIMAL_PLAN_YAML, 'effect: { air: 30 }', 'effect: { air: 30, constructor: 1 }');
    expect(issues(yaml)).toEqual([
      expect.objectContaining({ code: 'PLAN_RESERVED_NAME', path: 'capabilities[0].effect.constructor' }),
    ]);
    // zod would drop a `__proto__` key silently.
    const json = edit(
      JSON.stringify(MINIMAL_PLAN_OBJECT),
      '"threat":{"air":[[0,100]',
      '"threat":{"__proto__":[[0,1]],"air":[[0,100]',
    );
    expect(issues(json, 'plan.json')).toEqual([
      expect.objectContaining({
        code: 'PLAN_RESERVED_NAME',
        path: 'scenarios[1].threat.__proto__',
        ...where(json, '"__proto__"'),
      }),
    ]);
  });

  it('describes a plan that is not an object', () => {
    expect(issues('just words')).toEqual([
      {
        code: 'PLAN_INVALID_TYPE',
        severity: 'error',
        path: '',
        message: 'expected an object (a mapping of names to values), got a string',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('collects every shape error, sorted by position, before checking references', () => {
    const text = edit(
      edit(edit(MINIMAL_PLAN_YAML, 'trials: 2000', 'trials: 0'), 'posture: on-call', 'posture: oncall'),
      'capability: mech-brigade',
      'capability: mech-brigad',
    );
    const found = issues(text);
    expect(found.map((i) => i.path)).toEqual(['pledges[2].posture', 'settings.trials']);
    expect(found[0]?.line).toBeLessThan(found[1]?.line ?? 0);
  });
});

describe('parsePlan: references', () => {
  it('locates reference errors at the value and unknown domains at the key', () => {
    const text = edit(
      edit(
        MINIMAL_PLAN_YAML,
        'capability: sam-long\n    quantity: 2',
        'capability: sam-lng\n    quantity: 2',
      ),
      'requiredRatio: { land: 0.333',
      'requiredRatio: { lnd: 0.333',
    );
    expect(issues(text)).toEqual([
      {
        code: 'PLAN_UNKNOWN_CAPABILITY',
        severity: 'error',
        path: 'pledges[3].capability',
        message: 'unknown capability "sam-lng"; did you mean "sam-long"?',
        ...where(text, 'sam-lng'),
      },
      {
        code: 'PLAN_UNKNOWN_DOMAIN',
        severity: 'error',
        path: 'scenarios[0].requiredRatio.lnd',
        message: '"lnd" is not a threat domain of scenario "land-north"; did you mean "land"?',
        ...where(text, 'lnd'),
      },
    ]);
  });

  it('points a conditionally required field at its object, in JSON too', () => {
    const text = edit(MINIMAL_PLAN_JSON, '"bindingness": "executive",\n', '');
    expect(issues(text, 'plan.json')).toEqual([
      expect.objectContaining({
        code: 'PLAN_MISSING_BINDINGNESS',
        path: 'pledges[3].bindingness',
        line: where(text, '"id": "deu-sam"').line - 1,
        column: 5,
      }),
    ]);
  });

  it('locates a threat point that goes back in time', () => {
    const text = edit(MINIMAL_PLAN_YAML, 'land: [[0, 12], [10, 20]]', 'land: [[0, 12], [10, 20], [8, 25]]');
    expect(issues(text)).toEqual([
      expect.objectContaining({ code: 'PLAN_THREAT_NOT_INCREASING', ...where(text, '[8, 25]') }),
    ]);
  });

  it('includes the warnings found so far when it fails', () => {
    const text = edit(
      edit(MINIMAL_PLAN_YAML, 'triggers: [air]', 'triggers: [ari]'),
      'capability: mech-brigade',
      'capability: mech-brigad',
    );
    expect(issues(text).map((i) => [i.severity, i.code])).toEqual([
      ['error', 'PLAN_UNKNOWN_CAPABILITY'],
      ['warning', 'PLAN_UNKNOWN_TAG'],
    ]);
  });

  it('prints as `file:line:col path: message`', () => {
    const text = edit(
      edit(
        MINIMAL_PLAN_YAML,
        'capability: sam-long\n    quantity: 2',
        'capability: sam-lng\n    quantity: 2',
      ),
      'triggers: [air]',
      'triggers: [ari]',
    );
    const { line, column } = where(text, 'sam-lng');
    const tag = where(text, 'ari');
    expect(issues(text).map((i) => formatIssue('plan.yaml', i))).toEqual([
      `plan.yaml:${tag.line}:${tag.column} pledges[2].triggers[0]: warning: no scenario has the tag "ari", so it triggers nothing; did you mean "air"?`,
      `plan.yaml:${line}:${column} pledges[3].capability: unknown capability "sam-lng"; did you mean "sam-long"?`,
    ]);
  });
});

describe('parsePlan: size', () => {
  const tooLarge = (text: string, file: string): Issue => {
    const found = issues(text, file);
    expect(found).toHaveLength(1);
    return found[0] as Issue;
  };

  it('refuses YAML over 4 MB at once, suggesting JSON', () => {
    const text = `title: "${'x'.repeat(MAX_YAML_PLAN_BYTES)}"\n`;
    const started = Date.now();
    expect(tooLarge(text, 'plan.yaml')).toEqual({
      code: 'PLAN_TOO_LARGE',
      severity: 'error',
      path: '',
      message:
        'the plan is 4.0 MB or more; YAML plans are limited to 4 MB because YAML parsing is slow (about 1 MB/s): write it as JSON instead, which may be up to 64 MB',
    });
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `title: "${'é'.repeat(MAX_YAML_PLAN_BYTES / 2 + 100)}"\n`;
    expect(text.length).toBeLessThan(MAX_YAML_PLAN_BYTES);
    expect(tooLarge(text, 'plan.yaml').code).toBe('PLAN_TOO_LARGE');
  });

  it('handles 50 MB inputs cleanly: YAML refused, JSON parsed', () => {
    const filler = 'x'.repeat(50_000_000);
    expect(tooLarge(`title: ${filler}\n`, 'plan.yaml').message).toMatch(
      /^the plan is 50\.0 MB or more; YAML/,
    );
    const json = edit(MINIMAL_PLAN_JSON, '"title": "Security guarantees', `"title": "${filler}`);
    const { plan } = parsed(json, 'plan.json');
    expect(plan.title).toHaveLength(50_000_000 + ' for Ukraine (illustrative)'.length);
  });

  it('refuses JSON over 64 MB', () => {
    const text = `{"title": "${'x'.repeat(MAX_JSON_PLAN_BYTES)}"}`;
    expect(tooLarge(text, 'plan.json').message).toBe(
      'the plan is 64.0 MB or more; plans are limited to 64 MB',
    );
  });

  it('refuses a plan with 10^6 pledges in either format without parsing it', () => {
    const pledge = (i: number) =>
      `{"id":"p${i}","actor":"FRA","capability":"sam-long","quantity":1,"posture":"in-place","bindingness":"political"}`;
    const pledges = Array.from({ length: 1_000_000 }, (_, i) => pledge(i)).join(',');
    const json = edit(MINIMAL_PLAN_JSON, '"pledges": [', `"pledges": [${pledges},`);
    expect(tooLarge(json, 'plan.json').code).toBe('PLAN_TOO_LARGE');
    const yaml = edit(
      MINIMAL_PLAN_YAML,
      'pledges:\n',
      `pledges:\n${pledges.replaceAll('},{', '}\n  - {')}\n`,
    );
    expect(tooLarge(yaml, 'plan.yaml').code).toBe('PLAN_TOO_LARGE');
  }, 20_000);

  it('parses a JSON plan with 10^5 pledges, and locates an error among them', () => {
    const pledges = Array.from(
      { length: 100_000 },
      (_, i) =>
        `{"id":"p${i}","actor":"FRA","capability":"sam-long","quantity":1,"posture":"in-place","bindingness":"political"}`,
    );
    const json = edit(MINIMAL_PLAN_JSON, '"pledges": [', `"pledges": [${pledges.join(',')},`);
    expect(parsed(json, 'plan.json').plan.pledges).toHaveLength(100_005);
    const broken = edit(json, '"id":"p99999","actor":"FRA"', '"id":"p99999","actor":"FRX"');
    expect(issues(broken, 'plan.json')).toEqual([
      {
        code: 'PLAN_UNKNOWN_ACTOR',
        severity: 'error',
        path: 'pledges[99999].actor',
        message: 'unknown actor "FRX"; did you mean "FRA"?',
        ...where(broken, '"FRX"'),
      },
    ]);
  }, 20_000);
});
