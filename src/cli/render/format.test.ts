import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatCount,
  formatInterval,
  formatPercent,
  formatProbability,
  formatShare,
  plural,
  truncate,
} from './format.js';

describe('formatPercent', () => {
  it('rounds to whole percent', () => {
    expect(formatPercent(0.62)).toBe('62%');
    expect(formatPercent(0.624)).toBe('62%');
    expect(formatPercent(0.625)).toBe('63%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('never shows certainty that is not there', () => {
    expect(formatPercent(0.999)).toBe('>99%');
    expect(formatPercent(0.001)).toBe('<1%');
  });
});

describe('formatInterval', () => {
  it('rounds outwards with an en dash', () => {
    expect(formatInterval([0.2157, 0.2284])).toBe('(21–23%)');
    expect(formatInterval([0.61, 0.63])).toBe('(61–63%)');
    expect(formatInterval([0, 0.0019])).toBe('(0–1%)');
    expect(formatInterval([0.998, 1])).toBe('(99–100%)');
  });

  it('pairs with the estimate', () => {
    expect(formatProbability(0.62, [0.6131, 0.6269])).toBe('62% (61–63%)');
  });
});

describe('amounts', () => {
  it('keeps about three significant figures without exponents', () => {
    expect(formatAmount(0)).toBe('0');
    expect(formatAmount(0.5154)).toBe('0.52');
    expect(formatAmount(7.7323)).toBe('7.7');
    expect(formatAmount(2)).toBe('2');
    expect(formatAmount(30.64)).toBe('30.6');
    expect(formatAmount(154.6)).toBe('155');
    expect(formatAmount(12345.6)).toBe('12,346');
  });

  it('formats shares, counts and plurals', () => {
    expect(formatShare(0.066)).toBe('6.6%');
    expect(formatShare(0.124)).toBe('12%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.0001)).toBe('<0.1%');
    expect(formatCount(20000)).toBe('20,000');
    expect(plural(1, 'pledge')).toBe('1 pledge');
    expect(plural(14, 'capability', 'capabilities')).toBe('14 capabilities');
  });

  it('truncates with an ellipsis', () => {
    expect(truncate('Fighter squadron', 20)).toBe('Fighter squadron');
    expect(truncate('Fighter squadron (12 F-16)', 12)).toBe('Fighter squ…');
  });
});
