/**
 * The report's content from its data: six sections in the order of issue 6 (bottom line, who does what,
 * scenarios, attribution and burden sharing, sensitivity and failures, appendix) and the line that says
 * how to reproduce it (seed, trials, model version, the plan's SHA-256).
 */
import type { ReportData } from './report-data.js';
import type { ReportDocument } from './report-document.js';
import { appendixSection, type RunInfo } from './sections/appendix.js';
import { attributionSection } from './sections/attribution.js';
import { bottomLineSection } from './sections/bottom-line.js';
import { scenariosSection } from './sections/scenarios.js';
import { sensitivitySection } from './sections/sensitivity.js';
import { whoDoesWhatSection } from './sections/who-does-what.js';

export function buildDocument(data: ReportData, run: RunInfo): ReportDocument {
  const deep = data.deep.map((d) => d.variant);
  return {
    title: data.plan.title,
    meta: [
      `Briefing generated ${run.generated}`,
      `model v${run.model} · guarantor ${run.version}`,
      `seed ${run.seed} · ${run.trials.toLocaleString('en-GB')} trials`,
      `plan SHA-256 ${run.planSha256}`,
    ],
    sections: [
      bottomLineSection(data.assessment, deep),
      whoDoesWhatSection(data.plan, data.trackRecords),
      scenariosSection(data.plan, data.assessment, deep),
      attributionSection(data.plan, data.deep),
      sensitivitySection(data.deep),
      appendixSection(data.plan, run),
    ],
  };
}
