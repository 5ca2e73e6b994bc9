/**
 * MODEL.md §6 as a mixed-integer program (plain data, see mip-model.ts):
 *
 *   minimise  C + λ · Σ_a t_a
 *   over      x_{a,c} ∈ {0, 1, …, spare_{a,c}},  t_a ≥ 0
 *   s.t.      Σ_{a,c} β_b · r_a · effect_{c,d} · x_{a,c} ≥ gap_{s,d}   for each closable (s, d)
 *             t_a ≥ C_a − w_a · C,   t_a ≥ w_a · C − C_a                for each partner a
 *
 * with C_a = Σ_c unitCost_c · x_{a,c} and C = Σ_a C_a. At the optimum t_a = |C_a − w_a C| (λ > 0), the
 * standard linearisation of an absolute value in a minimisation. With λ = 0 the t_a and their rows are
 * left out. A row that even every spare unit cannot close is left out too and reported instead.
 */

import type { BurdenInput, GapRow } from './burden-input.js';
import type { MipModel, MipRow, MipTerm, MipVariable } from './mip-model.js';

export interface InfeasibleGap extends GapRow {
  /** The most expected power all spare units together add in the domain. */
  readonly reachable: number;
}

export interface BurdenProblem {
  readonly input: BurdenInput;
  readonly model: MipModel;
  /**
   * Currency per unit of the model's costs. HiGHS's tolerances are absolute (1e-7 on feasibility and
   * duals): with costs near 1e9 the fairness rows and the objective would sit where they mean little,
   * so costs enter the model in units of the dearest spare unit and come back multiplied.
   */
  readonly costScale: number;
  /** Variable of `input.options[k]`: index k. Variable of t_a: tIndex[a] (absent with λ = 0). */
  readonly tIndex: readonly number[];
  /** The closable gaps, each with its row in the model. */
  readonly gapRows: readonly (GapRow & { readonly row: number })[];
  readonly infeasible: readonly InfeasibleGap[];
}

/** Relative slack when comparing what spare capacity reaches with a gap (float sums of products). */
const REACH_TOLERANCE = 1e-9;

export function burdenProblem(input: BurdenInput): BurdenProblem {
  const { options, actors, fairness } = input;
  const costScale = Math.max(1, ...options.map((o) => o.unitCost));
  const scaledCost = options.map((o) => o.unitCost / costScale);
  const variables: MipVariable[] = options.map((o, k) => ({
    label: `x[${o.actor},${o.capability}]`,
    lower: 0,
    upper: o.units,
    integer: true,
    cost: scaledCost[k] as number,
  }));
  const rows: MipRow[] = [];
  const gapRows: (GapRow & { row: number })[] = [];
  const infeasible: InfeasibleGap[] = [];
  for (const g of input.gaps) {
    const terms: MipTerm[] = [];
    let reachable = 0;
    options.forEach((o, k) => {
      const w = o.worth[g.domain];
      if (w === undefined || !(w > 0)) return;
      terms.push({ variable: k, coefficient: w });
      reachable += w * o.units;
    });
    if (reachable < g.gap * (1 - REACH_TOLERANCE)) {
      infeasible.push({ ...g, reachable });
      continue;
    }
    gapRows.push({ ...g, row: rows.length });
    rows.push({
      label: `gap[${g.scenario},${g.domain}]`,
      terms,
      lower: g.gap,
      upper: Number.POSITIVE_INFINITY,
    });
  }
  const tIndex: number[] = [];
  if (fairness > 0) {
    for (const a of actors) {
      const t = variables.length;
      tIndex.push(t);
      variables.push({
        label: `t[${a.id}]`,
        lower: 0,
        upper: Number.POSITIVE_INFINITY,
        integer: false,
        cost: fairness,
      });
      // C_a − w_a·C = Σ_k scaledCost_k · (1[actor(k) = a] − w_a) · x_k
      const deviation: MipTerm[] = [];
      options.forEach((o, k) => {
        const c = (scaledCost[k] as number) * ((o.actor === a.id ? 1 : 0) - a.weight);
        if (c !== 0) deviation.push({ variable: k, coefficient: c });
      });
      const above = deviation.map((d) => ({ variable: d.variable, coefficient: -d.coefficient }));
      rows.push({
        label: `over[${a.id}]`,
        terms: [{ variable: t, coefficient: 1 }, ...above],
        lower: 0,
        upper: Number.POSITIVE_INFINITY,
      });
      rows.push({
        label: `under[${a.id}]`,
        terms: [{ variable: t, coefficient: 1 }, ...deviation],
        lower: 0,
        upper: Number.POSITIVE_INFINITY,
      });
    }
  }
  return { input, model: { sense: 'minimize', variables, rows }, costScale, tIndex, gapRows, infeasible };
}
