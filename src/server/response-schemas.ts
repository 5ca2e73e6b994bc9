/**
 * The API's answers as zod schemas: what each route sends, field by field, so that the OpenAPI document
 * (openapi.ts, via `z.toJSONSchema`) states it and openapi-contract.test.ts can check every real answer
 * against it. Objects are strict: a field the server sends but the schema does not name fails the test,
 * so the documentation cannot fall behind. Documents that are the CLI's `--json` (assessments, job
 * results) are described, not re-specified: MODEL.md §7 is their contract.
 */
import { z } from 'zod';
import { planSchema, sourceSchema } from '../core/plan/schema.js';
import { ENTITY_KINDS, EVENT_KINDS } from '../store/events.js';
import { JOB_KINDS, JOB_STATES } from '../store/job-store.js';
import { ROLES, TOKEN_KINDS } from '../store/user-store.js';
import type { EntitySpec } from './entity-kinds.js';

/** A time as JSON carries a Date: `2026-01-06T10:00:00.000Z`. */
const time = z.iso.datetime();
const version = z.number().int().min(0).describe("the plan's version: the number of its last event");

/** Every 4xx (and 5xx): `{ error: { code, message, path?, currentVersion? } }` (api-error.ts). */
export const errorFields = z.strictObject({
  code: z.string().describe('stable, for scripts: INVALID_BODY, NOT_FOUND, CONFLICT, FORBIDDEN, …'),
  message: z.string().describe('for people: what is wrong and what to do'),
  path: z.string().optional().describe('the body field or query value at fault: `changes.quantity`, `asOf`'),
  currentVersion: version.optional().describe("409 CONFLICT: the plan's version now; re-read and retry"),
});
export const errorBody = z.strictObject({ error: errorFields });

export const okBody = z.strictObject({ ok: z.literal(true) });

export const publicUserSchema = z.strictObject({
  name: z.string(),
  role: z.enum(ROLES),
  actor: z.string().optional().describe('the actor a delegate writes for'),
});

export const loginAnswer = z.strictObject({
  token: z.string().describe('the session token: send it as `Authorization: Bearer …`'),
  user: publicUserSchema,
});
export const meAnswer = z.strictObject({ user: publicUserSchema });
export const usersAnswer = z.strictObject({ users: z.array(publicUserSchema.extend({ created: time })) });
export const createdUserAnswer = z.strictObject({
  user: publicUserSchema,
  password: z.string().describe('the one-time password, shown only here'),
});

const tokenSchema = z.strictObject({
  id: z.string().describe('the public id (DELETE /tokens/{tokenId}); never the token'),
  user: z.string(),
  kind: z.enum(TOKEN_KINDS),
  label: z.string().nullable(),
  created: time,
  lastUsed: time.nullable(),
  revoked: time.nullable(),
});
export const tokensAnswer = z.strictObject({ tokens: z.array(tokenSchema) });
export const createdTokenAnswer = tokenSchema.extend({
  token: z.string().describe('the token, shown only here'),
});

export const plansAnswer = z.strictObject({
  plans: z.array(z.strictObject({ id: z.string(), title: z.string(), created: time, version })),
});
export const createdPlanAnswer = z.strictObject({
  id: z.string(),
  version,
  replayed: z.boolean().describe('true when an Idempotency-Key retry found the plan the first try made'),
});

/** Every ledger write's answer. */
export const writtenAnswer = z.strictObject({
  version: version.describe("the plan's version after the write"),
  replayed: z.boolean().describe('true when an Idempotency-Key retry is answered again (nothing appended)'),
});

export const planAnswer = z.strictObject({
  id: z.string(),
  version,
  plan: planSchema.describe('the plan as written, in the plan format (MODEL.md §1)'),
});

const eventSchema = z.strictObject({
  planId: z.string(),
  seq: z.number().int().min(1),
  at: time,
  kind: z.enum(EVENT_KINDS as [string, ...string[]]),
  entityId: z.string().describe('`actor/capability` for spare capacity, `-` for the header and settings'),
  payload: z
    .record(z.string(), z.unknown())
    .describe('created/updated: the whole entity after the change; withdrawn: {}'),
  who: z.string(),
  reason: z.string(),
  source: sourceSchema.optional(),
});
export const eventsAnswer = z.strictObject({ events: z.array(eventSchema) });

const ledgerPoint = z.strictObject({ seq: z.number().int().min(0), at: time });
const attributedChange = z.strictObject({
  entity: z.enum(ENTITY_KINDS),
  id: z.string(),
  change: z.enum(['added', 'changed', 'withdrawn', 'removed']),
  fields: z
    .array(
      z.strictObject({
        field: z.string(),
        before: z.unknown().describe('null where the field was absent'),
        after: z.unknown().describe('null where the field is absent (a removed field shows its default)'),
      }),
    )
    .optional(),
  events: z.array(
    z.strictObject({
      seq: z.number().int(),
      at: time,
      who: z.string(),
      reason: z.string(),
      source: sourceSchema.nullable(),
    }),
  ),
});
export const diffAnswer = z.strictObject({
  plan: z.string(),
  from: ledgerPoint,
  to: ledgerPoint,
  events: z.array(eventSchema),
  changes: z.array(attributedChange),
});

