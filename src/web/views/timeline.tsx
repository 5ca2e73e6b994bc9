/**
 * "What happens if they come by sea?": for one variant and one scenario (both in the URL), per domain the
 * power bands p10/p50/p90 against the requirement over the days, from the assess job the Overview runs
 * too, with markers on the median arrival day of the pledges that count in that domain.
 */
import { useMemo } from 'react';
import type { Assessment, ScenarioResult } from '../../core/engine/result-types';
import { ASSESS_REQUEST, holdsText } from '../assessment-view';
import { EChart, type EChartOption } from '../charts/echart';
import { day, percent, units } from '../format';
import { escapeHtml } from '../interval-chart';
import { JobProgress } from '../progress-bar';
import { navigate, useLocation } from '../router';
import {
  type ArrivalMarker,
  type ArrivingPledge,
  type DomainArrivals,
  type DomainBands,
  domainArrivals,
  domainBands,
  findScenario,
} from '../scenario-timeline';
import { type OpenPlan, useSession } from '../session';
import { useJob } from '../use-job';
import './timeline.css';

export function TimelineView() {
  const { plan } = useSession();
  const { status, retry } = useJob<Assessment>(plan?.id, plan?.version, ASSESS_REQUEST);
  if (plan === undefined) return <p className="muted">Loading the plan…</p>;
  return (
    <JobProgress status={status} label="Assessment" retry={retry}>
      {(doc) => <Timeline doc={doc} plan={plan} jobId={status.state === 'done' ? status.jobId : ''} />}
    </JobProgress>
  );
}

function Timeline({ doc, plan, jobId }: { doc: Assessment; plan: OpenPlan; jobId: string }) {
  const { path, query } = useLocation();
  const variants = doc.variants.map((v) => v.id);
  const scenarios = doc.variants[0]?.scenarios ?? [];
  const variantId = variants.includes(query.get('variant') ?? '')
    ? (query.get('variant') as string)
    : variants[0];
  const scenarioId = scenarios.some((s) => s.id === query.get('scenario'))
    ? (query.get('scenario') as string)
    : scenarios[0]?.id;
  const choose = (key: 'variant' | 'scenario', value: string) => {
    const next = new URLSearchParams(query);
    next.set(key, value);
    navigate(`${path}?${next.toString()}`, { replace: true });
  };
  const scenario =
    variantId === undefined || scenarioId === undefined
      ? undefined
      : findScenario(doc, variantId, scenarioId);
  const source =
    `assess job ${jobId} · plan ${plan.id} version ${plan.version} · bands from ${doc.settings.bandsTrials} ` +
    `of ${doc.settings.trials} trials · seed ${doc.settings.seed} · model ${doc.model}`;
  return (
    <div className="timeline">
      <div className="timeline-controls">
        <label>
          Variant
          <select value={variantId} onChange={(e) => choose('variant', e.target.value)}>
            {variants.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Scenario
          <select value={scenarioId} onChange={(e) => choose('scenario', e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.id})
              </option>
            ))}
          </select>
        </label>
      </div>
      {scenario === undefined || variantId === undefined ? (
        <p className="muted">The assessment has no such variant or scenario.</p>
      ) : (
        <ScenarioDays doc={doc} plan={plan} variantId={variantId} scenario={scenario} source={source} />
      )}
      <p className="source-note">
        From {source}. Bands: per day the 10th, 50th and 90th percentile of the domain's power over the
        trials, backstops included (MODEL.md §3–4); requirement: required ratio × threat. Markers: the median
        arrival day of each pledge the variant counts in this scenario and domain (declared readinessDays,
        from the plan at version {plan.version}); a backstop's day is estimated from the median path.
      </p>
    </div>
  );
}

function ScenarioDays({
  doc,
  plan,
  variantId,
  scenario,
  source,
}: {
  doc: Assessment;
  plan: OpenPlan;
  variantId: string;
  scenario: ScenarioResult;
  source: string;
}) {
  const domains = useMemo(
    () =>
      scenario.domains
        .filter((d) => d.threatened)
        .map((d) => ({
          bands: domainBands(d),
          pHold: d.pHold,
          arrivals: domainArrivals(
            plan.plan,
            variantId,
            scenario,
            d.domain,
            doc.settings.backstopTriggerDays,
          ),
        })),
    [doc, plan, variantId, scenario],
  );
  return (
    <>
      <p className="timeline-outcome" title={`Wilson 95% interval. From ${source}`}>
        Under <strong>{variantId}</strong> the defence holds in{' '}
        <strong>{holdsText(scenario.pHold, scenario.ci95)}</strong> of trials against “{scenario.title}”
        (target {percent(doc.settings.target)}; {scenario.horizonDays} days, {day(0)} to{' '}
        {day(scenario.horizonDays - 1)}).
      </p>
      {domains.map((d) => (
        <DomainPanel
          key={`${variantId}-${scenario.id}-${d.bands.domain}`}
          bands={d.bands}
          pHold={d.pHold}
          arrivals={d.arrivals}
          source={source}
        />
      ))}
    </>
  );
}

