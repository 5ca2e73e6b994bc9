import { describe, expect, it } from 'vitest';
import { parseOverride } from './override-syntax.js';

function parsed(text: string) {
  const result = parseOverride(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message}`);
  return { path: result.value.path, value: result.value.value };
}

function failure(text: string) {
  const result = parseOverride(text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.error;
}

describe('parseOverride', () => {
  it('splits the path at dots and reads the value as YAML', () => {
    expect(parsed('actors.USA.reliability=0.5')).toEqual({
      path: ['actors', 'USA', 'reliability'],
      value: 0.5,
    });
    expect(parsed('settings.bindingness.treaty-automatic=1')).toEqual({
      path: ['settings', 'bindingness', 'treaty-automatic'],
      value: 1,
    });
  });

  it.each([
    ['pledges.x.status=committed', 'committed'],
    ['pledges.x.triggers=[sea,air]', ['sea', 'air']],
    ['pledges.x.triggers=[sea, air]', ['sea', 'air']],
    ['capabilities.c.effect={ land: 3, air: 0.5 }', { land: 3, air: 0.5 }],
    ['actors.USA.gdp=2.9e13', 2.9e13],
    ['title="a: b"', 'a: b'],
    ["title=''", ''],
    ['title=It is cold', 'It is cold'],
    ['pledges.x.sources.0.date=2025-09-04', '2025-09-04'],
    [
      'scenarios.s.threat.land=[[0, 12], [10, 20]]',
      [
        [0, 12],
        [10, 20],
      ],
    ],
    ['actors.USA.reliability=null', null],
    ['x=yes', 'yes'],
    ['x=a=b', 'a=b'],
  ])('reads %s', (text, value) => {
    expect(parsed(text).value).toEqual(value);
  });

  it('takes the first = as the end of the path, and trims spaces around names', () => {
    expect(parsed(' actors . USA . reliability = 0.5 ')).toEqual({
      path: ['actors', 'USA', 'reliability'],
      value: 0.5,
    });
  });

  it('accepts a quoted name for ids with dots or spaces', () => {
    expect(parsed('pledges."f.16 sqn".status=committed').path).toEqual(['pledges', 'f.16 sqn', 'status']);
    expect(parsed('spare.DEU/sam-long.quantity=4').path).toEqual(['spare', 'DEU/sam-long', 'quantity']);
  });

  it.each([
    ['actors.USA.reliability', 'expected path=value'],
    ['=0.5', 'nothing before "="'],
    ['', 'expected path=value'],
    ['actors..USA=1', 'empty name in the path "actors..USA"'],
    ['actors.USA.=1', 'empty name in the path'],
    ['actors.USA.reliability=', 'nothing after "="'],
    ['actors.USA.reliability=  ', 'nothing after "="'],
    ['pledges."f.16.status=1', 'unclosed quote'],
    ['pledges."a"b.status=1', 'unexpected "b" in the path'],
    ['pledges."a\\q".status=1', 'bad escape'],
  ])('refuses the malformed %s (SET_SYNTAX)', (text, message) => {
    const issue = failure(text);
    expect(issue.code).toBe('SET_SYNTAX');
    expect(issue.message).toContain(message);
  });

  it('refuses a value that is not YAML (SET_BAD_VALUE), saying how to quote', () => {
    const issue = failure('pledges.x.triggers=[sea, air');
    expect(issue.code).toBe('SET_BAD_VALUE');
    expect(issue.message).toMatch(/^the value "\[sea, air" is not valid YAML \(.+\); quote text with '…'$/);
    expect(failure('title=a: b: c').code).toBe('SET_BAD_VALUE');
  });
});
