import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.js';

const value = (text: string, decimal: '.' | ',' = '.') => {
  const r = parseNumber(text, decimal);
  return r.ok ? r.value : `error: ${r.error}`;
};

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    [' 1.5 ', 1.5],
    ['.25', 0.25],
    ['1,200', 1200],
    ['1,200,000.5', 1200000.5],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['1.2e9', 1.2e9],
    ['-3', -3],
  ])('reads %j with a decimal point as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['1,5', 1.5],
    ['1.200', 1200],
    ['1.200,75', 1200.75],
    ['1 200,5', 1200.5],
  ])("reads %j with decimal ',' as %d", (text, expected) => {
    expect(value(text, ',')).toBe(expected);
  });

  it('refuses a comma that could be a decimal comma or a thousands separator, naming the fix', () => {
    expect(value('1,5')).toMatch(/"1,5" is ambiguous.*write 1\.5.*decimal: ','/);
    expect(value('12,34')).toMatch(/ambiguous/);
  });

  it("refuses a point that could be a decimal point with decimal ','", () => {
    expect(value('1.5', ',')).toMatch(/"1\.5" is ambiguous.*write 1,5/);
  });

  it.each(['', 'abc', '12 units', '€ 120', '1,20,000', '1 20', '(5)', '1..2', '0x10', 'Infinity'])(
    'refuses %j as not a number',
    (text) => {
      expect(value(text)).toMatch(/^error: .*(not a number|ambiguous)/);
    },
  );

  it('refuses a number too large to represent', () => {
    expect(value('1e999')).toMatch(/too large/);
  });
});
