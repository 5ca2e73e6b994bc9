/**
 * Power over time in one scenario and trial (MODEL.md §3), built with difference arrays:
 * P_d(t) = Σ_{p active, not backstop, t ≥ δ_p} units_p · effect_{c(p),d}; then the backstops, called on
 * day t* (see backstop.ts), add their power from t* + δ_p on. The same passes over the days also sum
 * the shortfall Σ_t max(0, R_d(t) − P_d(t)) (MODEL.md §4) and find each domain's trigger day, because
 * these passes are the engine's hot loop.
 */
import type { CompiledPlan, CompiledScenario } from './compile.js';
import { PostureCode } from './compile.js';
import { actsFromDayZero } from './day0-table.js';
import { NEVER } from './trial-draws.js';

export interface PowerScratch {
  /** [j·H + t]: P_j(t), backstops included, for the domains `domainPower` was called for. */
  readonly power: Float64Array;
  /** [j·(H+1) + t]: difference array; all zero between calls. */
  readonly diff: Float64Array;
  /** Per domain j: Σ_t max(0, R_j(t) − P_j(t)). */
  readonly shortfall: Float64Array;
  /** Per domain j: the backstop trigger day (NEVER if none). */
  readonly trigger: Int32Array;
  /** Per domain j: the first day a backstop adds power (NEVER if none). */
  readonly boostDay: Int32Array;
  /** Per domain j: where the first sweep paused (next day to add) and its running power. */
  readonly sweepNext: Int32Array;
  readonly sweepRun: Float64Array;
  /** Per domain j: 1 where the first sweep reached the end or the day from which no day can fail. */
  readonly sweepDone: Uint8Array;
  /**
   * Per backstop pledge: the day its power arrives in this scenario (may be ≥ H; NEVER when it is not
   * called). Other pledges arrive on the trial's ⌈δ_p⌉ (TrialDraws.arrival).
   */
  readonly arrivalDay: Int32Array;
}

export function allocatePowerScratch(compiled: CompiledPlan): PowerScratch {
  let maxCells = 0;
  let maxDiff = 0;
  let maxDomains = 0;
  for (const s of compiled.scenarios) {
    maxCells = Math.max(maxCells, s.domains.length * s.horizon);
    maxDiff = Math.max(maxDiff, s.domains.length * (s.horizon + 1));
    maxDomains = Math.max(maxDomains, s.domains.length);
  }
  return {
    power: new Float64Array(maxCells),
    diff: new Float64Array(maxDiff),
    shortfall: new Float64Array(maxDomains),
    trigger: new Int32Array(maxDomains),
    boostDay: new Int32Array(maxDomains),
    sweepNext: new Int32Array(maxDomains),
    sweepRun: new Float64Array(maxDomains),
    sweepDone: new Uint8Array(maxDomains),
    arrivalDay: new Int32Array(compiled.pledgeActor.length),
  };
}

/**
 * Sums the shortfall of every domain of scenario `s` into `scratch.shortfall`, from the candidate
 * pledges with `active[p] = 1`; `arrival[p]` is ⌈δ_p⌉ of this trial.
 * Leaves every contribution in `scratch.diff`: `domainPower` then reads P_j(t) from it where it is
 * needed (gaps, bands), and `clearScenario` must be called before the next scenario.
 */
