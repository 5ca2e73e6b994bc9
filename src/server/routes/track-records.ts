/**
 * Track records on the server: the latest import (`GET /track-records`), what it proposes for a plan's
 * actors (`GET /plans/:id/track-records`, with the prior mapping's floor and ceiling as query values),
 * and an import of Kiel's CSV texts by the host (`POST /track-records`: the same core import and checks
 * as `guarantor import kiel`; with any error nothing is stored). Accepting a proposal is not a route of
 * its own: it is the ledger's `PATCH /plans/:id/actors/:actor` with a reason and the Kiel source, which
 * each actor's `accept` here spells out.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { acceptanceReason, selectAcceptances } from '../../core/track-records/accept-proposals.js';
import { importKiel, isMonth, KIEL_CITATION } from '../../core/track-records/kiel.js';
import { gdpFitsPlan, type PlanProposal, proposeForPlan } from '../../core/track-records/plan-proposals.js';
import {
  checkPriorMapping,
  DEFAULT_PRIOR_MAPPING,
  type PriorMapping,
} from '../../core/track-records/prior.js';
import {
  kielSource,
  trackRecordDocument,
  worldBankMap,
} from '../../core/track-records/track-record-document.js';
import { readWorldBankGdp } from '../../core/track-records/worldbank.js';
import type { StoredTrackRecords } from '../../store/store.js';
import { fail } from '../api-error.js';
import type { App, RouteDeps } from '../app-env.js';
import { parseData } from '../ledger-points.js';
import { forbidden } from '../ledger-write.js';
import { errors, inPath, type PathItems, pathItems } from '../openapi-operations.js';
import { currentPlan, unknownPlan } from '../plan-reads.js';
import { readBody } from '../request-body.js';
import {
  errorBody,
  planTrackRecordsAnswer,
  trackImportAnswer,
  trackImportRefusal,
  trackRecordsAnswer,
} from '../response-schemas.js';

/** The CSV texts of an import (the global body cap, 1 MB, bounds them; release 29's are ~100 KB). */
export const trackRecordImportBody = z.strictObject({
  releaseInfo: z.string().min(1, "release_info.csv's text is required"),
  dataExplorer: z.string().min(1, "data_explorer.csv's text is required"),
  worldbank: z.string().min(1).optional(),
  asOf: z.string().refine(isMonth, 'a month YYYY-MM').optional(),
});

const NO_RECORDS =
  'no track records are stored: import them with `guarantor import kiel DIR --save` (or POST /track-records)';

export function trackRecordRoutes(app: App, { store }: RouteDeps): void {
  app.get('/track-records', async (c) => {
    const latest = await store.latestTrackRecords();
    if (latest === undefined) return fail(c, 404, { code: 'NO_TRACK_RECORDS', message: NO_RECORDS });
    return c.json({ import: summary(latest), ...latest.document });
  });

  app.post('/track-records', async (c) => {
    const user = c.get('user');
    if (user.role !== 'host') return forbidden(c, 'only the host imports track records');
    const body = await readBody(c, trackRecordImportBody);
    if (!body.ok) return body.response;
    const { releaseInfo, dataExplorer, worldbank, asOf } = body.value;
    const imported = importKiel({ releaseInfo, dataExplorer }, asOf === undefined ? {} : { asOf });
    const gdp = worldbank === undefined ? undefined : readWorldBankGdp(worldbank, 'worldbank');
    const issues = [...imported.issues, ...(gdp?.issues ?? [])];
    const document = issues.some((i) => i.severity === 'error')
      ? undefined
      : trackRecordDocument(imported, gdp?.gdp);
    if (document === undefined) {
      const errors = issues.filter((i) => i.severity === 'error');
      const first = errors[0];
      const where =
        first === undefined
          ? ''
          : `${first.file}:${first.line}${first.column ? ` column ${first.column}` : ''}: `;
      return c.json(
        {
          error: {
            code: 'TRACK_IMPORT_INVALID',
            message: `${errors.length} error(s), nothing stored; the first: ${where}${first?.message ?? 'no records'}`,
            path: first === undefined ? '' : first.file,
          },
          issues,
        },
        400,
      );
    }
    const saved = await store.saveTrackRecords({ document, importedBy: user.name });
    return c.json(
      {
        import: summary(saved),
        totals: document.records.totals,
        donors: document.records.actors.length,
        worldbank: document.worldbank !== undefined,
        issues,
      },
      201,
    );
  });

  app.get('/plans/:id/track-records', async (c) => {
    const mapping = mappingQuery(c);
    if (!mapping.ok) return mapping.response;
    const current = await currentPlan(store, c.req.param('id'));
    if (current === undefined) return unknownPlan(c);
    const parsed = parseData(current.plan);
    if (!parsed.ok) return fail(c, 500, { code: 'INTERNAL', message: 'the stored plan does not parse' });
    const latest = await store.latestTrackRecords();
    if (latest === undefined) return fail(c, 404, { code: 'NO_TRACK_RECORDS', message: NO_RECORDS });
    const plan = parsed.value.plan;
    const { document } = latest;
    const proposals = proposeForPlan(plan, document.records, mapping.value, worldBankMap(document));
    const origin = { release: document.records.release, asOf: document.records.asOf };
    return c.json({
      planId: current.id,
      version: current.version,
      import: summary(latest),
      release: document.release,
      citation: KIEL_CITATION,
      source: kielSource(document.release),
      mapping: mapping.value,
      formula: `reliability proposed = ${mapping.value.floor} + (${mapping.value.ceiling} − ${mapping.value.floor}) × min(1, allocated ÷ committed)`,
      gdpProposed: gdpFitsPlan(plan) && document.worldbank !== undefined,
      actors: proposals.map((p) => ({ ...p, accept: acceptFor(p, origin) })),
    });
  });
}

