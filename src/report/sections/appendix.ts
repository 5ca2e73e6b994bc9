/**
 * Section 6, the appendix (DESIGN.md: every number can be traced): every source the plan cites, once,
 * with the pledges that cite it; every assumption — settings with their defaults resolved, the
 * bindingness table, actors' reliabilities and blocs, capability effects, scenario requirements,
 * variants, spare capacity — and how to reproduce the run.
 */
import { money, percent } from '../../charts/format.js';
import type { Plan, Source } from '../../core/plan/types.js';
import { type Block, type Cell, heading, paragraph, type Section, table } from '../report-document.js';

export interface RunInfo {
  readonly model: number;
  readonly version: string;
  readonly seed: number;
  readonly trials: number;
  readonly planSha256: string;
  readonly generated: string;
  /** How to reproduce this report: the CLI's command line, or the team server's job request. */
  readonly command: string;
  /**
   * Where the run came from when not the CLI (the team server: plan id, version, job id), printed above
   * the reproduce line; absent for the CLI, whose reproduce line says it all.
   */
  readonly origin?: string;
}

export interface CitedSource extends Source {
  readonly pledges: readonly string[];
}

/** Sources deduplicated by title, URL and date, in order of first citation. */
export function citedSources(plan: Plan): CitedSource[] {
  const byKey = new Map<string, { source: Source; pledges: string[] }>();
  for (const p of plan.pledges) {
    for (const s of p.sources) {
      const key = JSON.stringify([s.title, s.url ?? '', s.date ?? '']);
      const entry = byKey.get(key) ?? { source: s, pledges: [] };
      if (!entry.pledges.includes(p.id)) entry.pledges.push(p.id);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map((e) => ({ ...e.source, pledges: e.pledges }));
}

export function appendixSection(plan: Plan, run: RunInfo): Section {
  const sources = citedSources(plan);
  const { bindingness, ...settings } = plan.settings;
  const blocks: Block[] = [
    heading('Sources'),
    sources.length === 0
      ? paragraph('The plan cites no source.')
      : table({
          head: ['source', 'date', 'cited by'],
          rows: sources.map((s): Cell[] => [
            s.url === undefined ? s.title : { text: s.title, href: s.url },
            s.date ?? '–',
            s.pledges.join(', '),
          ]),
        }),
    heading('Settings (defaults resolved)'),
    table({
      head: ['setting', 'value'],
      rows: Object.entries(settings).map(([k, v]) => [k, String(v)]),
    }),
    heading('Bindingness: probability that an honouring partner honours a pledge'),
    table({
      head: ['bindingness', 'β'],
      rows: Object.entries(bindingness).map(([k, v]) => [k, String(v)]),
      numeric: [1],
    }),
    heading('Actors'),
    table({
      head: ['actor', 'name', 'bloc', 'reliability', 'GDP'],
      rows: plan.actors.map((a) => [
        a.id,
        a.name,
        a.bloc,
        a.id === plan.protected ? 'protected' : percent(a.reliability),
        a.gdp === undefined ? '–' : money(a.gdp, plan.currency),
      ]),
      numeric: [3, 4],
    }),
    heading('Capabilities'),
    table({
      head: ['capability', 'name', 'unit', 'effect per unit', 'unit cost', 'production per year'],
      rows: plan.capabilities.map((c) => [
        c.id,
        c.name,
        c.unit ?? '–',
        Object.entries(c.effect)
          .map(([d, e]) => `${d} ${e}`)
          .join(', ') || '–',
        c.unitCost === undefined ? '–' : money(c.unitCost, plan.currency),
        c.productionPerYear === undefined ? '–' : String(c.productionPerYear),
      ]),
    }),
    heading('Scenarios'),
    table({
      head: [
        'scenario',
        'title',
        'weight',
        'horizon',
        'tags',
        'threat (day: level)',
        'required ratio',
        'tolerance',
      ],
      rows: plan.scenarios.map((s) => [
        s.id,
        s.title,
        String(s.weight),
        `${s.horizonDays} days`,
        s.tags.join(', ') || '–',
        Object.entries(s.threat)
          .map(([d, pts]) => `${d} ${pts.map(([t, l]) => `${t}: ${l}`).join(', ')}`)
          .join('; '),
        record(s.requiredRatio),
        record(s.tolerance),
      ]),
    }),
    heading('Variants'),
    table({
      head: ['variant', 'partners', 'pledge statuses counted'],
      rows: plan.variants.map((v) => [
        v.id,
        [
          v.include === undefined ? 'all' : `only ${v.include.join(', ')}`,
          ...(v.exclude === undefined || v.exclude.length === 0 ? [] : [`without ${v.exclude.join(', ')}`]),
        ].join(', '),
        v.statuses.join(', '),
      ]),
    }),
    heading('Spare capacity (for burden sharing)'),
    plan.spare.length === 0
      ? paragraph('None declared.')
      : table({
          head: ['actor', 'capability', 'quantity'],
          rows: plan.spare.map((s) => [s.actor, s.capability, String(s.quantity)]),
          numeric: [2],
        }),
    heading('This run'),
    table({
      head: ['', ''],
      rows: [
        ['model', `MODEL.md v${run.model}`],
        ['guarantor', run.version],
        ['seed', String(run.seed)],
        ['trials', run.trials.toLocaleString('en-GB')],
        ['plan SHA-256 (canonical JSON)', run.planSha256],
        ['generated', run.generated],
        ...(run.origin === undefined ? [] : [['ran on', run.origin]]),
        ['reproduce', run.command],
      ],
    }),
  ];
  return { id: 'appendix', title: '6. Appendix: sources, assumptions, settings', blocks };
}

function record(r: Readonly<Record<string, number>>): string {
  return (
    Object.entries(r)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || '–'
  );
}
