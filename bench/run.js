// `npm run bench`: engine throughput on a generated large plan (issue target: 40 partners, 300 pledges,
// 6 scenarios, 180 days, 2 variants, 100,000 trials in under 4 s on 2 cores), and the example plan.
// Runs against dist/ (the script is called after `npm run build`). Prints figures; never fails on time.
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
