/**
 * Sensitivity (/app/sensitivity?variant=…): a `sensitivity` job's tornado (each assumption at its low and
 * high value, ranked by the swing of the variant's value) and its two-way grid of reliabilities (the US
 * against everyone else by default) with the tipping line where the verdict flips.
 */
import { useMemo } from 'react';
import { barChartHeight } from '../../charts/interval-bars';
import {
  axisTitle,
  gridOption,
  sePoints,
  type TornadoBar,
  tippingText,
  tornadoBars,
  tornadoOption,
} from '../../charts/sensitivity-charts';
import type { Sensitivity } from '../../core/analyses/sensitivity/sensitivity';
import { EChart } from '../charts/echart';
import { percent, points } from '../format';
import { JobProgress } from '../progress-bar';
import { type OpenPlan, useSession } from '../session';
import { useJob } from '../use-job';
import { useVariant, VariantSelect } from '../variant-select';
import './sensitivity.css';

export function SensitivityView() {
  const { plan } = useSession();
  const variant = useVariant(plan?.plan);
  if (plan === undefined) return <p className="muted">Loading the plan…</p>;
  return (
    <>
      <div className="view-controls">
        <VariantSelect plan={plan.plan} value={variant} view="/sensitivity" />
      </div>
      {variant === undefined ? (
        <p className="muted">The plan has no variant to analyse.</p>
      ) : (
        <SensitivityRun plan={plan} variant={variant} />
      )}
    </>
  );
}

function SensitivityRun({ plan, variant }: { plan: OpenPlan; variant: string }) {
  const { status, retry } = useJob<Sensitivity>(plan.id, plan.version, {
    kind: 'sensitivity',
    params: { variant },
  });
  return (
    <JobProgress status={status} label="Sensitivity" retry={retry}>
      {(doc) => (
        <SensitivityResult doc={doc} plan={plan} jobId={status.state === 'done' ? status.jobId : ''} />
      )}
    </JobProgress>
  );
}

function SensitivityResult({ doc, plan, jobId }: { doc: Sensitivity; plan: OpenPlan; jobId: string }) {
  const tornado = useMemo(() => tornadoBars(doc), [doc]);
  const tornadoChart = useMemo(() => tornadoOption(tornado, doc.base), [tornado, doc.base]);
  const gridChart = useMemo(() => (doc.grid === null ? undefined : gridOption(doc.grid)), [doc.grid]);
  const source = `sensitivity job ${jobId} · plan version ${plan.version} · ${doc.trials.toLocaleString('en-GB')} trials · seed ${doc.seed}`;
  return (
    <>
      <p>
        Value of <strong>{doc.variant}</strong> at the plan's assumptions:{' '}
        <strong>{percent(doc.base)}</strong> (target {percent(doc.target)}). Every run uses the same draws, so
        each swing is a paired difference.
      </p>
      <section className="panel" aria-labelledby="tornado-title">
        <h2 id="tornado-title">Which assumptions move the value</h2>
        <EChart
          option={tornadoChart}
          label={`Tornado: the value of ${doc.variant} with each assumption at its low and its high value, largest swing first`}
          height={barChartHeight(tornado.bars.length, true)}
        />
        <p className="source-note">
          Each assumption moved to a stated low and high value, the others kept (reliability ± 20 points,
          threat × 0.8 and × 1.2, settings as src/core/analyses/sensitivity/parameters.ts states them); bars
          are the change of the value from {percent(doc.base)}; hover for the values and the swing's standard
          error. {source}.
        </p>
        <details className="values-table">
          <summary>The tornado as a table</summary>
          <table>
            <thead>
              <tr>
                <th>assumption</th>
                <th>plan</th>
                <th>low → high</th>
                <th className="num">value at low</th>
                <th className="num">value at high</th>
                <th className="num">swing</th>
                <th className="num">SE of the swing</th>
              </tr>
            </thead>
            <tbody>
              {tornado.bars.map((b) => (
                <tr key={b.parameter}>
                  <td>{b.label}</td>
                  <td>{b.baseText}</td>
                  <td>
                    {b.lowText} → {b.highText}
                  </td>
                  <td className="num">{percent(b.valueLow)}</td>
                  <td className="num">{percent(b.valueHigh)}</td>
                  <td className="num">{points(b.swing).replace('+', '')}</td>
                  <td className="num">{sePoints(b.se)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <SwingList title="Swing below half a point of value:" rows={tornado.small} />
        <SwingList title="No effect at all (swing exactly 0):" rows={tornado.still} />
      </section>
      {doc.grid !== null && gridChart !== undefined && (
        <section className="panel" aria-labelledby="grid-title">
          <h2 id="grid-title">
            Where the verdict tips: {axisTitle(doc.grid.x)} × {axisTitle(doc.grid.y)}
          </h2>
          <EChart
            option={gridChart}
            label={`Two-way grid of the value of ${doc.variant} by ${axisTitle(doc.grid.x)} and ${axisTitle(doc.grid.y)}, with the tipping line`}
            height={420}
          />
          <p className="source-note">
            Cells: the value with the reliabilities moved (columns: {axisTitle(doc.grid.x)}; rows:{' '}
            {axisTitle(doc.grid.y)}: {doc.grid.y.actors.join(', ')}); ✓ where{' '}
            {doc.grid.rule === 'value'
              ? `the value reaches the target ${percent(doc.grid.target)}`
              : `every scenario holds in at least ${percent(doc.grid.target)} of trials`}
            . Dashed line: the tipping line, interpolated between the last cell that falls short and the first
            that reaches. {source}.
          </p>
          <h3>The tipping line</h3>
          <ul className="tipping-list">
            {tippingText(doc.grid).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function SwingList({ title, rows }: { title: string; rows: readonly TornadoBar[] }) {
  if (rows.length === 0) return null;
  return (
    <p className="muted">
      {title}{' '}
      {rows.map((r, i) => (
        <span
          key={r.parameter}
          title={`value ${percent(r.valueLow)} at ${r.lowText}, ${percent(r.valueHigh)} at ${r.highText}`}
        >
          {r.label} ({r.lowText} → {r.highText}){i < rows.length - 1 ? ', ' : ''}
        </span>
      ))}
    </p>
  );
}
