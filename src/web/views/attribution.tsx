/**
 * Attribution & gaps (/app/attribution?variant=…): who carries the variant's value (an `attribute` job:
 * Shapley values with 95% error bars, marginal values, Owen values by bloc, the efficiency check), what
 * is missing (the gaps of an `assess` job, in capability units) and who should fill it, fairly (an
 * `optimize` job: extra units, cost against fair share, the re-assessment with the proposal).
 */
import { useMemo, useState } from 'react';
import { costOption, costRows, reassessmentRows, signedMoney } from '../../charts/burden-chart';
import { money } from '../../charts/format';
import {
  barChartHeight,
  blocBars,
  efficiencyCheck,
  intervalBarOption,
  shapleyBars,
  valuePoints,
} from '../../charts/interval-bars';
import type { AttributionDocument } from '../../core/analyses/attribution/types';
import type { BurdenReport } from '../../core/analyses/burden/burden-report';
import type { Assessment } from '../../core/engine/result-types';
import { actorNames, capabilityInfo, gapRows, power } from '../attribution-view';
import { EChart } from '../charts/echart';
import { percent, units } from '../format';
import { JobProgress } from '../progress-bar';
import { type OpenPlan, useSession } from '../session';
import { useJob } from '../use-job';
import { useVariant, VariantSelect } from '../variant-select';
import './attribution.css';

export function AttributionView() {
  const { plan } = useSession();
  const variant = useVariant(plan?.plan);
  if (plan === undefined) return <p className="muted">Loading the plan…</p>;
  return (
    <>
      <div className="view-controls">
        <VariantSelect plan={plan.plan} value={variant} view="/attribution" />
      </div>
      {variant === undefined ? (
        <p className="muted">The plan has no variant to analyse.</p>
      ) : (
        <>
          <ShapleySection plan={plan} variant={variant} />
          <GapSection plan={plan} variant={variant} />
          <BurdenSection plan={plan} variant={variant} />
        </>
      )}
    </>
  );
}

function ShapleySection({ plan, variant }: { plan: OpenPlan; variant: string }) {
  const { status, retry } = useJob<AttributionDocument>(plan.id, plan.version, {
    kind: 'attribute',
    params: { variant },
  });
  return (
    <section className="panel" aria-labelledby="shapley-title">
      <h2 id="shapley-title">Who carries the value of {variant}</h2>
      <JobProgress status={status} label="Attribution" retry={retry}>
        {(doc) => <ShapleyResult doc={doc} plan={plan} jobId={status.state === 'done' ? status.jobId : ''} />}
      </JobProgress>
    </section>
  );
}

