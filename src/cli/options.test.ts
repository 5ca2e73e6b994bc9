import { InvalidArgumentError } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { collect, parseSeed, parseThreads, parseTrials } from './options.js';

describe('numeric options', () => {
  it('accepts integers in range, also written as 2e4', () => {
    expect(parseTrials('2000')).toBe(2000);
    expect(parseTrials('2e4')).toBe(20000);
    expect(parseTrials('10000000')).toBe(1e7);
    expect(parseSeed('0')).toBe(0);
    expect(parseThreads('256')).toBe(256);
  });

  it.each([
    ['trials', parseTrials, 'abc'],
    ['trials', parseTrials, '0'],
    ['trials', parseTrials, '1.5'],
    ['trials', parseTrials, '12abc'],
    ['trials', parseTrials, '10000001'],
    ['trials', parseTrials, ''],
    ['seed', parseSeed, '-1'],
    ['seed', parseSeed, '0x10'],
    ['threads', parseThreads, '0'],
    ['threads', parseThreads, '257'],
  ])('refuses %s %j', (_name, parse, value) => {
    expect(() => parse(value)).toThrow(InvalidArgumentError);
  });

  it('collects repeated values', () => {
    expect(collect('b', collect('a'))).toEqual(['a', 'b']);
  });
});