export function scenarioPower(
  s: CompiledScenario,
  backstopTriggerDays: number,
  candidates: Candidates,
  day0Rows: Int32Array,
  day0Domains: Int32Array,
  day0Sums: Float64Array,
  active: Uint8Array,
  arrival: Int32Array,
  scratch: PowerScratch,
): void {
  const { backstops } = candidates;
  const H = s.horizon;
  const W = H + 1;
  const nD = s.domains.length;
  const { diff, shortfall, trigger } = scratch;
  // Day-0 power, summed once per trial and variant (day0-table.ts).
  for (let i = 0; i < day0Rows.length; i++) {
    const at = (day0Domains[i] as number) * W;
    diff[at] = (diff[at] as number) + (day0Sums[day0Rows[i] as number] as number);
  }
  // Delayed pledges, one flat list of contributions: no inner loop whose length changes from pledge to
  // pledge, and no branch on whether a pledge is active (a coin flip per trial, so a branch would
  // mispredict): inactive pledges add 0, late ones land in column H, which no day reads.
  const { flatPledge, flatRow, flatPower } = candidates;
  for (let c = 0; c < flatPledge.length; c++) {
    const p = flatPledge[c] as number;
    const at = (flatRow[c] as number) + Math.min(arrival[p] as number, H);
    diff[at] = (diff[at] as number) + (active[p] as number) * (flatPower[c] as number);
  }
  const K = backstopTriggerDays;
  const withBackstops = backstops.length > 0 && K > 0;
  const { sweepRun, sweepNext, sweepDone } = scratch;
  // The hot loop: no stores per day. Where backstops may come, each domain's sweep pauses on its trigger
  // day; the backstops' power is then added ahead of that day and the sweep resumes, so a scenario
  // with a backstop still costs one pass over the days, not two.
  for (let j = 0; j < nD; j++) {
    const req = s.requirement[j] as Float64Array;
    const ahead = s.requirementAhead[j] as Float64Array;
    const d0 = j * W;
    let run = 0;
    let short = 0;
    let streak = 0;
    let trig = K <= 0 ? 0 : NEVER;
    let done = 0;
    let t = 0;
    for (; t < H; t++) {
      run += diff[d0 + t] as number;
      const r = req[t] as number;
      if (run < r) {
        short += r - run;
        // Trigger day: the K-th day of the first run of K consecutive failing days.
        if (++streak === K && trig === NEVER) {
          trig = t;
          if (withBackstops) {
            t++;
            break;
          }
        }
      } else {
        streak = 0;
        // Power never falls (effects and units are ≥ 0): from here on no day fails.
        if (run >= (ahead[t] as number)) {
          done = 1;
          t++;
          break;
        }
      }
    }
    shortfall[j] = short;
    trigger[j] = trig;
    sweepRun[j] = run;
    sweepNext[j] = t;
    sweepDone[j] = t >= H ? 1 : done;
  }
  if (backstops.length > 0) addBackstops(s, backstops, active, arrival, scratch);
}

/**
 * Backstops called on t* = min trigger day over their domains (MODEL.md §3) add their power from
 * t* + ⌈δ_p⌉; then each domain's paused sweep resumes. A domain whose sweep already passed the first
 * backstop day (a backstop with no readiness delay, or called from another domain's earlier trigger)
 * is swept again from day 0.
 */
function addBackstops(
  s: CompiledScenario,
  backstops: Int32Array,
  active: Uint8Array,
  arrival: Int32Array,
  scratch: PowerScratch,
): void {
  const H = s.horizon;
  const W = H + 1;
  const nD = s.domains.length;
  const { diff, arrivalDay, shortfall, trigger, boostDay, sweepRun, sweepNext, sweepDone } = scratch;
  const { contribStart, contribDomain, contribPower } = s;
  boostDay.fill(NEVER, 0, nD);
  for (let i = 0; i < backstops.length; i++) {
    const p = backstops[i] as number;
    if (active[p] !== 1) continue;
    let tStar = NEVER;
    for (let c = contribStart[p] as number; c < (contribStart[p + 1] as number); c++) {
      const t = trigger[contribDomain[c] as number] as number;
      if (t < tStar) tStar = t;
    }
    const day = tStar === NEVER ? NEVER : Math.min(NEVER, tStar + (arrival[p] as number));
    arrivalDay[p] = day;
    if (day >= H) continue;
    for (let c = contribStart[p] as number; c < (contribStart[p + 1] as number); c++) {
      const j = contribDomain[c] as number;
      const at = j * W + day;
      diff[at] = (diff[at] as number) + (contribPower[c] as number);
      if (day < (boostDay[j] as number)) boostDay[j] = day;
    }
  }
  for (let j = 0; j < nD; j++) {
    let next = sweepNext[j] as number;
    const boost = boostDay[j] as number;
    // Swept to the end, or to where power covers every later day: only an earlier boost can change it,
    // and only if some day failed.
    if (sweepDone[j] === 1 && (boost >= next || shortfall[j] === 0)) continue;
    const req = s.requirement[j] as Float64Array;
    const ahead = s.requirementAhead[j] as Float64Array;
    const d0 = j * W;
    let run = sweepRun[j] as number;
    let short = shortfall[j] as number;
    if (boost < next) {
      next = 0;
      run = 0;
      short = 0;
    }
    for (let t = next; t < H; t++) {
      run += diff[d0 + t] as number;
      const r = req[t] as number;
      if (run < r) short += r - run;
      else if (run >= (ahead[t] as number)) break;
    }
    shortfall[j] = short;
  }
}