function ShapleyResult({ doc, plan, jobId }: { doc: AttributionDocument; plan: OpenPlan; jobId: string }) {
  const a = doc.attribution[0];
  const names = useMemo(() => actorNames(plan.plan), [plan.plan]);
  const bars = useMemo(() => (a === undefined ? [] : shapleyBars(a, names)), [a, names]);
  const blocs = useMemo(() => (a === undefined ? [] : blocBars(a)), [a]);
  const actorOption = useMemo(
    () => intervalBarOption(bars, { value: 'Shapley value', marker: 'marginal value' }),
    [bars],
  );
  const blocOption = useMemo(() => intervalBarOption(blocs, { value: 'Owen value' }), [blocs]);
  if (a === undefined) return <p className="muted">The document has no attribution.</p>;
  const check = efficiencyCheck(a);
  const exact = a.method === 'exact';
  const source = `attribute job ${jobId} · plan version ${plan.version} · ${a.trials.toLocaleString('en-GB')} trials (${a.trialsFrom === 'pilot' ? 'chosen by a pilot run' : 'as given'}) · seed ${doc.settings.seed}`;
  return (
    <>
      <p>
        Method: <strong>{exact ? 'exact' : 'sampled'}</strong>{' '}
        <span className="muted" title={a.reason}>
          ({a.reason})
        </span>
      </p>
      <p
        className={check.holds ? 'check good' : 'check bad'}
        title={`Σφ ${check.sumShapley} · v(N) ${check.vN} · v(∅) ${check.vEmpty} · residual ${check.residual}`}
      >
        Efficiency check: Σφ = {valuePoints(check.sumShapley)} = v(N) {percent(check.vN)} − v(∅){' '}
        {percent(check.vEmpty)} {check.holds ? '✓ holds' : `✗ off by ${valuePoints(check.residual)}`}
      </p>
      <h3>Shapley value per partner</h3>
      <EChart
        option={actorOption}
        label={`Shapley value of each partner of ${a.variant}, with 95% error bars and the marginal value`}
        height={barChartHeight(bars.length, true)}
      />
      <p className="source-note">
        Bars: Shapley value φ (MODEL.md §5), in points of the variant's value; error bars ± 1.96 ×{' '}
        {exact
          ? 'the trials’ standard error (every coalition is counted exactly)'
          : 'the standard error over trials and random orders of joining'}
        ; ◆ marginal value v(N) − v(N without the partner). {source}.
      </p>
      <details className="values-table">
        <summary>The values as a table</summary>
        <table>
          <thead>
            <tr>
              <th>partner</th>
              <th>bloc</th>
              <th className="num">Shapley</th>
              <th className="num">95% interval</th>
              <th className="num">share</th>
              <th className="num">marginal</th>
              <th className="num">Owen</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.id}>
                <td title={names.get(b.id) ?? b.id}>{b.id}</td>
                <td>{b.bloc}</td>
                <td className="num">{valuePoints(b.value)}</td>
                <td className="num">{b.se > 0 ? `${valuePoints(b.lo)} to ${valuePoints(b.hi)}` : '–'}</td>
                <td className="num">{b.share === undefined ? '–' : percent(b.share)}</td>
                <td className="num" title={`SE ${valuePoints(b.marginalSe)}`}>
                  {valuePoints(b.marginal)}
                </td>
                <td className="num">{valuePoints(b.owen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h3>Owen value by bloc</h3>
      <EChart
        option={blocOption}
        label={`Owen value of each bloc of ${a.variant}, with 95% error bars`}
        height={barChartHeight(blocs.length)}
      />
      <p className="source-note">
        Owen value: the Shapley value when each bloc joins as one (its members decide alike); a bloc's value
        is the sum of its members'. Error bars ± 1.96 × SE. {source}.
      </p>
    </>
  );
}

function GapSection({ plan, variant }: { plan: OpenPlan; variant: string }) {
  // The plan's own assessment (every variant, its trials and seed): the run the other views ask for too.
  const { status, retry } = useJob<Assessment>(plan.id, plan.version, { kind: 'assess', params: {} });
  const capabilities = useMemo(() => capabilityInfo(plan.plan), [plan.plan]);
  return (
    <section className="panel" aria-labelledby="gap-title">
      <h2 id="gap-title">Gaps of {variant}, in units</h2>
      <JobProgress status={status} label="Assessment" retry={retry}>
        {(doc) => {
          const v = doc.variants.find((x) => x.id === variant);
          if (v === undefined) return <p className="muted">The assessment has no variant {variant}.</p>;
          const rows = gapRows(v, capabilities);
          const target = percent(doc.settings.target);
          const jobId = status.state === 'done' ? status.jobId : '';
          return (
            <>
              <table className="gap-table">
                <thead>
                  <tr>
                    <th>scenario</th>
                    <th>domain</th>
                    <th className="num">holds</th>
                    <th className="num">gap (power)</th>
                    <th>the same gap in units of one capability</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.scenario}/${r.domain}`}>
                      <td title={r.title}>{r.scenario}</td>
                      <td>{r.domain}</td>
                      <td className="num" title={`pHold of the domain over ${doc.settings.trials} trials`}>
                        {percent(r.pHold)}
                      </td>
                      <td
                        className="num"
                        title={`least constant power that closes the domain in ${target} of trials (MODEL.md §4)`}
                      >
                        {r.power > 0 ? power(r.power) : 'none'}
                      </td>
                      <td>
                        {r.units.length === 0 ? (
                          <span className="muted">no gap at {target}</span>
                        ) : (
                          <ul className="gap-units">
                            {r.units.map((u) => (
                              <li
                                key={u.capability}
                                title={`${u.name}: power ${power(r.power)} ÷ its effect in ${r.domain}`}
                              >
                                {u.text} <span className="muted">({u.capability})</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="source-note">
                Gap: the {target} quantile (the plan's target) over trials of the least constant power that,
                added every day, keeps the domain's shortfall within its tolerance; one capability's units are
                that power ÷ its effect in the domain (MODEL.md §4, §7). assess job {jobId} · plan version{' '}
                {plan.version} · {doc.settings.trials.toLocaleString('en-GB')} trials · seed{' '}
                {doc.settings.seed}.
              </p>
            </>
          );
        }}
      </JobProgress>
    </section>
  );
}

function BurdenSection({ plan, variant }: { plan: OpenPlan; variant: string }) {
  const { status, retry } = useJob<BurdenReport>(plan.id, plan.version, {
    kind: 'optimize',
    params: { variant },
  });
  return (
    <section className="panel" aria-labelledby="burden-title">
      <h2 id="burden-title">Burden-sharing proposal for {variant}</h2>
      <JobProgress status={status} label="Burden sharing" retry={retry}>
        {(doc) => (
          <BurdenResult report={doc} plan={plan} jobId={status.state === 'done' ? status.jobId : ''} />
        )}
      </JobProgress>
    </section>
  );
}

function BurdenResult({ report, plan, jobId }: { report: BurdenReport; plan: OpenPlan; jobId: string }) {
  const [shown, setShown] = useState(false);
  const rows = useMemo(() => costRows(report), [report]);
  const option = useMemo(() => costOption(rows, report.currency), [rows, report.currency]);
  const capabilities = useMemo(() => capabilityInfo(plan.plan), [plan.plan]);
  const cur = (x: number) => money(x, report.currency);
  const s = report.settings;
  const source = `optimize job ${jobId} · plan version ${plan.version} · ${s.trials.toLocaleString('en-GB')} trials · seed ${s.seed} · ${report.solver.name}`;
  const paying = rows.filter((r) => r.cost > 0);
  return (
    <>
      {report.allocation.length === 0 ? (
        <p>
          {report.shadowPrices.length === 0 && report.infeasible.length === 0
            ? `Nothing to add: no scenario of ${report.variant} has a gap at ${percent(s.target)}.`
            : 'Nothing to add: spare capacity can close none of the gaps.'}
        </p>
      ) : (
        <>
          <p
            title={`objective = cost + λ × Σ|cost − fair share| (MODEL.md §6); solver status ${report.solver.status}`}
          >
            Total cost <strong>{cur(report.totalCost)}</strong>; unfairness Σ|cost − fair share|{' '}
            {cur(report.unfairness)} (λ = {s.fairness}); new units count at β({s.newPledgeBindingness}) ={' '}
            {s.beta} × reliability.
          </p>
          <table className="burden-table">
            <thead>
              <tr>
                <th>partner</th>
                <th>extra units</th>
                <th className="num">cost</th>
                <th className="num">fair share</th>
                <th className="num">difference</th>
              </tr>
            </thead>
            <tbody>
              {paying.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}</td>
                  <td>
                    {r.additions.map((x) => (
                      <div
                        key={x.capability}
                        title={`${capabilities.get(x.capability)?.name ?? x.capability}: ${cur(x.cost)}`}
                      >
                        {units(x.units, capabilities.get(x.capability)?.unit ?? '')}{' '}
                        <span className="muted">({x.capability})</span>
                      </div>
                    ))}
                  </td>
                  <td className="num">{cur(r.cost)}</td>
                  <td className="num" title={`${percent(r.gdpShare)} of the partners' GDP × the total cost`}>
                    {cur(r.fairShare)}
                  </td>
                  <td className="num">{signedMoney(r.difference, report.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Cost against fair share</h3>
          <EChart
            option={option}
            label={`Cost of the proposal against the GDP-fair share per partner of ${report.variant}`}
            height={barChartHeight(rows.length, true)}
          />
          <p className="source-note">
            Fair share: the partner's share of the partners' GDP × the total cost (MODEL.md §6); partners who
            add nothing are one row. {source}.
          </p>
        </>
      )}
      <h3>Gaps no spare capacity can close</h3>
      {report.infeasible.length === 0 ? (
        <p className="muted">None: the spare capacity the plan lists can close every gap.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>scenario</th>
              <th>domain</th>
              <th className="num">gap (power)</th>
              <th className="num">all spare units add</th>
            </tr>
          </thead>
          <tbody>
            {report.infeasible.map((g) => (
              <tr key={`${g.scenario}/${g.domain}`} className="bad">
                <td>{g.scenario}</td>
                <td>{g.domain}</td>
                <td className="num">{power(g.gap)}</td>
                <td className="num" title="expected power of every spare unit together">
                  {power(g.reachable)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.shadowPrices.length > 0 && (
        <>
          <h3>Shadow prices</h3>
          <table>
            <thead>
              <tr>
                <th>scenario</th>
                <th>domain</th>
                <th className="num">gap (power)</th>
                <th className="num">added (expected power)</th>
                <th className="num">price of one more unit of power</th>
              </tr>
            </thead>
            <tbody>
              {report.shadowPrices.map((p) => (
                <tr key={`${p.scenario}/${p.domain}`}>
                  <td>{p.scenario}</td>
                  <td>{p.domain}</td>
                  <td className="num">{power(p.gap)}</td>
                  <td className="num">{power(p.expectedPower)}</td>
                  <td
                    className="num"
                    title={
                      p.price === 0 ? 'does not bind: a larger gap of the same domain decides' : undefined
                    }
                  >
                    {cur(p.price)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="source-note">{report.solver.relaxation.note}</p>
        </>
      )}
      <p>
        <button type="button" className="primary" aria-expanded={shown} onClick={() => setShown((x) => !x)}>
          Assess this proposal
        </button>
      </p>
      {shown && (
        <div className="reassessment" aria-live="polite">
          <p>
            {report.reassessment.pledges.length === 0
              ? 'Nothing was added, so the plan stands as assessed.'
              : `The plan re-assessed with these ${report.reassessment.pledges.length} new pledges (${report.reassessment.pledges[0]?.posture}, ${report.reassessment.pledges[0]?.bindingness}, ${report.reassessment.pledges[0]?.status}), on the same draws:`}
          </p>
          <table className="reassessment-table">
            <thead>
              <tr>
                <th />
                <th>before</th>
                <th>with the proposal</th>
                <th className="num">change</th>
              </tr>
            </thead>
            <tbody>
              {reassessmentRows(report).map((r) => (
                <tr key={r.label} title={r.hover}>
                  <th scope="row">{r.label}</th>
                  <td>{r.before}</td>
                  <td>{r.after}</td>
                  <td className="num">{r.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="source-note">
            {report.reassessment.note} New pledges:{' '}
            {report.reassessment.pledges.map((p) => p.id).join(', ') || 'none'}. {source}.
          </p>
        </div>
      )}
    </>
  );
}