function DomainPanel({
  bands,
  pHold,
  arrivals,
  source,
}: {
  bands: DomainBands;
  pHold: number;
  arrivals: DomainArrivals;
  source: string;
}) {
  const option = useMemo(() => chartOption(bands, arrivals.markers), [bands, arrivals]);
  const count = arrivals.markers.reduce((n, m) => n + m.pledges.length, 0);
  const headingId = `domain-${bands.domain}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {bands.domain}{' '}
        <span
          className="muted"
          title={`Share of trials in which the ${bands.domain} domain holds. From ${source}`}
        >
          holds in {percent(pHold)} of trials
        </span>
      </h2>
      <EChart
        label={`${bands.domain}: power bands p10 to p90 and median against the requirement, by day, with pledge arrivals`}
        option={option}
        height={300}
      />
      <details>
        <summary>
          {count} {count === 1 ? 'pledge' : 'pledges'} add power to {bands.domain} within the horizon
          {arrivals.outside.length === 0 ? '' : `; ${arrivals.outside.length} more outside it`}
        </summary>
        <table className="arrivals">
          <thead>
            <tr>
              <th scope="col">arrives</th>
              <th scope="col">pledge</th>
              <th scope="col">actor</th>
              <th scope="col" className="num">
                quantity
              </th>
              <th scope="col">capability</th>
              <th scope="col">posture</th>
            </tr>
          </thead>
          <tbody>
            {arrivals.markers.flatMap((m) => m.pledges.map((p) => <ArrivalRow key={p.id} p={p} />))}
            {arrivals.outside.map((p) => (
              <ArrivalRow key={p.id} p={p} />
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function arrivalText(p: ArrivingPledge): string {
  if (p.day === undefined) return 'not called on the median path';
  return `${p.estimated ? '≈ ' : ''}${day(p.day)}`;
}

function quantityText(p: ArrivingPledge): string {
  return p.quantity === undefined ? 'from funding' : units(p.quantity, p.unit);
}

function ArrivalRow({ p }: { p: ArrivingPledge }) {
  const why =
    p.posture === 'backstop'
      ? `backstop: called after the power falls short for several days in a row, then ${p.readinessDays} days to arrive`
      : p.posture === 'on-call'
        ? `declared readiness ${p.readinessDays} days (median arrival)`
        : 'acts from day 0';
  return (
    <tr>
      <td title={why}>{arrivalText(p)}</td>
      <td>{p.id}</td>
      <td title={p.actorName}>{p.actor}</td>
      <td className="num">{quantityText(p)}</td>
      <td title={p.capabilityName}>{p.capability}</td>
      <td>{p.posture}</td>
    </tr>
  );
}

function pledgeLine(p: ArrivingPledge): string {
  return `${p.id} · ${p.actorName} (${p.actor}) · ${quantityText(p)} · ${p.capabilityName}`;
}

/** ECharts: the p10–p90 band stacked on p10, the median, the requirement, and arrival markers at 0. */
function chartOption(b: DomainBands, markers: readonly ArrivalMarker[]): EChartOption {
  const at = new Map<number, ArrivalMarker[]>();
  for (const m of markers) at.set(m.day, [...(at.get(m.day) ?? []), m]);
  const fmt = (x: number | undefined) => (x === undefined ? '–' : units(x));
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    legend: { top: 0, data: ['p10–p90', 'median (p50)', 'requirement', 'pledge arrivals'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const t = first?.dataIndex ?? 0;
        const lines = [
          `<strong>${escapeHtml(day(t))}</strong>`,
          `median ${fmt(b.p50[t])} (p10–p90 ${fmt(b.p10[t])}–${fmt(b.p90[t])})`,
          `requirement ${fmt(b.requirement[t])}`,
          ...(at.get(t) ?? []).flatMap((m) =>
            m.pledges.map(
              (p) => `${m.estimated ? '≈ arrives (backstop): ' : 'arrives: '}${escapeHtml(pledgeLine(p))}`,
            ),
          ),
        ];
        return lines.join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: b.days.map(String),
      name: 'day',
      nameLocation: 'middle',
      nameGap: 24,
      boundaryGap: false,
    },
    yAxis: { type: 'value', name: `${b.domain} power`, min: 0 },
    series: [
      {
        name: 'p10',
        type: 'line',
        data: [...b.p10],
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
      },
      {
        name: 'p10–p90',
        type: 'line',
        data: [...b.spread],
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(31, 95, 191, 0.22)' },
        itemStyle: { color: 'rgba(31, 95, 191, 0.5)' },
      },
      {
        name: 'median (p50)',
        type: 'line',
        data: [...b.p50],
        symbol: 'none',
        lineStyle: { width: 2, color: '#1f5fbf' },
        itemStyle: { color: '#1f5fbf' },
      },
      {
        name: 'requirement',
        type: 'line',
        data: [...b.requirement],
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: '#b3261e' },
        itemStyle: { color: '#b3261e' },
      },
      {
        name: 'pledge arrivals',
        type: 'scatter',
        symbol: 'triangle',
        symbolSize: 12,
        itemStyle: { color: '#1b7a3d' },
        data: markers.map((m) => ({
          value: [String(m.day), 0],
          itemStyle: m.estimated ? { color: '#a86500' } : {},
        })),
      },
    ],
  };
}
