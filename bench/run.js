// `npm run bench`: engine throughput on a generated large plan (issue target: 40 partners, 300 pledges,
// 6 scenarios, 180 days, 2 variants, 100,000 trials in under 4 s on 2 cores), and the example plan.
// Runs against dist/ (the script is called after `npm run build`). Prints figures; never fails on time.
// Then the HTTP load run (bench/load.js) and the dashboard's page speed and weight in Chromium
// (bench/page.js), and the briefing report (bench/report.js). BENCH_ONLY=engine|load|page|report runs one.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { BENCH_SIZE, generatePlan } from '../dist/bench/generate-plan.js';
import { normalizePlan } from '../dist/core/plan/normalize.js';
import { parsePlan } from '../dist/core/plan/parse-plan.js';
import { planSchema } from '../dist/core/plan/schema.js';
import { threadRunner } from '../dist/runner/thread-runner.js';

const threads = Number(process.env.BENCH_THREADS ?? availableParallelism());
const repeats = Number(process.env.BENCH_REPEATS ?? 3);

async function time(label, plan, options = {}) {
  const runner = threadRunner({ threads });
  const walls = [];
  let doc;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    doc = await runner.assess(plan, options);
    walls.push((performance.now() - t0) / 1000);
  }
  walls.sort((a, b) => a - b);
  const best = walls[0];
  const median = walls[Math.floor(walls.length / 2)];
  const trials = doc.settings.trials;
  const variants = doc.variants.length;
  const scenarioDays = doc.variants[0].scenarios.reduce((s, sc) => s + sc.horizonDays, 0);
  const std = trials * variants * scenarioDays;
  console.log(`${label}`);
  console.log(
    `  threads ${threads}, trials ${trials.toLocaleString('en')}, variants ${variants}, scenarios ${doc.variants[0].scenarios.length}, repeats ${repeats}`,
  );
  console.log(
    `  wall time   best ${best.toFixed(2)} s, median ${median.toFixed(2)} s (all: ${walls.map((w) => w.toFixed(2)).join(', ')})`,
  );
  console.log(`  trials/s    ${Math.round(trials / median).toLocaleString('en')}`);
  console.log(`  scenario-trial-days/s (× variants) ${(std / median / 1e6).toFixed(1)} M`);
  return { best, median, doc };
}

/** The engine, attribution and sensitivity figures (issues 1–3). */
async function engineBench() {
  const large = normalizePlan(planSchema.parse(generatePlan(BENCH_SIZE)));
  const big = await time(
    `Generated plan: ${BENCH_SIZE.partners} partners, ${BENCH_SIZE.pledges} pledges, ${BENCH_SIZE.scenarios} scenarios × ${BENCH_SIZE.horizonDays} days, 2 variants`,
    large,
  );
  console.log(
    `  target      < 4 s on 2 cores: ${big.median < 4 ? 'met' : 'NOT met'} (median ${big.median.toFixed(2)} s)`,
  );
  console.log(`  values      ${big.doc.variants.map((v) => `${v.id} ${v.value.toFixed(3)}`).join(', ')}`);

  const examplePath = new URL('../examples/ukraine-2025/plan.yaml', import.meta.url);
  const parsed = parsePlan(readFileSync(examplePath, 'utf8'), 'examples/ukraine-2025/plan.yaml');
  if (!parsed.ok) throw new Error('the example plan does not validate');
  await time('Example plan (examples/ukraine-2025/plan.yaml), its own settings', parsed.value.plan);

  // --- Attribution (issue 3): Shapley SE ≤ 0.005 for every actor of the example plan in ≤ 20 s on 2 cores.
  // Sampled estimator, trial count from a pilot run; it runs in one thread (see src/cli/commands/attribute.ts).
  {
    const { attribute } = await import('../dist/core/analyses/attribution/attribute.js');
    const attributionBench = (label, plan, variant, target) => {
      const t0 = performance.now();
      const doc = attribute(plan, { variant });
      const wall = (performance.now() - t0) / 1000;
      const a = doc.attribution[0];
      const top = [...a.actors].sort((x, y) => y.shapley - x.shapley).slice(0, 3);
      console.log(label);
      console.log(
        `  method ${a.method}, ${a.actors.length} players, ${a.trials.toLocaleString('en')} trials (${a.trialsFrom})`,
      );
      console.log(`  wall time   ${wall.toFixed(2)} s (one thread; includes the variant's own assessment)`);
      console.log(
        `  max Shapley SE ${a.maxSe.toFixed(4)}; max Owen SE ${Math.max(...a.actors.map((x) => x.owenSe)).toFixed(4)}`,
      );
      console.log(
        `  top         ${top.map((x) => `${x.actor} ${x.shapley.toFixed(3)} ± ${x.se.toFixed(3)}`).join(', ')}`,
      );
      if (target !== undefined) {
        const met = wall <= target && a.maxSe <= 0.005;
        console.log(`  target      SE ≤ 0.005 in ≤ ${target} s: ${met ? 'met' : 'NOT met'}`);
      }
    };
    attributionBench('Attribution: example plan, europe-us', parsed.value.plan, 'europe-us', 20);
    attributionBench(
      'Attribution: generated plan, 30 partners, 225 pledges, 6 scenarios × 180 days',
      normalizePlan(
        planSchema.parse(
          generatePlan({ partners: 30, pledges: 225, scenarios: 6, horizonDays: 180, trials: 20000 }),
        ),
      ),
      'all',
    );
  }

  // --- Sensitivity (issue 3): tornado of the example plan in ≤ 10 s on 2 cores. In-process, one thread:
  // ~75 runs of the variant on the same draws (see src/core/analyses/sensitivity/sensitivity.ts).
  {
    const { sensitivity } = await import('../dist/core/analyses/sensitivity/sensitivity.js');
    const sensitivityBench = (label, options, target) => {
      const t0 = performance.now();
      const doc = sensitivity(parsed.value.plan, { variant: 'europe-us', ...options });
      const wall = (performance.now() - t0) / 1000;
      const runs = 1 + 2 * doc.tornado.length + (doc.grid === null ? 0 : doc.grid.value.length ** 2);
      console.log(label);
      console.log(
        `  ${doc.tornado.length} parameters, ${runs} runs requested, ${doc.trials.toLocaleString('en')} trials each`,
      );
      console.log(`  wall time   ${wall.toFixed(2)} s (one thread)`);
      const top = doc.tornado.slice(0, 3).map((r) => `${r.label} ${r.swing.toFixed(3)} ± ${r.se.toFixed(3)}`);
      console.log(`  top swings  ${top.join(', ')}`);
      if (target !== undefined)
        console.log(`  target      ≤ ${target} s: ${wall <= target ? 'met' : 'NOT met'}`);
    };
    sensitivityBench('Sensitivity: tornado of the example plan, europe-us', { grid: false }, 10);
    sensitivityBench('Sensitivity: tornado and the USA × europe grid (the whole command)', {});
  }
}

const only = process.env.BENCH_ONLY;
if (only !== undefined && !['engine', 'load', 'page', 'report'].includes(only)) {
  throw new Error(`BENCH_ONLY must be engine, load, page or report, not ${only}`);
}
if (only === undefined || only === 'engine') await engineBench();
// The HTTP load run of issue 4.
if (only === undefined || only === 'load') await import('./load.js');
// The dashboard in Chromium (issue 5).
if (only === undefined || only === 'page') await import('./page.js');
// The briefing report (issue 6).
if (only === undefined || only === 'report') await import('./report.js');
