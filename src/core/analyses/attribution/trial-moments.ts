/**
 * Means and standard errors of per-trial quantities (the attribution's marginal contributions), summed
 * in fixed chunks of trials: each chunk is summed in trial order and the chunk totals are added in chunk
 * order. The result depends only on which trials ran, not on how the run was cut — a pilot followed by
 * the rest, or (later) blocks on worker threads that start on chunk boundaries.
 */

/** Trials per chunk; runs are cut on multiples of it. */
export const CHUNK = 512;

export interface TrialMoments {
  /** Adds trial `trial`'s values x[0 … size); trials must come in order. */
  add(trial: number, x: Float64Array): void;
  /** Folds a partial last chunk; call once all trials are in. */
  finish(): void;
  /** Trials added. */
  count(): number;
  mean(i: number): number;
  /** Sample standard deviation / √n (0 with fewer than two trials). */
  standardError(i: number): number;
}

export function trialMoments(size: number): TrialMoments {
  const sum = new Float64Array(size);
  const sumSq = new Float64Array(size);
  const chunkSum = new Float64Array(size);
  const chunkSq = new Float64Array(size);
  let n = 0;
  let pending = 0;
  const fold = (): void => {
    for (let i = 0; i < size; i++) {
      sum[i] = (sum[i] as number) + (chunkSum[i] as number);
      sumSq[i] = (sumSq[i] as number) + (chunkSq[i] as number);
    }
    chunkSum.fill(0);
    chunkSq.fill(0);
    pending = 0;
  };
  return {
    add(trial, x) {
      for (let i = 0; i < size; i++) {
        const v = x[i] as number;
        chunkSum[i] = (chunkSum[i] as number) + v;
        chunkSq[i] = (chunkSq[i] as number) + v * v;
      }
      n++;
      pending++;
      if ((trial + 1) % CHUNK === 0) fold();
    },
    finish() {
      if (pending > 0) fold();
    },
    count: () => n,
    // Mid-chunk (a pilot's estimate) these include the pending chunk; after `finish` there is none.
    mean: (i) => (n === 0 ? 0 : ((sum[i] as number) + (chunkSum[i] as number)) / n),
    standardError(i) {
      if (n < 2) return 0;
      const mean = ((sum[i] as number) + (chunkSum[i] as number)) / n;
      const square = (sumSq[i] as number) + (chunkSq[i] as number);
      // Values lie in [−1, 1]: the textbook formula loses nothing that matters at these magnitudes.
      const variance = Math.max(0, (square - n * mean * mean) / (n - 1));
      return Math.sqrt(variance / n);
    },
  };
}
