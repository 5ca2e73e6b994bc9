// The briefing report (issue 6): wall time of `guarantor report` on the example plan, as a user runs it
// (a new process each time: plan parsing, the analyses, chart rendering, and for PDF Chromium's start
// and print), and the size of what it writes. HTML and Markdown need no browser; PDF is skipped with a
// note when Chromium is missing. Prints figures; never fails on time.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './processes.js';

const PLAN = 'examples/ukraine-2025/plan.yaml';
const KIEL = '../shared/data/kiel-release29';
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const chromium = process.env.GUARANTOR_CHROMIUM ?? '/usr/bin/chromium';
const dir = await mkdtemp(join(tmpdir(), 'guarantor-bench-report-'));

const kb = (bytes) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

async function reportBench(format, extra = []) {
  const out = join(dir, `briefing.${format}`);
  const walls = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await cli(['report', PLAN, '--format', format, '--out', out, ...extra]);
    walls.push((performance.now() - t0) / 1000);
  }
  walls.sort((a, b) => a - b);
  const median = walls[Math.floor(walls.length / 2)];
  let size = statSync(out).size;
  const charts = `${out}-charts`;
  if (existsSync(charts)) for (const f of readdirSync(charts)) size += statSync(join(charts, f)).size;
  const label = `${format}${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`;
  console.log(
    `  ${label.padEnd(44)} median ${median.toFixed(1)} s (all: ${walls.map((w) => w.toFixed(1)).join(', ')}), ${kb(size)}`,
  );
}

console.log(
  `Briefing report: guarantor report ${PLAN} (example plan, its 20,000 trials; ${repeats} runs each)`,
);
try {
  await reportBench('html');
  await reportBench('md');
  if (existsSync(KIEL)) await reportBench('html', ['--kiel', KIEL]);
  else console.log(`  html --kiel: skipped (no Kiel data at ${KIEL})`);
  if (existsSync(chromium)) await reportBench('pdf');
  else console.log(`  pdf: skipped (no Chromium at ${chromium}; apt-get install -y chromium)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
