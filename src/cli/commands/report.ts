/**
 * `guarantor report PLAN --format html|md|pdf --out FILE`: the briefing a minister's staff hands on
 * before a summit (issue 6), from one run whose seed, trials, model version and plan SHA-256 are printed
 * on it. HTML is one self-contained page; Markdown writes its charts as SVG files in `FILE-charts/` next
 * to it; PDF is the HTML printed by Chromium (GUARANTOR_CHROMIUM, else /usr/bin/chromium).
 *
 * Everything that can be checked before the run is (format, --out, the browser, variants, track
 * records), so a bad request fails in a second, and a failure never leaves a partial file.
 */
import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Progress } from '../../core/engine/assess.js';
import { MODEL_VERSION } from '../../core/engine/result-types.js';
import { type ImportIssue, importKiel, type TrackRecords } from '../../core/track-records/kiel.js';
import { buildDocument } from '../../report/build-document.js';
import { planSha256 } from '../../report/plan-digest.js';
import { renderHtml } from '../../report/render-html.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { chromiumPath, renderPdf } from '../../report/render-pdf.js';
import { type ReportProgress, reportData } from '../../report/report-data.js';
import { reportDate } from '../../report/report-date.js';
import { runnerFor } from '../../runner/runner-for.js';
import { highsSolver } from '../../solver/highs-solver.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, writeErrorLines } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { progressSink } from '../progress.js';
import { emit, writeFileAtomically } from '../write-output.js';

export const REPORT_FORMATS = ['html', 'md', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFlags {
  readonly format: ReportFormat;
  readonly out?: string;
  readonly variant?: string[];
  readonly trials?: number;
  readonly seed?: number;
  readonly threads?: number;
  readonly kiel?: string;
  readonly set?: string[];
}

export async function reportCommand(
  path: string,
  flags: ReportFlags,
  io: CliIo,
  version: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ExitCode> {
  if (flags.format === 'pdf' && flags.out === undefined) {
    throw new CliError(
      ['error: --format pdf needs --out FILE (a PDF is not written to a terminal)'],
      ExitCode.usage,
    );
  }
  const date = reportDate(env, new Date());
  if (!date.ok) throw new CliError([`error: ${date.error}`], ExitCode.usage);
  if (flags.out !== undefined) await checkWritable(flags.out);
  const browser = chromiumPath(env);
  if (flags.format === 'pdf') await checkBrowser(browser);

  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const { plan } = loaded;
  const variants = [...new Set(flags.variant ?? [])];
  const known = plan.variants.map((v) => v.id);
  const unknown = variants.filter((v) => !known.includes(v));
  if (unknown.length > 0) {
    throw new CliError(
      [`error: unknown variant ${unknown.map((v) => `"${v}"`).join(', ')}; the plan has ${known.join(', ')}`],
      ExitCode.invalidInput,
    );
  }
  const trackRecords = flags.kiel === undefined ? undefined : await readKiel(flags.kiel, io);

  const data = await reportData(
    plan,
    {
      variants,
      ...(flags.trials === undefined ? {} : { trials: flags.trials }),
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      ...(trackRecords === undefined ? {} : { trackRecords }),
    },
    { runner: runnerFor(flags.threads), solver: highsSolver(), progress: stagedProgress(io) },
  );
  const { seed, trials } = data.assessment.settings;
  const doc = buildDocument(data, {
    model: MODEL_VERSION,
    version,
    seed,
    trials,
    planSha256: planSha256(plan),
    generated: date.value,
    command: reproduceCommand(path, flags),
  });

  switch (flags.format) {
    case 'html':
      await emit(io, renderHtml(doc), flags.out);
      break;
    case 'md':
      await writeMarkdown(io, doc, flags.out);
      break;
    case 'pdf': {
      const pdf = await renderPdf(renderHtml(doc), doc.title, browser);
      if (!pdf.ok) throw new CliError([`error: ${pdf.error}`], ExitCode.invalidInput);
      await writeFileAtomically(flags.out as string, pdf.value);
      break;
    }
    default:
      return flags.format satisfies never;
  }
  return ExitCode.ok;
}

/**
 * The command line that gives the same report from the same plan (its SHA-256 is printed next to it):
 * the flags as given; a seed or trial count not given comes from the plan's settings.
 */
function reproduceCommand(path: string, flags: ReportFlags): string {
  return [
    'guarantor report',
    path,
    ...(flags.variant ?? []).map((v) => `--variant ${v}`),
    ...(flags.set ?? []).map((s) => `--set ${s}`),
    ...(flags.kiel === undefined ? [] : [`--kiel ${flags.kiel}`]),
    ...(flags.seed === undefined ? [] : [`--seed ${flags.seed}`]),
    ...(flags.trials === undefined ? [] : [`--trials ${flags.trials}`]),
    `--format ${flags.format}`,
  ].join(' ');
}

/** One progress bar per stage (assess, attribute, sensitivity…) on stderr, like the other commands. */
function stagedProgress(io: CliIo): ReportProgress {
  return {
    stage(label) {
      let sink: ReturnType<typeof progressSink> | undefined;
      let total: number | undefined;
      return {
        onProgress(p: Progress) {
          // The sampled attribution learns its trial count from a pilot: a new total is a new bar.
          if (sink !== undefined && p.total !== total) sink.stop();
          if (sink === undefined || p.total !== total) sink = progressSink(io, { label });
          total = p.total;
          sink.onProgress(p);
        },
        stop: () => sink?.stop(),
      };
    },
  };
}

/** The folder of --out must exist and be writable, and --out must not be a folder. */
async function checkWritable(out: string): Promise<void> {
  const dir = dirname(out);
  try {
    await access(dir, constants.W_OK);
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    const reason = missing ? `no such directory ${dir}` : `${describeFsError(error)} (${dir})`;
    throw new CliError([`error: cannot write ${out}: ${reason}`], ExitCode.invalidInput);
  }
  const isDir = await stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDir) throw new CliError([`error: cannot write ${out}: it is a directory`], ExitCode.invalidInput);
}

async function checkBrowser(path: string): Promise<void> {
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new CliError(
      [
        `error: --format pdf needs Chromium, and there is none at ${path}`,
        'Install it (Debian/Ubuntu: apt-get install -y chromium) or set GUARANTOR_CHROMIUM to its path;',
        '--format html and --format md need no browser.',
      ],
      ExitCode.invalidInput,
    );
  }
}

