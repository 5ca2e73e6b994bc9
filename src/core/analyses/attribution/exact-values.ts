/**
 * Shapley and Owen values of a small game given as a table: v[mask] is the value of the coalition whose
 * members are the set bits of mask (player i = bit i). Pure arithmetic, no model: the attribution runs
 * it on each trial's game (MODEL.md §5), and its tests run it on textbook games.
 */

/**
 * Shapley value (L. S. Shapley, "A value for n-person games", 1953):
 * φ_i = Σ_{S ∌ i} |S|! (m − |S| − 1)! / m! · (v(S ∪ {i}) − v(S)). Adds φ_i into out[i].
 * O(m · 2^m).
 */
export function addShapley(v: Float64Array, m: number, out: Float64Array): void {
  const w = orderWeights(m);
  const full = 1 << m;
  for (let mask = 0; mask < full; mask++) {
    const base = v[mask] as number;
    const wt = w[popcount(mask)] as number;
    for (let i = 0; i < m; i++) {
      const bit = 1 << i;
      if ((mask & bit) === 0) out[i] = (out[i] as number) + wt * ((v[mask | bit] as number) - base);
    }
  }
}

/**
 * Owen value for the union structure `bloc` (G. Owen, "Values of games with a priori unions", 1977):
 * the expected marginal contribution over orders that keep each bloc together, the blocs in uniformly
 * random order and the members of each bloc in uniformly random order. In closed form, for i in bloc B
 * among b blocs:
 *   φ_i = Σ_{Q ⊆ blocs∖{B}} Σ_{T ⊆ B∖{i}} q!(b−q−1)!/b! · t!(|B|−t−1)!/|B|! · (v(∪Q ∪ T ∪ {i}) − v(∪Q ∪ T)).
 * `bloc[i]` is player i's bloc, 0 … blocs−1, every one non-empty. Adds φ_i into out[i].
 */
export function addOwen(
  v: Float64Array,
  m: number,
  bloc: Int32Array,
  blocs: number,
  out: Float64Array,
): void {
  const members = new Int32Array(blocs);
  for (let i = 0; i < m; i++) members[bloc[i] as number] = (members[bloc[i] as number] as number) | (1 << i);
  const blocWeights = orderWeights(blocs);
  for (let g = 0; g < blocs; g++) {
    const own = members[g] as number;
    const inner = orderWeights(popcount(own));
    const others = Array.from(members).filter((_, h) => h !== g);
    for (let q = 0; q < 1 << others.length; q++) {
      let union = 0;
      for (let h = 0; h < others.length; h++) if ((q & (1 << h)) !== 0) union |= others[h] as number;
      const wq = blocWeights[popcount(q)] as number;
      // Every T ⊆ own, by the usual submask walk (own, …, 0).
      for (let t = own; ; t = (t - 1) & own) {
        const base = v[union | t] as number;
        const w = wq * (inner[popcount(t)] as number);
        for (let rest = own & ~t; rest !== 0; rest &= rest - 1) {
          const bit = rest & -rest;
          const i = 31 - Math.clz32(bit);
          out[i] = (out[i] as number) + w * ((v[union | t | bit] as number) - base);
        }
        if (t === 0) break;
      }
    }
  }
}

/** w[s] = s!(m − s − 1)!/m! for s = 0 … m−1: the chance that a given player follows exactly s given others. */
export function orderWeights(m: number): Float64Array {
  const w = new Float64Array(Math.max(1, m));
  if (m === 0) return w;
  w[0] = 1 / m;
  for (let s = 1; s < m; s++) w[s] = ((w[s - 1] as number) * s) / (m - s);
  return w;
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
