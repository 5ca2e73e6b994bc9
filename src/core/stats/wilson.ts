/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, JASA 1927; recommended over the Wald
 * interval by Agresti & Coull, The American Statistician 1998).
 */

/** z for a two-sided 95% interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
