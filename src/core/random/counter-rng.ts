/**
 * Counter-based random numbers (MODEL.md §2 "Common random numbers"): every draw is a pure function of
 * (seed, trial, stream, entity index). Nothing is sequential, so a draw does not move when another
 * entity is removed from a variant, when trials are split across threads, or when the order of work
 * changes.
 *
 * Construction: per entity two 32-bit keys are derived from (seed, stream, index) by chained
 * `lowbias32` mixing (C. Wellons, "Hash function prospector", 2018: bias ≈ 0.17, better than murmur3's
 * fmix32); per trial two 32-bit words are mixed with them and joined into a 52-bit uniform in (0, 1).
 * The keys are computed once per plan, so a draw costs three mixes.
 */

/** The independent streams of draws; each entity kind has its own. */
export const Stream = {
  /** X_g, the common factor of bloc g. */
  bloc: 1,
  /** ε_a, the actor's own factor. */
  actor: 2,
  /** U_p, whether pledge p is honoured. */
  pledgeHonour: 3,
  /** W_p, the readiness spread of pledge p. */
  readiness: 4,
  /** Attribution's random player orders (MODEL.md §5): actor a at index 2a, bloc g at index 2g + 1. */
  attributionOrder: 5,
} as const;
export type Stream = (typeof Stream)[keyof typeof Stream];

/** lowbias32: a 32-bit avalanche mix (Wellons 2018). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_M52 = 1 / 4503599627370496;

/** The keys of one entity's stream of draws. */
export interface EntityKey {
  readonly a: number;
  readonly b: number;
}

/** Keys of (seed, stream, index); seed is any safe integer ≥ 0. */
export function entityKey(seed: number, stream: Stream, index: number): EntityKey {
  const lo = (seed % TWO_POW_32) >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  let h = mix32(lo ^ 0x243f6a88);
  h = mix32(h ^ hi ^ 0x85a308d3);
  h = mix32(h + Math.imul(stream, 0x9e3779b9));
  h = mix32(h ^ index);
  return { a: h, b: mix32(h ^ 0x13198a2e) };
}

/** The per-trial words, computed once per trial and shared by all entities. */
export function trialWordA(trial: number): number {
  return mix32(mix32(trial ^ 0x03707344) + 0xa4093822);
}
export function trialWordB(trial: number): number {
  return mix32(mix32(trial ^ 0x299f31d0) + 0x082efa98);
}

/**
 * The uniform in (0, 1) of an entity (keys `ka`, `kb`) in a trial (words `ta`, `tb`): 52 random bits
 * centred in their cell, (k + ½)·2⁻⁵², so it lies in [2⁻⁵³, 1 − 2⁻⁵³] and is never 0 or 1 (with 53 bits
 * the top cell would round up to exactly 1).
 */
export function uniformAt(ka: number, kb: number, ta: number, tb: number): number {
  const x = mix32(ka ^ ta);
  const y = mix32((kb ^ tb ^ x) + 0x3c6ef372);
  return ((x >>> 6) * TWO_POW_26 + (y >>> 6) + 0.5) * TWO_POW_M52;
}

/** Convenience form for tests and one-off draws: uniform(seed, trial, stream, index). */
export function uniform(seed: number, trial: number, stream: Stream, index: number): number {
  const k = entityKey(seed, stream, index);
  return uniformAt(k.a, k.b, trialWordA(trial), trialWordB(trial));
}