/** Writes P_j(t), t = 0 … H−1, into scratch.power[j·H …] from the contributions left by scenarioPower. */
export function domainPower(s: CompiledScenario, j: number, scratch: PowerScratch): void {
  const H = s.horizon;
  const d0 = j * (H + 1);
  const p0 = j * H;
  const { diff, power } = scratch;
  let run = 0;
  for (let t = 0; t < H; t++) {
    run += diff[d0 + t] as number;
    power[p0 + t] = run;
  }
}

/** Zeroes the difference arrays for the next scenario. */
export function clearScenario(s: CompiledScenario, scratch: PowerScratch): void {
  scratch.diff.fill(0, 0, s.domains.length * (s.horizon + 1));
}

/**
 * The pledges that can add power in (variant, scenario): counted, answering, with an effect in a
 * scenario domain. Those that always act from day 0 are listed apart (`day0`): the trial loop takes
 * their power from the day-0 table, summed once per variant.
 */
export interface Candidates {
  /** Non-backstop pledges whose arrival day is drawn. */
  readonly pledges: Int32Array;
  /** Their contributions, flat: pledge, row offset j·(H+1) of the domain, power per day. */
  readonly flatPledge: Int32Array;
  readonly flatRow: Int32Array;
  readonly flatPower: Float64Array;
  readonly backstops: Int32Array;
  /** Pledges acting from day 0. */
  readonly day0: Int32Array;
}

export function candidatePledges(
  compiled: CompiledPlan,
  s: CompiledScenario,
  pledgeCounted: Uint8Array,
): Candidates {
  const pledges: number[] = [];
  const backstops: number[] = [];
  const day0: number[] = [];
  for (let p = 0; p < pledgeCounted.length; p++) {
    if (pledgeCounted[p] !== 1 || s.answers[p] !== 1) continue;
    if ((s.contribStart[p + 1] as number) === (s.contribStart[p] as number)) continue;
    if (compiled.pledgePosture[p] === PostureCode.backstop) backstops.push(p);
    else if (actsFromDayZero(compiled, p)) day0.push(p);
    else pledges.push(p);
  }
  const flatPledge: number[] = [];
  const flatRow: number[] = [];
  const flatPower: number[] = [];
  for (const p of pledges) {
    for (let c = s.contribStart[p] as number; c < (s.contribStart[p + 1] as number); c++) {
      flatPledge.push(p);
      flatRow.push((s.contribDomain[c] as number) * (s.horizon + 1));
      flatPower.push(s.contribPower[c] as number);
    }
  }
  return {
    pledges: Int32Array.from(pledges),
    flatPledge: Int32Array.from(flatPledge),
    flatRow: Int32Array.from(flatRow),
    flatPower: Float64Array.from(flatPower),
    backstops: Int32Array.from(backstops),
    day0: Int32Array.from(day0),
  };
}
