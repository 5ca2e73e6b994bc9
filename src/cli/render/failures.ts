/**
 * The human form of `guarantor failures`: the baseline failure rate, then each rule ("when …;
 * otherwise when …") with its coverage, density and support, and how much of the failures the rules
 * explain together.
 */
import type { Failures } from '../../core/analyses/failures/failures.js';
import { formatCount, formatPercent, formatProbability, plural } from './format.js';
import { wrapText } from './wrap.js';

export function renderFailures(doc: Failures, maxWidth = 100): string {
  const lines = [
    `When does ${doc.scenario} fail? — variant ${doc.variant}`,
    `${formatCount(doc.trials)} trials · seed ${doc.seed} · it fails in ` +
      `${formatProbability(doc.failureRate, doc.ci95)} of trials (${formatCount(doc.failures)})`,
    '',
    ...body(doc, maxWidth),
  ];
  return `${lines.join('\n')}\n`;
}

function body(doc: Failures, maxWidth: number): string[] {
  if (doc.failures === 0) return ['It never fails in these trials: there is nothing to explain.'];
  if (doc.failures === doc.trials) {
    return ['It fails in every trial: no condition separates failure from success.'];
  }
  if (doc.rules.length === 0) {
    return wrapText(
      `No condition explains the failures better than chance (${plural(doc.features, 'condition')} ` +
        'tried: who honoured, which pledges were active, arrival days, backstop calls).',
      '',
      '',
      maxWidth,
    );
  }
  const out = [
    ...wrapText(
      `What the failing trials have in common: PRIM boxes over ${plural(doc.features, 'condition')} ` +
        '(who honoured; which pledges were active, i.e. honoured with their conditions met; the day ' +
        'forces arrive; whether a backstop was called), in the order found. Coverage: share of the ' +
        'failures a rule explains; density: how often the scenario fails when it applies; support: ' +
        'share of all trials. A rule counts only the trials the rules before it left.',
      '',
      '',
      maxWidth,
    ),
    '',
  ];
  doc.rules.forEach((rule, i) => {
    const head = `${i + 1}. ${i === 0 ? 'When' : 'Otherwise, when'} ${rule.text}`;
    out.push(...wrapText(head, '  ', '     ', maxWidth));
    out.push(
      `     coverage ${formatPercent(rule.coverage)} · density ${formatPercent(rule.density)} · ` +
        `support ${formatPercent(rule.support)}`,
    );
  });
  const last = doc.rules[doc.rules.length - 1];
  if (last !== undefined && doc.rules.length > 1) {
    out.push('', `Together the rules cover ${formatPercent(last.cumulativeCoverage)} of the failures.`);
  }
  return out;
}
