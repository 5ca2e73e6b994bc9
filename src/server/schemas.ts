/**
 * Request bodies, built from the core's plan schemas so the API accepts exactly what a plan file does;
 * the OpenAPI document (openapi.ts) is generated from these same values.
 */
import { z } from 'zod';
import { pledgeSchema, sourceSchema } from '../core/plan/schema.js';

/** The largest Monte Carlo run the server does in-process, per request (no jobs yet). */
export const MAX_SERVER_TRIALS = 1_000_000;

export const loginBody = z.strictObject({
  name: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

/** What every write carries: why, where from, and the version the writer read. */
const writeFields = {
  reason: z.string().trim().min(1, 'every change needs a reason').max(10_000),
  source: sourceSchema.optional(),
  expectedVersion: z.number().int().min(0),
};

export const createPledgeBody = z.strictObject({ pledge: pledgeSchema, ...writeFields });

/** Fields to change; the id is the URL's. The merged pledge is validated again as a whole. */
export const updatePledgeBody = z.strictObject({
  changes: pledgeSchema.omit({ id: true }).partial(),
  ...writeFields,
});

export const withdrawPledgeBody = z.strictObject(writeFields);

export const assessmentBody = z.strictObject({
  trials: z.number().int().min(1).max(MAX_SERVER_TRIALS).optional(),
  seed: z.number().int().min(0).optional(),
  variants: z.array(z.string().min(1)).optional(),
  scenarios: z.array(z.string().min(1)).optional(),
});
