/**
 * The plan format, MODEL.md section 1, as one zod schema: it yields the TypeScript types, the runtime
 * validation of shapes and ranges, and the JSON Schema (`guarantor schema`). Cross-references (ids that
 * must resolve, uniqueness, conditional requirements) are checked afterwards in `check-references.ts`,
 * where the whole plan is in view.
 */
import { z } from 'zod';

export const POSTURES = ['in-place', 'on-call', 'backstop', 'production'] as const;
export const BINDINGNESS = ['treaty-automatic', 'treaty-consultative', 'executive', 'political'] as const;
export const STATUSES = ['announced', 'committed', 'delivered', 'withdrawn'] as const;

export type Posture = (typeof POSTURES)[number];
export type Bindingness = (typeof BINDINGNESS)[number];
export type PledgeStatus = (typeof STATUSES)[number];

/** Default β per bindingness (MODEL.md §1 settings.bindingness). */
export const DEFAULT_BINDINGNESS_FACTORS: Readonly<Record<Bindingness, number>> = {
  'treaty-automatic': 0.95,
  'treaty-consultative': 0.8,
  executive: 0.65,
  political: 0.5,
};

export const DEFAULT_RELIABILITY = 0.75;

const id = z
  .string()
  .min(1, 'expected a non-empty id')
  .max(200, 'ids are at most 200 characters')
  .regex(/^\S(.*\S)?$/, 'ids may not start or end with white space');
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const nonNegative = finite.min(0, 'expected a number ≥ 0');
const positive = finite.gt(0, 'expected a number > 0');
const probability = finite
  .min(0, 'expected a probability in [0, 1]')
  .max(1, 'expected a probability in [0, 1]');
const domain = z.string().min(1, 'expected a non-empty domain name');
const isoDate = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/,
    'expected a date as YYYY-MM-DD (or YYYY-MM, YYYY, or an ISO 8601 date-time)',
  );

export const sourceSchema = z.strictObject({
  title: z.string().min(1, 'a source needs a title'),
  url: z.string().optional(),
  date: isoDate.optional(),
});

export const actorSchema = z.strictObject({
  id,
  name: z.string().optional(),
  bloc: id.optional(),
  reliability: probability.optional(),
  gdp: nonNegative.optional(),
});

export const capabilitySchema = z.strictObject({
  id,
  name: z.string().optional(),
  unit: z.string().optional(),
  effect: z.record(domain, nonNegative),
  unitCost: positive.optional(),
  productionPerYear: nonNegative.optional(),
});

export const pledgeSchema = z.strictObject({
  id,
  actor: id,
  capability: id,
  quantity: nonNegative.optional(),
  posture: z.enum(POSTURES),
  readinessDays: nonNegative.optional(),
  bindingness: z.enum(BINDINGNESS).optional(),
  triggers: z.array(z.string().min(1)).optional(),
  requires: z.array(id).optional(),
  fundingPerYear: nonNegative.optional(),
  status: z.enum(STATUSES).optional(),
  sources: z.array(sourceSchema).optional(),
});

/** A threat curve: [day, level] points, linear in between, flat before the first and after the last. */
export const threatCurveSchema = z
  .array(z.tuple([nonNegative, nonNegative]), 'expected a list of [day, level] points')
  .min(1, 'a threat curve needs at least one [day, level] point');

export const scenarioSchema = z.strictObject({
  id,
  title: z.string().optional(),
  tags: z.array(z.string().min(1)).optional(),
  weight: nonNegative.optional(),
  horizonDays: finite
    .int('horizonDays must be a whole number of days')
    .min(1, 'horizonDays must be 1 … 3650')
    .max(3650, 'horizonDays must be 1 … 3650'),
  threat: z.record(domain, threatCurveSchema),
  requiredRatio: z.record(domain, nonNegative).optional(),
  tolerance: z.record(domain, probability).optional(),
});

export const spareSchema = z.strictObject({
  actor: id,
  capability: id,
  quantity: nonNegative,
});

export const variantSchema = z.strictObject({
  id,
  include: z.array(id).optional(),
  exclude: z.array(id).optional(),
  statuses: z.array(z.enum(STATUSES)).optional(),
});

export const settingsSchema = z.strictObject({
  trials: finite
    .int('trials must be a whole number')
    .min(1, 'trials must be 1 … 10^7')
    .max(1e7, 'trials must be 1 … 10^7')
    .optional(),
  seed: finite
    .int('seed must be a whole number')
    .min(0, 'seed must be ≥ 0')
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
  target: probability.optional(),
  yearsOfPeace: nonNegative.optional(),
  readinessSigma: nonNegative.optional(),
  blocCorrelation: probability.optional(),
  tripwire: probability.optional(),
  backstopTriggerDays: finite
    .int('backstopTriggerDays must be a whole number of days')
    .min(0)
    .max(3650)
    .optional(),
  fairness: nonNegative.optional(),
  newPledgeBindingness: z.enum(BINDINGNESS).optional(),
  bindingness: z
    .strictObject({
      'treaty-automatic': probability.optional(),
      'treaty-consultative': probability.optional(),
      executive: probability.optional(),
      political: probability.optional(),
    })
    .optional(),
});

export const planSchema = z.strictObject({
  guarantor: z.literal(1, 'expected `guarantor: 1` (the plan format version)'),
  title: z.string().optional(),
  protected: id,
  currency: z.string().optional(),
  actors: z.array(actorSchema).min(1, 'a plan needs at least the protected actor'),
  capabilities: z.array(capabilitySchema),
  pledges: z.array(pledgeSchema),
  scenarios: z.array(scenarioSchema).min(1, 'a plan needs at least one scenario'),
  spare: z.array(spareSchema).optional(),
  variants: z.array(variantSchema).optional(),
  settings: settingsSchema.optional(),
});

/** A plan as written (before defaults). */
export type PlanInput = z.input<typeof planSchema>;
export type RawPlan = z.output<typeof planSchema>;
export type RawActor = z.output<typeof actorSchema>;
export type RawCapability = z.output<typeof capabilitySchema>;
export type RawPledge = z.output<typeof pledgeSchema>;
export type RawScenario = z.output<typeof scenarioSchema>;
export type RawVariant = z.output<typeof variantSchema>;
export type Source = z.output<typeof sourceSchema>;

/** JSON Schema (draft 2020-12) of the plan format, for editors' autocompletion. */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
