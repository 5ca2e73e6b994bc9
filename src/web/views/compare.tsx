/**
 * Variants side by side: per scenario each variant's chance to hold, and every pair's paired difference
 * (same trials, same draws: MODEL.md §2 common random numbers) with its 95% interval and significance,
 * as a table and as a dot-and-interval chart. One compare job on the plan's current version.
 */
import { useMemo } from 'react';
import { intervalChartOption } from '../../charts/interval-chart';
import type { Comparison } from '../../core/analyses/compare/comparison';
import { EChart } from '../charts/echart';
import { type CompareTable, compareTable, type DifferenceCell, differenceSeries } from '../comparison-view';
import { percent } from '../format';
import { JobProgress } from '../progress-bar';
import { type OpenPlan, useSession } from '../session';
import { useJob } from '../use-job';
import './compare.css';

const COMPARE_REQUEST = { kind: 'compare', params: { pairs: 'all' } } as const;

export function CompareView() {
  const { plan } = useSession();
  const { status, retry } = useJob<Comparison>(plan?.id, plan?.version, COMPARE_REQUEST);
  if (plan === undefined) return <p className="muted">Loading the plan…</p>;
  return (
    <JobProgress status={status} label="Comparison" retry={retry}>
      {(doc) => <Compare doc={doc} plan={plan} jobId={status.state === 'done' ? status.jobId : ''} />}
    </JobProgress>
  );
}

function Compare({ doc, plan, jobId }: { doc: Comparison; plan: OpenPlan; jobId: string }) {
  const table = useMemo(() => compareTable(doc), [doc]);
  const option = useMemo(() => chartOption(table), [table]);
  const source =
    `compare job ${jobId} · plan ${plan.id} version ${plan.version} · ${doc.trials} trials · ` +
    `seed ${doc.seed} · model ${doc.model}`;
  return (
    <div className="compare">
      <section className="panel compare-table" aria-labelledby="compare-table-title">
        <h2 id="compare-table-title">Chance the defence holds, and the paired differences</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  scenario
                </th>
                <th scope="colgroup" colSpan={table.variants.length} className="group">
                  holds (95% interval)
                </th>
                <th scope="colgroup" colSpan={table.pairs.length} className="group">
                  paired difference (95% interval)
                </th>
              </tr>
              <tr>
                {table.variants.map((v) => (
                  <th scope="col" key={v} className="num">
                    {v}
                  </th>
                ))}
                {table.pairs.map((p) => (
                  <th scope="col" key={`${p.from}-${p.to}`} className="num">
                    {p.to} − {p.from}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.id} className={r.isValue ? 'value-row' : undefined}>
                  <th scope="row">{r.isValue ? 'value (weighted)' : r.id}</th>
                  {r.holds.map((h) => (
                    <td
                      key={h.variant}
                      className="num"
                      title={
                        h.ci95 === undefined
                          ? `Value of ${h.variant}: pHold weighted by scenario weight. From ${source}`
                          : `${r.id} under ${h.variant}: Wilson 95% interval. From ${source}`
                      }
                    >
                      {h.text}
                    </td>
                  ))}
                  {r.differences.map((d) => (
                    <DifferenceTd key={`${d.from}-${d.to}`} d={d} row={r.id} source={source} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="compare-chart-title">
        <h2 id="compare-chart-title">Paired differences, in percentage points</h2>
        <EChart
          label="Paired difference of the chance to hold between variants, per scenario, with 95% intervals"
          option={option}
          height={Math.max(280, 80 + 70 * table.rows.length)}
        />
      </section>
      <p className="source-note">
        From {source}, target {percent(doc.target)}. Differences are paired: both variants are evaluated on
        the same trials with the same draws, so their difference is measured far more precisely than either
        share. 95% interval: mean ± 1.96 · sd / √n of the per-trial differences (normal approximation);
        significant when it excludes 0. Points: percentage points of trials.
      </p>
    </div>
  );
}

function DifferenceTd({ d, row, source }: { d: DifferenceCell; row: string; source: string }) {
  const tone = !d.significant ? 'muted' : d.diff > 0 ? 'good' : 'bad';
  return (
    <td
      className={`num ${tone}`}
      title={`${row}: ${d.to} against ${d.from}, ${d.text}, 95% CI ${d.interval}; ${
        d.significant ? 'significant' : 'not significant'
      }. From ${source}`}
    >
      {d.text}
      {d.significant ? '' : ' (not significant)'}
      <span className="interval">{d.interval}</span>
    </td>
  );
}

function chartOption(table: CompareTable) {
  const series = differenceSeries(table);
  // No fixed extent: a value axis includes 0 (the reference) unless told otherwise.
  return intervalChartOption({
    rows: table.rows.map((r) => r.id),
    series: series.map((s) => ({
      name: s.name,
      points: s.points.map((p) => ({
        row: p.row,
        estimate: p.diff,
        lo: p.lo,
        hi: p.hi,
        tip: `${p.row}: ${p.text}`,
      })),
    })),
    reference: { value: 0, label: 'no difference' },
    axisName: 'difference (percentage points)',
    axisFormat: (x) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x))}`,
  });
}
