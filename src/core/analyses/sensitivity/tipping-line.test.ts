import { describe, expect, it } from 'vitest';
import { tippingLine } from './tipping-line.js';

const ys = [-0.1, 0, 0.1, 0.2];

/** margin[iy][ix] from one column per x. */
function grid(...columns: number[][]): number[][] {
  return ys.map((_, iy) => columns.map((c) => c[iy] as number));
}

describe('tippingLine', () => {
  it('interpolates the margin linearly between the last failing and the first reaching cell', () => {
    // Column 0: −0.3, −0.1, +0.1, +0.3 → zero halfway between y = 0 and y = 0.1.
    // Column 1: −0.4, −0.1, +0.2, +0.5 → zero a third of the way from y = 0 to y = 0.1.
    const [a, b] = tippingLine([0, 1], ys, grid([-0.3, -0.1, 0.1, 0.3], [-0.4, -0.1, 0.2, 0.5]));
    expect(a).toMatchObject({ x: 0, status: 'crosses', yBelow: 0, yAbove: 0.1 });
    expect(a?.y).toBeCloseTo(0.05, 12);
    expect(b).toMatchObject({ status: 'crosses', yBelow: 0, yAbove: 0.1 });
    expect(b?.y).toBeCloseTo(0.1 / 3, 12);
  });

  it('says when a column reaches the target everywhere or nowhere', () => {
    const [always, never, top] = tippingLine(
      [0, 1, 2],
      ys,
      grid([0, 0.1, 0.2, 0.3], [-0.4, -0.3, -0.2, -0.1], [-0.3, -0.2, -0.1, 0]),
    );
    expect(always).toEqual({ x: 0, status: 'always', yBelow: null, yAbove: -0.1, y: null });
    expect(never).toEqual({ x: 1, status: 'never', yBelow: 0.2, yAbove: null, y: null });
    // A margin of exactly 0 reaches the target (value ≥ target).
    expect(top).toEqual({ x: 2, status: 'crosses', yBelow: 0.1, yAbove: 0.2, y: 0.2 });
  });

  it('puts the line above the highest failing cell of a column that is not monotone', () => {
    const [t] = tippingLine([0], ys, grid([0.1, -0.1, 0.1, 0.2]));
    expect(t).toMatchObject({ status: 'crosses', yBelow: 0, yAbove: 0.1 });
    expect(t?.y).toBeCloseTo(0.05, 12);
  });
});
