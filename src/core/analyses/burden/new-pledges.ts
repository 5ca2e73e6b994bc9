/**
 * The allocation as pledges, so that the plan can be re-assessed with it (does the proposal work?).
 *
 * Choices, and why:
 * - posture in-place, readinessDays 0: the gap of MODEL.md §4 is constant power added on every day from
 *   D-day, which is what in-place forces give; an on-call unit would arrive late and close less.
 *   In place, the units also bring the tripwire (MODEL.md §2) to a partner that had none.
 * - bindingness settings.newPledgeBindingness: the β the optimisation counted them at (§6).
 * - status `committed` (a proposal the partner signs up to), or, if the variant does not count
 *   committed pledges, the first status it counts — otherwise the re-assessment would ignore them.
 * - no triggers, no requires: the optimisation counts them in every scenario, unconditionally.
 * - id `opt-<actor>-<capability>` (with `-2`, `-3`, … if the plan already uses it). They go after the
 *   plan's pledges, so every existing entity keeps its index and its draws (MODEL.md §2): before and
 *   after differ by the new pledges only.
 */
import type { Plan, Pledge, PledgeStatus } from '../../plan/types.js';
import type { AllocationEntry, NewPledge } from './burden-report.js';

export function allocationPledges(
  plan: Plan,
  variantId: string,
  allocation: readonly AllocationEntry[],
): NewPledge[] {
  const taken = new Set(plan.pledges.map((p) => p.id));
  const status = newPledgeStatus(plan.variants.find((v) => v.id === variantId)?.statuses ?? []);
  return allocation.map((a): NewPledge => {
    const base = `opt-${a.actor}-${a.capability}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return {
      id,
      actor: a.actor,
      capability: a.capability,
      quantity: a.units,
      posture: 'in-place',
      bindingness: plan.settings.newPledgeBindingness,
      status,
    };
  });
}

function newPledgeStatus(counted: readonly PledgeStatus[]): PledgeStatus {
  if (counted.includes('committed')) return 'committed';
  return counted.find((s) => s !== 'withdrawn') ?? 'committed';
}

/** `plan` with `pledges` appended (readinessDays 0, no triggers, no requires, no sources). */
export function withPledges(plan: Plan, pledges: readonly NewPledge[]): Plan {
  const added = pledges.map(
    (p): Pledge => ({
      id: p.id,
      actor: p.actor,
      capability: p.capability,
      quantity: p.quantity,
      posture: p.posture,
      readinessDays: 0,
      bindingness: p.bindingness,
      requires: [],
      status: p.status,
      sources: [],
    }),
  );
  return { ...plan, pledges: [...plan.pledges, ...added] };
}
