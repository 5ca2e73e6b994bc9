/**
 * Section 2, who does what (DESIGN.md question 1): a partner × domain table of the nominal power each
 * partner pledges (core's pledge table: units × effect, withdrawn pledges left out) with its production
 * funding, and — given track records (`--kiel`) — what it has delivered so far and the reliability its
 * record proposes (core/track-records/prior.ts), next to the plan's own. Then every pledge with its
 * status and conditions.
 */
import { money, percent, units } from '../../charts/format.js';
import type { Plan } from '../../core/plan/types.js';
import type { ActorRecord, TrackRecords } from '../../core/track-records/kiel.js';
import { proposePrior } from '../../core/track-records/prior.js';
import { type PledgeRow, planDomains, pledgeTable } from '../../core/views/pledge-table.js';
import { type Block, paragraph, type Section, table } from '../report-document.js';

export function whoDoesWhatSection(plan: Plan, records: TrackRecords | undefined): Section {
  const rows = pledgeTable(plan).rows;
  const domains = planDomains(plan);
  const counted = rows.filter((r) => r.status !== 'withdrawn');
  const actors = plan.actors.filter((a) => rows.some((r) => r.actor === a.id));
  const byActor = new Map<string, ActorRecord>((records?.actors ?? []).map((r) => [r.actor, r]));
  const matrix = actors.map((a) => {
    const mine = counted.filter((r) => r.actor === a.id);
    const power = domains.map((d) => {
      const p = mine.filter((r) => r.domain === d).reduce((s, r) => s + r.power, 0);
      return p > 0 ? units(p) : '–';
    });
    const funding = fundingPerYear(mine);
    const base = [
      `${a.id} · ${a.name}`,
      ...power,
      funding > 0 ? `${money(funding, plan.currency)}/yr` : '–',
      String(new Set(mine.map((r) => r.pledge)).size),
    ];
    if (records === undefined) return base;
    return [...base, ...trackRecordCells(byActor.get(a.id), a.reliability, a.id === plan.protected)];
  });
  const head = ['partner', ...domains.map((d) => `${d} power`), 'production funding', 'pledges'];
  const trackHead = [
    'delivered so far: allocated (military) € bn',
    'committed € bn',
    'proposed reliability',
    'plan reliability',
  ];
  const blocks: Block[] = [
    paragraph(
      'Nominal power per domain: units × the capability’s effect, before reliability, bindingness and ' +
        'conditions (which the assessment applies). Withdrawn pledges are left out. Production pledges ' +
        'count the units their funding buys over the years of peace (MODEL.md §3).',
    ),
    table({
      head: records === undefined ? head : [...head, ...trackHead],
      rows: matrix,
      numeric: [...domains.map((_, i) => i + 1), domains.length + 1, domains.length + 2],
    }),
  ];
  if (records !== undefined) {
    blocks.push(
      paragraph(
        `Delivered so far: Kiel Ukraine Support Tracker, release ${records.release}, aid allocated and ` +
          `committed up to ${records.asOf}, EUR billions; allocated is all aid, military its military part. ` +
          'The proposed reliability maps delivered ÷ committed linearly onto 30–95% ' +
          '(core/track-records/prior.ts); it is a proposal only and was not used in this assessment.',
      ),
    );
  }
  blocks.push(table(pledgeListTable(plan, rows)));
  return { id: 'who-does-what', title: '2. Who does what', blocks };
}

function fundingPerYear(rows: readonly PledgeRow[]): number {
  const seen = new Set<string>();
  let sum = 0;
  for (const r of rows) {
    if (seen.has(r.pledge) || r.posture !== 'production') continue;
    seen.add(r.pledge);
    sum += r.fundingPerYear ?? 0;
  }
  return sum;
}

function trackRecordCells(
  record: ActorRecord | undefined,
  reliability: number,
  isProtected: boolean,
): string[] {
  const plan = isProtected ? '–' : percent(reliability);
  if (isProtected) return ['(the protected state)', '–', '–', plan];
  if (record === undefined) return ['no record', '–', '–', plan];
  const prior = proposePrior(record);
  return [
    `${bn(record.allocated)} (${bn(record.military)})`,
    bn(record.committed),
    prior === undefined ? '–' : `${percent(prior.prior)} (delivered ${percent(prior.deliveredRatio)})`,
    plan,
  ];
}

function bn(x: number): string {
  return x.toFixed(1);
}

/** One row per pledge (its domains joined), plan order by actor. */
function pledgeListTable(plan: Plan, rows: readonly PledgeRow[]) {
  const byPledge = new Map<string, PledgeRow[]>();
  for (const r of rows) byPledge.set(r.pledge, [...(byPledge.get(r.pledge) ?? []), r]);
  const out = [...byPledge.values()].map((group) => {
    const r = group[0] as PledgeRow;
    const conditions = [
      ...(r.requires.length > 0 ? [`only with ${r.requires.join(', ')}`] : []),
      ...(r.triggers === undefined ? [] : [`if ${r.triggers.join(' or ')}`]),
    ];
    return [
      r.pledge,
      r.actor,
      `${units(round1(r.units), r.unit)} (${r.capability})`,
      group.map((g) => (g.domain === null ? 'no effect' : `${g.domain} ${units(g.power)}`)).join(', '),
      r.posture === 'on-call' || r.posture === 'backstop' ? `${r.posture}, ${r.readinessDays} d` : r.posture,
      r.actor === plan.protected ? '(own forces)' : (r.bindingness ?? '–'),
      r.status,
      conditions.length === 0 ? '–' : conditions.join('; '),
      String(r.sources.length),
    ];
  });
  return {
    caption: 'Every pledge, by partner: what, where it adds power, posture, bindingness, status, conditions',
    head: ['pledge', 'partner', 'what', 'power', 'posture', 'bindingness', 'status', 'conditions', 'sources'],
    rows: out,
    numeric: [8],
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