/** `{ version, <section>: [entity] }`: an entity kind's list. */
export function entityListAnswer(spec: EntitySpec): z.ZodType {
  return z.strictObject({ version, [spec.section]: z.array(spec.schema) });
}

/** `{ version, <kind>: entity }`: one entity (the settings singleton too). */
export function entityAnswer(spec: EntitySpec): z.ZodType {
  return z.strictObject({ version, [spec.kind]: spec.schema });
}

/** An analysis document as the CLI's `--json` prints it: MODEL.md §7 is its contract. */
export const analysisDocument = z
  .record(z.string(), z.unknown())
  .describe(
    'the analysis document, byte for byte what the CLI prints with --json: docs/MODEL.md §7 (Output contract)',
  );

export const assessmentAnswer = z.strictObject({
  version: version.describe('the plan version assessed'),
  assessment: analysisDocument,
});

const jobSchema = z.strictObject({
  id: z.string(),
  planId: z.string(),
  planVersion: version,
  kind: z.enum(JOB_KINDS),
  params: z.record(z.string(), z.unknown()).describe('the parameters as submitted (validated)'),
  requestedBy: z.string(),
  state: z.enum(JOB_STATES),
  progress: z.strictObject({ done: z.number().int().min(0), total: z.number().int().min(0) }),
  attempts: z.number().int().min(0),
  error: z.strictObject({ code: z.string(), message: z.string(), path: z.string().optional() }).optional(),
  created: time,
  started: time.optional(),
  finished: time.optional(),
  result: z.string().optional().describe("once done: the result's URL, /jobs/{id}/result"),
});
export const jobAnswer = z.strictObject({ job: jobSchema });
export const jobsAnswer = z.strictObject({ jobs: z.array(jobSchema) });

// Track records (src/core/track-records): the Kiel import as stored, and what it proposes for a plan.
const amounts = {
  allocated: z.number(),
  military: z.number(),
  financial: z.number(),
  humanitarian: z.number(),
  committed: z.number(),
};
const totals = z.strictObject(amounts).describe('EUR billions');
const actorRecord = z.strictObject({
  actor: z.string(),
  ...amounts,
  pctGdp: z.number().nullable().describe('allocated ÷ 2021 GDP × 100; null when Kiel gives no GDP'),
});
const kielRelease = z.strictObject({
  release: z.number().int(),
  lastMonth: z.string(),
  date: z.string(),
  label: z.string(),
});
const importIssue = z.strictObject({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  file: z.string(),
  line: z.number().int().min(0),
  column: z.string().optional(),
  message: z.string(),
});
const importSummary = z.strictObject({
  id: z.number().int(),
  source: z.literal('kiel'),
  release: z.number().int(),
  asOf: z.string().describe('the last month summed, YYYY-MM'),
  importedAt: time,
  importedBy: z.string(),
});

export const trackRecordsAnswer = z.strictObject({
  import: importSummary,
  source: z.literal('kiel'),
  release: kielRelease,
  records: z.strictObject({
    release: z.number().int(),
    asOf: z.string(),
    totals,
    actors: z.array(actorRecord).describe('largest allocation first'),
  }),
  names: z.record(z.string(), z.string()).describe("actor id → Kiel's donor name"),
  worldbank: z
    .record(z.string(), z.strictObject({ gdpUsd: z.number(), year: z.number().int(), country: z.string() }))
    .optional()
    .describe('iso3 → GDP (current US$), when a World Bank table was imported'),
});

export const trackImportAnswer = z.strictObject({
  import: importSummary,
  totals,
  donors: z.number().int().min(0),
  worldbank: z.boolean(),
  issues: z.array(importIssue).describe('warnings (an import with errors is refused)'),
});

/** The refused import's 400: the shared error plus every issue, each with file, line and column. */
export const trackImportRefusal = errorBody.extend({ issues: z.array(importIssue) });

export const planTrackRecordsAnswer = z.strictObject({
  planId: z.string(),
  version,
  import: importSummary,
  release: kielRelease,
  citation: z.string(),
  source: sourceSchema.describe('what an accepted change cites'),
  mapping: z.strictObject({ floor: z.number(), ceiling: z.number() }),
  formula: z.string(),
  gdpProposed: z.boolean(),
  actors: z.array(
    z.strictObject({
      actor: z.string(),
      name: z.string(),
      pledges: z.number().int().min(0).describe('pledges not withdrawn'),
      record: actorRecord.nullable(),
      deliveredRatio: z.number().nullable(),
      proposedReliability: z.number().nullable(),
      currentReliability: z.number(),
      proposedGdp: z.strictObject({ usd: z.number(), year: z.number().int(), source: z.string() }).nullable(),
      accept: z
        .strictObject({
          changes: z.strictObject({ reliability: z.number(), gdp: z.number().optional() }),
          reason: z.string(),
        })
        .nullable()
        .describe('the PATCH /plans/{id}/actors/{actor} body that accepts the proposal; null without one'),
    }),
  ),
});
