/**
 * What burden sharing (MODEL.md §6) works from, gathered from a plan and its assessment under one
 * variant: the partners with their fair-share weights, what each could still add (`spare`), and the
 * gaps to close. Everything the optimisation needs is checked here, once, so the model builder can
 * trust it (STYLE.md habit 4).
 */
import type { VariantResult } from '../../engine/result-types.js';
import { GuarantorError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';

export interface BurdenActor {
  readonly id: string;
  readonly gdp: number;
  /** w_a = gdp_a / Σ gdp over the variant's partners. */
  readonly weight: number;
  /** r_a as written in the plan (see `expectedWorth` for why not the tripwire's r'_a). */
  readonly reliability: number;
}

/** One (actor, capability) pair of `spare`: the integer variable x_{a,c} of MODEL.md §6. */
export interface SpareOption {
  readonly actor: string;
  readonly capability: string;
  /** Whole units available: ⌊quantity⌋, since x_{a,c} is an integer. */
  readonly units: number;
  readonly unitCost: number;
  /** Expected power per unit in each domain the capability acts in: β_b · r_a · effect_{c,d}. */
  readonly worth: Readonly<Record<string, number>>;
}

/** A (scenario, domain) with a positive gap at settings.target: one `≥` row of the model. */
export interface GapRow {
  readonly scenario: string;
  readonly domain: string;
  /** gap.power of the assessment. */
  readonly gap: number;
}

export interface BurdenInput {
  readonly variant: string;
  /** The variant's actors other than the protected one, plan order. */
  readonly actors: readonly BurdenActor[];
  /** Spare capacity of those actors, plan order of `spare`, entries with at least one whole unit. */
  readonly options: readonly SpareOption[];
  readonly gaps: readonly GapRow[];
  /** λ = settings.fairness. */
  readonly fairness: number;
  /** β(settings.newPledgeBindingness). */
  readonly beta: number;
}

/**
 * Expected worth of one new unit in domain d: β_b · r_a · effect_{c,d} ("new units count at their
 * expected worth", MODEL.md §6). We use the plan's r_a, not the tripwire's r'_a, as §6 writes it: the
 * rule is a deliberate approximation, and r_a errs on the side of asking for more units. (The
 * re-assessment places the units in place, so there the tripwire does raise r_a for partners that had
 * no in-place pledge yet, and the check is against the model as it is.)
 */
export function expectedWorth(beta: number, reliability: number, effect: number): number {
  return beta * reliability * effect;
}

/** The burden-sharing input of `variant` (its assessment result) in `plan`. */
export function burdenInput(plan: Plan, variant: VariantResult): BurdenInput {
  const inVariant = new Set(variant.actors);
  const partners = plan.actors
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.id !== plan.protected && inVariant.has(a.id));
  const missing = partners.filter(({ a }) => a.gdp === undefined);
  const first = missing[0];
  if (first !== undefined) {
    const names = missing.map(({ a }) => `"${a.id}"`).join(', ');
    throw new GuarantorError(
      'BURDEN_MISSING_GDP',
      `actors[${first.i}].gdp: burden sharing needs the gdp of every partner in variant ` +
        `"${variant.id}" (fair shares are gdp / total gdp); missing for ${names}`,
      `actors[${first.i}].gdp`,
    );
  }
  const totalGdp = partners.reduce((sum, { a }) => sum + (a.gdp ?? 0), 0);
  if (partners.length > 0 && !(totalGdp > 0)) {
    throw new GuarantorError(
      'BURDEN_ZERO_GDP',
      `the partners of variant "${variant.id}" have a total gdp of 0, so fair shares are undefined; ` +
        'give at least one of them a positive gdp',
      'actors',
    );
  }
  const actors = partners.map(
    ({ a }): BurdenActor => ({
      id: a.id,
      gdp: a.gdp ?? 0,
      weight: (a.gdp ?? 0) / totalGdp,
      reliability: a.reliability,
    }),
  );
  const byActor = new Map(actors.map((a) => [a.id, a] as const));
  const capabilities = new Map(plan.capabilities.map((c, i) => [c.id, { c, i }] as const));
  const beta = plan.settings.bindingness[plan.settings.newPledgeBindingness];

  const options: SpareOption[] = [];
  plan.spare.forEach((s, si) => {
    const actor = byActor.get(s.actor);
    const units = Math.floor(s.quantity);
    // Spare of actors outside the variant (or of the protected actor) is not theirs to give here.
    if (actor === undefined || units < 1) return;
    const found = capabilities.get(s.capability);
    if (found === undefined) return; // parsePlan guarantees the reference; nothing to add otherwise
    const { c, i } = found;
    if (c.unitCost === undefined) {
      throw new GuarantorError(
        'BURDEN_MISSING_UNIT_COST',
        `capabilities[${i}].unitCost: burden sharing needs the unitCost of "${c.id}", which ` +
          `"${s.actor}" could add (spare[${si}]); costs are unitCost × units`,
        `capabilities[${i}].unitCost`,
      );
    }
    const worth: Record<string, number> = {};
    for (const [d, e] of Object.entries(c.effect)) worth[d] = expectedWorth(beta, actor.reliability, e);
    options.push({ actor: s.actor, capability: s.capability, units, unitCost: c.unitCost, worth });
  });

  const gaps: GapRow[] = [];
  for (const s of variant.scenarios) {
    for (const d of s.domains) {
      if (d.gap.power > 0) gaps.push({ scenario: s.id, domain: d.domain, gap: d.gap.power });
    }
  }
  return { variant: variant.id, actors, options, gaps, fairness: plan.settings.fairness, beta };
}
