/**
 * "What happens if they come by sea?": for one variant and one scenario (both in the URL), per domain the
 * power bands p10/p50/p90 against the requirement over the days, from the assess job the Overview runs
 * too, with markers on the median arrival day of the pledges that count in that domain.
 */
import { useMemo } from 'react';
import { type DomainArrivals, domainArrivals, findScenario } from '../../charts/pledge-arrivals';
import {
  type ArrivingPledge,
  type DomainBands,
  domainBands,
  quantityText,
  timelineOption,
} from '../../charts/timeline-chart';
import type { Assessment, ScenarioResult } from '../../core/engine/result-types';
import { ASSESS_REQUEST, holdsText } from '../assessment-view';
import { EChart } from '../charts/echart';
import { day, percent } from '../format';
import { JobProgress } from '../progress-bar';
import { navigate, useLocation } from '../router';
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
  const option = useMemo(() => timelineOption(bands, arrivals.markers), [bands, arrivals]);
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