/** The PATCH body's `changes` and `reason` that accept an actor's proposal; null without a proposal. */
function acceptFor(p: PlanProposal, origin: { release: number; asOf: string }) {
  const selected = selectAcceptances([p], [p.actor], true);
  if (!selected.ok) return null;
  const [a] = selected.value;
  if (a === undefined) return null;
  return {
    changes: { reliability: a.reliability.to, ...(a.gdp === undefined ? {} : { gdp: a.gdp.usd }) },
    reason: acceptanceReason(origin, a.deliveredRatio),
  };
}

function summary(stored: StoredTrackRecords) {
  return {
    id: stored.id,
    source: stored.source,
    release: stored.release,
    asOf: stored.asOf,
    importedAt: stored.importedAt.toISOString(),
    importedBy: stored.importedBy,
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** `?floor=&ceiling=`: numbers in [0, 1], floor ≤ ceiling; the defaults (0.3, 0.95) when absent. */
function mappingQuery(c: Context): Parsed<PriorMapping> {
  const values: Record<'floor' | 'ceiling', number> = { ...DEFAULT_PRIOR_MAPPING };
  for (const name of ['floor', 'ceiling'] as const) {
    const text = c.req.query(name);
    if (text === undefined) continue;
    const n = /^(0|1)(\.[0-9]+)?$|^\.[0-9]+$/.test(text) ? Number(text) : Number.NaN;
    if (!(n >= 0 && n <= 1)) {
      return {
        ok: false,
        response: fail(c, 400, {
          code: 'INVALID_QUERY',
          message: `${name} must be a number from 0 to 1 (got "${text}")`,
          path: name,
        }),
      };
    }
    values[name] = n;
  }
  const checked = checkPriorMapping(values);
  if (!checked.ok) {
    return {
      ok: false,
      response: fail(c, 400, { code: 'INVALID_QUERY', message: checked.error, path: 'floor' }),
    };
  }
  return { ok: true, value: checked.value };
}

/** The routes' operations (openapi.ts adds them): the body schema above, the answers' from response-schemas.ts. */
export function trackRecordOperations(): PathItems {
  const probability = (name: string, fallback: number) => ({
    name,
    in: 'query',
    required: false,
    description: `the prior mapping's ${name} (default ${fallback}): reliability = floor + (ceiling − floor) × min(1, allocated ÷ committed)`,
    schema: { type: 'number', minimum: 0, maximum: 1 },
  });
  return {
    '/track-records': {
      get: {
        summary:
          'the latest imported track records (Kiel Ukraine Support Tracker), with the release and donors',
        responses: {
          200: {
            description: '{ import, source, release, records, names, worldbank? }',
            body: trackRecordsAnswer,
          },
          ...errors(401, 404),
        },
      },
      post: {
        summary: "import Kiel's release_info.csv and data_explorer.csv (and the World Bank GDP table) (host)",
        requestBody: trackRecordImportBody,
        responses: {
          201: {
            description: 'stored: { import, totals, donors, worldbank, issues }',
            body: trackImportAnswer,
          },
          ...errors(401, 403, 413),
          400: {
            description:
              'a bad body, or an import with errors (nothing stored): { error, issues } with file, line and column',
            body: z.union([trackImportRefusal, errorBody]),
          },
        },
      },
    },
    '/plans/{id}/track-records': {
      get: {
        summary:
          "the plan's actors with their record, delivered ÷ committed, the proposed reliability (and missing GDP) and the PATCH that accepts it",
        parameters: [
          inPath('id'),
          probability('floor', DEFAULT_PRIOR_MAPPING.floor),
          probability('ceiling', DEFAULT_PRIOR_MAPPING.ceiling),
        ],
        responses: {
          200: {
            description: '{ planId, version, import, source, mapping, actors }',
            body: planTrackRecordsAnswer,
          },
          ...errors(400, 401, 404),
        },
      },
    },
  };
}

/** The routes' OpenAPI 3.1 path items (app.ts adds them to the document). */
export function trackRecordOpenApiPaths(): Record<string, object> {
  return pathItems(trackRecordOperations());
}
