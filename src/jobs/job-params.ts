/**
 * What a client may ask for: `{ kind, params }`, one strict zod schema per kind, checked once at the
 * edge (POST /plans/:id/jobs answers 400 naming the field). Ids in params (variants, scenarios) are
 * checked by the core when the job runs: an unknown one fails the job with the core's error.
 */
import { z } from 'zod';
import type { JobKind } from '../store/job-store.js';

/** The largest Monte Carlo run a job does (per run): a job must end in minutes, not hours. */
export const MAX_JOB_TRIALS = 1_000_000;

const trials = z.number().int().min(1).max(MAX_JOB_TRIALS).optional();
const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();
const id = z.string().min(1).max(200);
/** The plan version to run on (an event seq); default the plan's current version. */
const version = z.number().int().min(1).optional();

/** A ledger point: an event seq, or an ISO time (the last event at or before it). */
export const ledgerPointSchema = z.union([
  z.number().int().min(0),
  z.iso.datetime({ offset: true, message: 'expected an event number or an ISO time' }),
]);

export const jobParamsSchemas = {
  assess: z.strictObject({
    version,
    trials,
    seed,
    variants: z.array(id).min(1).max(100).optional(),
    scenarios: z.array(id).min(1).max(100).optional(),
  }),
  compare: z.strictObject({
    version,
    trials: z.number().int().min(2).max(MAX_JOB_TRIALS).optional(),
    seed,
    variants: z.array(id).min(1).max(100).optional(),
    scenarios: z.array(id).min(1).max(100).optional(),
    pairs: z.enum(['first', 'all']).optional(),
  }),
  attribute: z.strictObject({
    version,
    variant: id,
    method: z.enum(['exact', 'sampled']).optional(),
    trials,
    seed,
    targetSe: z.number().gt(0).lt(0.5).optional(),
  }),
  sensitivity: z.strictObject({
    version,
    variant: id,
    trials,
    seed,
    grid: z.union([z.string().min(1).max(400), z.literal(false)]).optional(),
    rule: z.enum(['value', 'every-scenario']).optional(),
  }),
  failures: z.strictObject({ version, variant: id, scenario: id, trials, seed }),
  optimize: z.strictObject({ version, variant: id, trials, seed }),
  diff: z.strictObject({ from: ledgerPointSchema, to: ledgerPointSchema.optional(), trials, seed }),
  /** The briefing as `guarantor report --format html`; trackRecords: use the latest Kiel import (default). */
  report: z.strictObject({
    version,
    variants: z.array(id).min(1).max(100).optional(),
    trials,
    seed,
    trackRecords: z.boolean().optional(),
  }),
} as const satisfies Record<JobKind, z.ZodType>;

export type JobParams<K extends JobKind = JobKind> = z.output<(typeof jobParamsSchemas)[K]>;

/** A validated request: the kind and its params, narrowed together. */
export type JobRequest = { [K in JobKind]: { readonly kind: K; readonly params: JobParams<K> } }[JobKind];

/** The body of POST /plans/:id/jobs; `params` may be left out for kinds that need none. */
export const jobRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assess'), params: jobParamsSchemas.assess.default({}) }),
  z.strictObject({ kind: z.literal('compare'), params: jobParamsSchemas.compare.default({}) }),
  z.strictObject({ kind: z.literal('attribute'), params: jobParamsSchemas.attribute }),
  z.strictObject({ kind: z.literal('sensitivity'), params: jobParamsSchemas.sensitivity }),
  z.strictObject({ kind: z.literal('failures'), params: jobParamsSchemas.failures }),
  z.strictObject({ kind: z.literal('optimize'), params: jobParamsSchemas.optimize }),
  z.strictObject({ kind: z.literal('diff'), params: jobParamsSchemas.diff }),
  z.strictObject({ kind: z.literal('report'), params: jobParamsSchemas.report.default({}) }),
]);

/** Params as stored (validated at submission), checked again when the job runs: a job stored by another
 * version of guarantor may not fit this one's schemas. */
export function parseStoredRequest(kind: JobKind, params: unknown): JobRequest | undefined {
  const parsed = jobRequestSchema.safeParse({ kind, params });
  return parsed.success ? (parsed.data as JobRequest) : undefined;
}
