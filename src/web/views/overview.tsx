/**
 * The guarantee at a glance: one assess job on the plan's current version (the plan's own trials and
 * seed), then per variant its value, each scenario's chance to hold with its 95% interval against the
 * target, the weakest scenario and the verdict in one sentence; below, the briefing to download
 * (briefing-button.tsx).
 */
import { useMemo } from 'react';
import { holdsChartOption } from '../../charts/holds-chart';
import type { Assessment } from '../../core/engine/result-types';
import {
  ASSESS_REQUEST,
  overviewModel,
  toneOf,
  type VariantSummary,
  variantScopeText,
} from '../assessment-view';
import { BriefingButton } from '../briefing-button';
import { EChart } from '../charts/echart';
import { percent, percentRange } from '../format';
import { JobProgress } from '../progress-bar';
import { type OpenPlan, useSession } from '../session';
import { useJob } from '../use-job';
import './overview.css';

const STANDING_TEXT = {
  above: 'reaches it',
  within: 'within noise',
  below: 'below',
} as const;

export function OverviewView() {
  const { plan } = useSession();
  const { status, retry } = useJob<Assessment>(plan?.id, plan?.version, ASSESS_REQUEST);
  if (plan === undefined) return <p className="muted">Loading the plan…</p>;
  return (
    <>
      <JobProgress status={status} label="Assessment" retry={retry}>
        {(doc) => <Overview doc={doc} plan={plan} jobId={status.state === 'done' ? status.jobId : ''} />}
      </JobProgress>
      <BriefingButton plan={plan} />
    </>
  );
}

/** "20000 trials · seed 1 · plan version 143 · job 3f… · model 1": where every figure comes from. */
export function provenance(doc: Assessment, plan: OpenPlan, jobId: string): string {
  return (
    `assess job ${jobId} · plan ${plan.id} version ${plan.version} · ${doc.settings.trials} trials ` +
    `(bands from ${doc.settings.bandsTrials}) · seed ${doc.settings.seed} · model ${doc.model}`
  );
}

function Overview({ doc, plan, jobId }: { doc: Assessment; plan: OpenPlan; jobId: string }) {
  const model = useMemo(() => overviewModel(doc), [doc]);
  const option = useMemo(() => holdsChartOption(doc.variants, model.target), [doc, model]);
  const source = provenance(doc, plan, jobId);
  return (
    <div className="overview">
      {model.headline === undefined ? null : (
        <p className="overview-headline" title={source}>
          {model.headline}
        </p>
      )}
      <div className="overview-variants">
        {model.variants.map((v) => (
          <VariantCard
            key={v.id}
            variant={v}
            target={model.target}
            scope={variantScopeText(plan.plan.variants?.find((x) => x.id === v.id))}
            source={source}
          />
        ))}
      </div>
      <section className="panel" aria-labelledby="overview-chart-title">
        <h2 id="overview-chart-title">Chance the defence holds, per scenario and variant</h2>
        <EChart
          label={`Chance each scenario holds per variant, with 95% intervals, against the ${percent(model.target)} target`}
          option={option}
          height={Math.max(260, 70 + 60 * (model.variants[0]?.scenarios.length ?? 1))}
        />
      </section>
      <p className="source-note">
        From {source}. Holds: share of trials in which every threatened domain of the scenario holds (MODEL.md
        §4), with its Wilson 95% interval. Value: the scenarios' pHold weighted by the plan's scenario
        weights. Verdict: ENOUGH when every interval is at or above the {percent(model.target)} target, NOT
        ENOUGH when some interval lies wholly below it, BORDERLINE otherwise.
      </p>
    </div>
  );
}

function VariantCard({
  variant,
  target,
  scope,
  source,
}: {
  variant: VariantSummary;
  target: number;
  scope: string;
  source: string;
}) {
  const headingId = `variant-${variant.id}`;
  return (
    <section className="panel variant-card" aria-labelledby={headingId}>
      <header className="variant-head">
        <h2 id={headingId}>{variant.id}</h2>
        <span className="muted">{scope}</span>
      </header>
      <p className="variant-value">
        value{' '}
        <strong
          data-testid={`value-${variant.id}`}
          title={`Value of ${variant.id}: the scenarios' chance to hold, weighted by scenario weight. From ${source}`}
        >
          {percent(variant.value)}
        </strong>{' '}
        <span
          className={`verdict ${toneOf(variant.verdict)}`}
          title={`Decision rule: core verdict at the ${percent(target)} target`}
        >
          {variant.label}
        </span>
      </p>
      <p className="variant-sentence">{capitalise(variant.detail)}</p>
      <table>
        <caption className="visually-hidden">Chance each scenario holds under {variant.id}</caption>
        <thead>
          <tr>
            <th scope="col">scenario</th>
            <th scope="col" className="num">
              holds (95% interval)
            </th>
            <th scope="col">against {percent(target)}</th>
          </tr>
        </thead>
        <tbody>
          {variant.scenarios.map((s) => (
            <tr key={s.id} className={s.id === variant.weakest?.id ? 'weakest' : undefined}>
              <th scope="row" title={s.title}>
                {s.id}
                {s.id === variant.weakest?.id ? <span className="muted"> (weakest)</span> : null}
              </th>
              <td
                className="num"
                title={`${s.title}: holds in ${percent(s.pHold)} of trials, Wilson 95% interval ${percentRange(s.ci95[0], s.ci95[1])}. From ${source}`}
              >
                {s.text}
              </td>
              <td className={toneOf(s.standing)}>{STANDING_TEXT[s.standing]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
