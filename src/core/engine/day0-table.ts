/**
 * Power from day 0 (MODEL.md §3: in-place and production pledges, and on-call pledges with no declared
 * readiness), summed once per trial and variant instead of once per scenario. Such pledges are grouped
 * into rows by (the set of scenarios they answer, domain); a scenario then adds the rows that answer it.
 * In a plan with six scenarios this does a sixth of the work that per-scenario sums did.
 *
 * The rows hold every such pledge of the plan, whatever the variant: a pledge the variant does not count
 * is never active and adds exactly 0. So two variants (or coalitions) with the same active pledges sum
 * the same terms in the same order and get the same power to the last bit — which the trial loop's
 * copying of twin variants, and attribution's comparison with `assess`, rely on.
 */
import type { CompiledPlan } from './compile.js';
import { PostureCode } from './compile.js';

export interface Day0Table {
  /** Contributions of row r: entries rowStart[r] … rowStart[r+1]−1 of pledge and power. */
  readonly rowStart: Int32Array;
  readonly pledge: Int32Array;
  readonly power: Float64Array;
  /** Per evaluated scenario k: the rows it adds (rows[k]) and the scenario domain j of each (domains[k]). */
  readonly rows: readonly Int32Array[];
  readonly domains: readonly Int32Array[];
}

/** True for pledges that act from day 0 whatever the draws (not backstops, no drawn readiness). */
export function actsFromDayZero(compiled: CompiledPlan, p: number): boolean {
  return (
    compiled.pledgePosture[p] !== PostureCode.backstop &&
    (compiled.arrivalStart[p + 1] as number) === (compiled.arrivalStart[p] as number)
  );
}

export function buildDay0Table(compiled: CompiledPlan, scenarios: readonly number[]): Day0Table {
  const rowsByKey = new Map<string, { answers: string; domain: string; pledge: number[]; power: number[] }>();
  const rowList: { answers: string; domain: string; pledge: number[]; power: number[] }[] = [];
  const { plan } = compiled;
  const capabilities = new Map(plan.capabilities.map((c) => [c.id, c] as const));
  for (let p = 0; p < compiled.pledgeActor.length; p++) {
    if (!actsFromDayZero(compiled, p)) continue;
    const answers = scenarios.map((si) => compiled.scenarios[si]?.answers[p] ?? 0).join('');
    if (!answers.includes('1')) continue;
    const effect = capabilities.get(plan.pledges[p]?.capability ?? '')?.effect ?? {};
    for (const [domain, e] of Object.entries(effect)) {
      const key = JSON.stringify([answers, domain]);
      let row = rowsByKey.get(key);
      if (row === undefined) {
        row = { answers, domain, pledge: [], power: [] };
        rowsByKey.set(key, row);
        rowList.push(row);
      }
      row.pledge.push(p);
      row.power.push((compiled.pledgeUnits[p] as number) * e);
    }
  }
  const rowStart = new Int32Array(rowList.length + 1);
  const pledge: number[] = [];
  const power: number[] = [];
  rowList.forEach((row, r) => {
    rowStart[r] = pledge.length;
    pledge.push(...row.pledge);
    power.push(...row.power);
  });
  rowStart[rowList.length] = pledge.length;
  const rows: Int32Array[] = [];
  const domains: Int32Array[] = [];
  scenarios.forEach((si, k) => {
    const s = compiled.scenarios[si];
    const rs: number[] = [];
    const js: number[] = [];
    rowList.forEach(({ answers, domain }, r) => {
      const j = s?.domains.indexOf(domain) ?? -1;
      if (answers[k] === '1' && j >= 0) {
        rs.push(r);
        js.push(j);
      }
    });
    rows.push(Int32Array.from(rs));
    domains.push(Int32Array.from(js));
  });
  return { rowStart, pledge: Int32Array.from(pledge), power: Float64Array.from(power), rows, domains };
}

/** sums[r] = Σ active[p] · power over row r (branch-free: inactive pledges add 0). */
export function sumDay0(table: Day0Table, active: Uint8Array, sums: Float64Array): void {
  const { rowStart, pledge, power } = table;
  for (let r = 0; r + 1 < rowStart.length; r++) {
    let sum = 0;
    for (let c = rowStart[r] as number; c < (rowStart[r + 1] as number); c++) {
      sum += (active[pledge[c] as number] as number) * (power[c] as number);
    }
    sums[r] = sum;
  }
}