/**
 * Markdown with --out: the charts go to a fresh `FILE-charts/` folder (built under a temporary name,
 * then renamed over the old one), then the .md file, atomically. Without --out: the text alone.
 */
async function writeMarkdown(io: CliIo, doc: Parameters<typeof renderHtml>[0], out: string | undefined) {
  if (out === undefined) {
    await emit(io, renderMarkdown(doc, undefined).text);
    return;
  }
  const chartsName = `${basename(out)}-charts`;
  const md = renderMarkdown(doc, chartsName);
  const chartsDir = join(dirname(out), chartsName);
  const temp = `${chartsDir}.${process.pid}.tmp`;
  try {
    await rm(temp, { recursive: true, force: true });
    await mkdir(temp);
    for (const [file, svg] of md.charts) await writeFileAtomically(join(temp, file), svg);
    await rm(chartsDir, { recursive: true, force: true });
    await rename(temp, chartsDir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof CliError) throw error;
    throw new CliError(
      [`error: cannot write ${chartsDir}: ${describeFsError(error)}`],
      ExitCode.invalidInput,
    );
  }
  await writeFileAtomically(out, md.text);
}

/** Kiel track records from DIR (release_info.csv, data_explorer.csv); errors stop, warnings are printed. */
async function readKiel(dir: string, io: CliIo): Promise<TrackRecords> {
  const read = async (name: string) => {
    const file = join(dir, name);
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new CliError([`error: cannot read ${file}: ${describeFsError(error)}`], ExitCode.invalidInput);
    }
  };
  const imported = importKiel({
    releaseInfo: await read('release_info.csv'),
    dataExplorer: await read('data_explorer.csv'),
  });
  const lines = imported.issues.map((i: ImportIssue) => {
    const where = `${join(dir, i.file)}:${i.line}${i.column === undefined ? '' : ` column ${i.column}`}`;
    return `${where}: ${i.severity}: ${i.message}`;
  });
  if (imported.records === undefined) throw new CliError(lines, ExitCode.invalidInput);
  await writeErrorLines(io, lines);
  return imported.records;
}
