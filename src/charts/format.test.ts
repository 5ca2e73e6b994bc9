import { describe, expect, it } from 'vitest';
import { day, euroBillions, euros, money, percent, percentRange, points, units } from './format.js';

describe('numbers for people', () => {
  it('shows probabilities as whole percentages, with a decimal only near 0 and 100', () => {
    expect(percent(0.4213)).toBe('42%');
    expect(percent(0.415)).toBe('42%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.004)).toBe('0.4%');
    expect(percent(0.996)).toBe('99.6%');
    expect(percent(Number.NaN)).toBe('–');
  });

  it('shows an interval as one range', () => {
    expect(percentRange(0.38, 0.44)).toBe('38–44%');
    expect(percentRange(0.958, 0.962)).toBe('96%');
  });

  it('signs differences in points', () => {
    expect(points(0.403)).toBe('+40 points');
    expect(points(-0.02)).toBe('−2 points');
    expect(points(0.01)).toBe('+1 point');
    expect(points(0.001)).toBe('±0 points');
  });

  it('writes money in billions and millions of euros', () => {
    expect(euros(1.234e9)).toBe('€1.2 bn');
    expect(euros(64.617e9)).toBe('€65 bn');
    expect(euros(350e6)).toBe('€350 m');
    expect(euros(12_000)).toBe('€12,000');
    expect(euros(-2e9)).toBe('−€2 bn');
    expect(euroBillions(115.381)).toBe('€115 bn');
    expect(euroBillions(1.2)).toBe('€1.2 bn');
  });

  it('writes days and units as people say them', () => {
    expect(day(9)).toBe('day 9');
    expect(units(2, 'brigade')).toBe('2 brigades');
    expect(units(1, 'battery')).toBe('1 battery');
    expect(units(3, 'battery')).toBe('3 batteries');
    expect(units(2.5)).toBe('2.5');
    expect(units(3, 'lot of 1,000 drones')).toBe('3 lots of 1,000 drones');
    expect(units(2, 'air-defence systems')).toBe('2 air-defence systems');
  });
});

describe('money in the plan’s currency', () => {
  it('writes euros, dollars and pounds with their symbols, any other code before the amount', () => {
    expect(money(3.5e8, 'EUR')).toBe('€350 m');
    expect(money(3e8, 'USD')).toBe('US$300 m');
    expect(money(1.2e9, 'gbp')).toBe('£1.2 bn');
    expect(money(3.5e8, 'CHF')).toBe('CHF 350 m');
  });

  it('writes a bare amount when the plan names no currency, rather than guessing euros', () => {
    expect(money(1.2e9, undefined)).toBe('1.2 bn');
    expect(money(-4e7, undefined)).toBe('−40 m');
  });

  it('writes GDP-sized amounts in trillions', () => {
    expect(money(2.875e13, 'USD')).toBe('US$29 tn');
    expect(money(3.686e12, 'EUR')).toBe('€3.7 tn');
  });
});
