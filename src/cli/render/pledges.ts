/**
 * The human form of the pledge matrix (`guarantor pledges`): per actor and domain, what each pledge
 * brings (units, nominal power, the capability), how firm it is (posture, readiness, bindingness,
 * status, conditions) and where it is from (numbered sources, listed at the end with their dates).
 */
import type { Plan, Source } from '../../core/plan/types.js';
import type { PledgeRow, PledgeTable } from '../../core/views/pledge-table.js';
import { formatAmount, plural, truncate, width } from './format.js';
import { renderTable } from './table.js';
import { joinWrapped, wrapText } from './wrap.js';

const POSTURE_COLUMNS = ['in-place', 'on-call', 'backstop', 'production'] as const;

export function renderPledges(table: PledgeTable, plan: Plan, maxWidth = 100): string {
  const lines: string[] = [];
  if (plan.title !== '') lines.push(...wrapText(`Pledges — ${plan.title}`, '', '  ', maxWidth));
  lines.push(
    'power: nominal (units × effect per unit), before reliability, bindingness and conditions',
    '  (those are applied by `guarantor assess`)',
  );
  const sources = new SourceIndex();
  const idWidth = Math.min(28, Math.max(0, ...table.rows.map((r) => width(r.pledge))));
  const powerWidth = Math.max(0, ...table.rows.map((r) => width(formatAmount(r.power))));
  const detailIndent = ' '.repeat(4 + idWidth + 2 + powerWidth + 2);
  let actor: string | undefined;
  let domain: string | null | undefined;
  for (const [i, row] of table.rows.entries()) {
    if (row.actor !== actor) {
      actor = row.actor;
      domain = undefined;
      lines.push('', actorHeading(plan, row));
    }
    if (row.domain !== domain) {
      domain = row.domain;
      lines.push(`  ${domainHeading(table.rows, i)}`);
    }
    const id = width(row.pledge) > idWidth ? row.pledge : row.pledge.padEnd(idWidth);
    const head = `    ${id}  ${formatAmount(row.power).padStart(powerWidth)}  `;
    lines.push(
      head + truncate(`${quantity(row)} · ${row.capabilityName}`, Math.max(20, maxWidth - width(head))),
    );
    lines.push(...joinWrapped(details(row, plan, sources), ' · ', detailIndent, maxWidth));
  }
  if (table.rows.length > 0) {
    lines.push('', 'Totals by domain (nominal power; withdrawn pledges left out)');
    lines.push(...totalsTable(table));
    lines.push('', 'Sources');
    for (const [n, s] of sources.list().entries()) {
      const label = `  [${n + 1}] `;
      lines.push(...wrapText(sourceText(s), label, ' '.repeat(width(label)), maxWidth));
    }
  }
  return `${lines.join('\n')}\n`;
}

function actorHeading(plan: Plan, row: PledgeRow): string {
  const actor = plan.actors.find((a) => a.id === row.actor);
  if (row.actor === plan.protected)
    return `${row.actor}  ${row.actorName} · protected state (always honours)`;
  const reliability = actor === undefined ? '' : ` · reliability ${actor.reliability}`;
  return `${row.actor}  ${row.actorName} · bloc ${actor?.bloc ?? row.actor}${reliability}`;
}

/** `air: 24 power from 2 pledges` for the actor's rows in this domain. */
function domainHeading(rows: readonly PledgeRow[], start: number): string {
  const first = rows[start] as PledgeRow;
  let power = 0;
  let n = 0;
  for (let i = start; i < rows.length; i++) {
    const r = rows[i] as PledgeRow;
    if (r.actor !== first.actor || r.domain !== first.domain) break;
    n++;
    if (r.status !== 'withdrawn') power += r.power;
  }
  if (first.domain === null) return `no effect in any domain: ${plural(n, 'pledge')}`;
  return `${first.domain}: ${formatAmount(power)} power from ${plural(n, 'pledge')}`;
}

/** `2 × squadron`, `150 × howitzer`. */
function quantity(row: PledgeRow): string {
  return `${formatAmount(row.units)} × ${row.unit ?? row.capability}`;
}

function details(row: PledgeRow, plan: Plan, sources: SourceIndex): string[] {
  const parts: string[] = [];
  switch (row.posture) {
    case 'in-place':
      parts.push('in place');
      break;
    case 'on-call':
    case 'backstop':
      parts.push(`${row.posture}, ready in ${plural(row.readinessDays, 'day')}`);
      break;
    case 'production': {
      const money =
        row.fundingPerYear === undefined ? 'no funding' : funding(row.fundingPerYear, plan.currency);
      parts.push(`production: ${money} a year × ${plural(plan.settings.yearsOfPeace, 'year')} of peace`);
      break;
    }
    default:
      row.posture satisfies never;
  }
  parts.push(row.bindingness ?? 'own forces');
  parts.push(row.status);
  if (row.triggers !== undefined) {
    parts.push(row.triggers.length === 0 ? 'triggered by no scenario' : `if ${row.triggers.join(', ')}`);
  }
  if (row.requires.length > 0) parts.push(`requires ${row.requires.join(', ')}`);
  parts.push(
    row.sources.length === 0
      ? 'no source'
      : `source ${row.sources.map((s) => `[${sources.number(s)}]`).join('')}`,
  );
  return parts;
}

/** `USD 350M`, `EUR 1.2B`. */
function funding(amount: number, currency: string | undefined): string {
  const scaled =
    amount >= 1e9
      ? `${formatAmount(amount / 1e9)}B`
      : amount >= 1e6
        ? `${formatAmount(amount / 1e6)}M`
        : formatAmount(amount);
  return currency === undefined ? scaled : `${currency} ${scaled}`;
}

function totalsTable(table: PledgeTable): string[] {
  const postures = POSTURE_COLUMNS.filter((p) => table.totals.some((t) => (t.byPosture[p] ?? 0) > 0));
  const rows = table.totals.map((t) => [
    t.domain,
    formatAmount(t.power),
    String(t.pledges),
    ...postures.map((p) => (t.byPosture[p] === undefined ? '—' : formatAmount(t.byPosture[p]))),
  ]);
  return renderTable(
    [
      { header: 'domain' },
      { header: 'power', align: 'right' },
      { header: 'pledges', align: 'right' },
      ...postures.map((p) => ({ header: p, align: 'right' as const })),
    ],
    rows,
    { indent: '  ' },
  );
}

function sourceText(s: Source): string {
  return s.date === undefined ? s.title : `${s.title} (${s.date})`;
}

/** Numbers sources in order of first use; the same title, url and date is the same source. */
class SourceIndex {
  readonly #numbers = new Map<string, number>();
  readonly #sources: Source[] = [];

  number(s: Source): number {
    const key = JSON.stringify([s.title, s.url ?? '', s.date ?? '']);
    let n = this.#numbers.get(key);
    if (n === undefined) {
      this.#sources.push(s);
      n = this.#sources.length;
      this.#numbers.set(key, n);
    }
    return n;
  }

  list(): readonly Source[] {
    return this.#sources;
  }
}
