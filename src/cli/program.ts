/**
 * The command line: commands, options and their help. Each action delegates to a function in
 * commands/ and records its exit code; errors propagate to main.ts, which maps them.
 */
import { Command, Option } from '@commander-js/extra-typings';
import { POSTURES } from '../core/plan/index.js';
import { assessCommand } from './commands/assess.js';
import { attributeCommand, parseTargetSe } from './commands/attribute.js';
import { collectVariants, compareCommand } from './commands/compare.js';
import {
  dbExportCommand,
  dbImportCommand,
  dbLogCommand,
  dbMigrateCommand,
  parseAsOf,
} from './commands/db.js';
import { diffCommand } from './commands/diff.js';
import { failuresCommand } from './commands/failures.js';
import { importCsvCommand } from './commands/import-csv.js';
import { importKielCommand, parseMonth, parseProbability } from './commands/import-kiel.js';
import { parseAcceptList } from './commands/import-kiel-accept.js';
import { optimizeCommand } from './commands/optimize.js';
import { pledgesCommand } from './commands/pledges.js';
import { REPORT_FORMATS, reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { serveCommand } from './commands/serve.js';
import { timelineCommand } from './commands/timeline.js';
import { parseRole, userAddCommand, userListCommand, userTokenCommand } from './commands/user.js';
import { validateCommand } from './commands/validate.js';
import { workerCommand } from './commands/worker.js';
import type { ExitCode } from './exit-codes.js';
import { type CliIo, write } from './io.js';
import { collect, parsePort, parseSeed, parseThreads, parseTrials, parseWorkers } from './options.js';
import { setOption } from './set-option.js';

export interface Program {
  readonly command: Command;
  /** The exit code of the action that ran, once parsing has finished. */
  exitCode(): ExitCode | undefined;
}

const PLAN_ARGUMENT = 'a plan file (.yaml, .yml or .json), or - for stdin';

export function createProgram(io: CliIo, version: string): Program {
  let exitCode: ExitCode | undefined;
  const done = (code: ExitCode) => {
    exitCode = code;
  };
  const program = new Command('guarantor')
    .description('Plan and assess multinational security guarantees (Monte Carlo model, MODEL.md v1).')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void write(io.stdout, s),
      writeErr: (s) => void write(io.stderr, s),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Exit codes: 0 ok · 1 invalid input (plan, ids, files) · 2 usage · 70 internal error.

Examples:
  guarantor validate examples/ukraine-2025/plan.yaml
  guarantor pledges examples/ukraine-2025/plan.yaml --domain air
  guarantor assess examples/ukraine-2025/plan.yaml --variant europe-only --variant europe-us
  guarantor timeline examples/ukraine-2025/plan.yaml --scenario sea-odesa --variant europe-only
  guarantor report examples/ukraine-2025/plan.yaml --format pdf --out briefing.pdf`,
    );

  program
    .command('validate')
    .description('check a plan: a one-line summary, or every error with its file:line:col')
    .argument('<plan>', PLAN_ARGUMENT)
    .action(async (plan) => done(await validateCommand(plan, io)));

  program
    .command('schema')
    .description('print the JSON Schema of the plan format (guarantor schema > plan.schema.json)')
    .action(async () => done(await schemaCommand(io)));

  program
    .command('assess')
    .description('is it enough? run the Monte Carlo assessment: holds, shortfalls and gaps per variant')
    .argument('<plan>', PLAN_ARGUMENT)
    .option('--variant <id>', 'assess this variant (repeatable; default every variant)', collect)
    .option('--scenario <id>', 'only this scenario (repeatable; default every scenario)', collect)
    .option('--trials <n>', 'Monte Carlo trials, 1 … 10^7 (default settings.trials)', parseTrials)
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .option('--threads <n>', 'worker threads, 1 … 256 (default: the CPUs available)', parseThreads)
    .addOption(setOption())
    .option('--json', 'print the assessment document (MODEL.md §7) instead of tables')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (plan, flags) => done(await assessCommand(plan, flags, io)));

  program
    .command('pledges')
    .description('what each partner is ready to do, per domain: units, power, posture, conditions, sources')
    .argument('<plan>', PLAN_ARGUMENT)
    .option('--domain <domain>', 'only this domain (e.g. air)')
    .option('--actor <id>', 'only this actor (e.g. FRA)')
    .addOption(new Option('--posture <posture>', 'only this posture').choices(POSTURES))
    .option('--json', 'print the rows as JSON')
    .action(async (plan, flags) => done(await pledgesCommand(plan, flags, io)));

  program
    .command('timeline')
    .description('what happens day by day in one scenario: power against the requirement, arrivals')
    .argument('<plan>', PLAN_ARGUMENT)
    .requiredOption('--scenario <id>', 'the scenario (e.g. sea-odesa)')
    .option('--variant <id>', "the variant (default: the plan's first)")
    .option('--trials <n>', 'Monte Carlo trials, 1 … 10^7 (default settings.trials)', parseTrials)
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .addOption(setOption())
    .option('--json', 'print the timeline document instead of tables')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (plan, flags) => done(await timelineCommand(plan, flags, io)));

  program
    .command('compare')
    .description('with Europe alone, or only with the US? variants side by side, paired differences')
    .argument('<plan>', PLAN_ARGUMENT)
    .option(
      '--variants <ids>',
      'variants to compare, comma-separated; the first is the reference',
      collectVariants,
    )
    .addOption(
      new Option('--pairs <which>', 'compare each variant with the first, or every pair')
        .choices(['first', 'all'] as const)
        .default('first' as const),
    )
    .option('--trials <n>', 'Monte Carlo trials, 2 … 10^7 (default settings.trials)', parseTrials)
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .addOption(setOption())
    .option('--json', 'print the comparison document instead of sentences')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (plan, flags) => done(await compareCommand(plan, flags, io)));

  program
    .command('optimize')
    .description('who should fill the gaps, fairly? the cheapest fair use of spare capacity (MODEL.md §6)')
    .argument('<plan>', PLAN_ARGUMENT)
    .requiredOption('--variant <id>', 'the variant whose gaps to close (e.g. europe-only)')
    .option('--trials <n>', 'Monte Carlo trials, 1 … 10^7 (default settings.trials)', parseTrials)
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .option('--threads <n>', 'worker threads, 1 … 256 (default: the CPUs available)', parseThreads)
    .addOption(setOption())
    .option('--json', 'print the burden-sharing document (MODEL.md §7) instead of tables')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (plan, flags) => done(await optimizeCommand(plan, flags, io)));

  program
    .command('attribute')
    .description("whose pledge matters most? each actor's marginal, Shapley and Owen value (MODEL.md §5)")
    .argument('<plan>', PLAN_ARGUMENT)
    .requiredOption('--variant <id>', 'the variant to attribute (e.g. europe-us)')
    .addOption(
      new Option('--method <method>', 'all coalitions, or random orders (default: exact if cheap)').choices([
        'exact',
        'sampled',
      ] as const),
    )
    .option('--trials <n>', 'trials, 1 … 10^7 (default settings.trials; sampled: from a pilot)', parseTrials)
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .option('--target-se <x>', 'SE the pilot aims at for every actor (default 0.005)', parseTargetSe)
    .addOption(setOption())
    .option('--json', 'print the assessment document with attribution (MODEL.md §7) instead of tables')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (plan, flags) => done(await attributeCommand(plan, flags, io)));

  program
    .command('sensitivity')
    .description(
      'which assumptions matter? a tornado of reliabilities and settings, a grid with its tipping line',
    )
    .argument('<plan>', PLAN_ARGUMENT)
    .requiredOption('--variant <id>', 'the variant to test (e.g. europe-us)')
    .option(
      '--trials <n>',
      'trials per run, 1 … 10^7 (default 5000, or settings.trials if lower)',
      parseTrials,
    )
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .option('--grid <x,y>', 'grid axes: actor or bloc ids joined by +, or europe (= every other partner)')
    .option('--no-grid', 'the tornado only')
    .addOption(
      new Option('--rule <rule>', 'verdict of a grid cell: value ≥ target, or every scenario ≥ target')
        .choices(['value', 'every-scenario'] as const)
        .default('value' as const),
    )
    .addOption(setOption())
    .option('--json', 'print the sensitivity document instead of tables')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (plan, flags) => done(await sensitivityCommand(plan, flags, io)));

  program
    .command('failures')
    .description('when does it fail? the conditions that explain most failing trials of a scenario')
    .argument('<plan>', PLAN_ARGUMENT)
    .requiredOption('--variant <id>', 'the variant (e.g. europe-us)')
    .requiredOption('--scenario <id>', 'the scenario (e.g. land-north)')
    .option('--trials <n>', 'Monte Carlo trials, 1 … 10^7 (default settings.trials)', parseTrials)
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .addOption(setOption())
    .option('--json', 'print the failures document instead of text')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (plan, flags) => done(await failuresCommand(plan, flags, io)));

  program
    .command('report')
    .description('the briefing: bottom line, who does what, scenarios, attribution, sensitivity, sources')
    .argument('<plan>', PLAN_ARGUMENT)
    .addOption(
      new Option('--format <format>', 'html (one self-contained page), md, or pdf (printed by Chromium)')
        .choices(REPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option(
      '--out <file>',
      'write the report here (atomically); required for pdf; md also writes its charts as SVG to FILE-charts/',
    )
    .option(
      '--variant <id>',
      'report on this variant (repeatable; default every variant, the deep dive on the best-valued one)',
      collect,
    )
    .option(
      '--trials <n>',
      'trials for every analysis, 1 … 10^7 (default settings.trials; sensitivity at most 5000)',
      parseTrials,
    )
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .option('--threads <n>', 'worker threads, 1 … 256 (default: the CPUs available)', parseThreads)
    .option(
      '--kiel <dir>',
      "Kiel tracker data: each partner's aid delivered so far and a proposed reliability",
    )
    .addOption(setOption())
    .addHelpText(
      'after',
      `
The date printed is today (UTC), or SOURCE_DATE_EPOCH's for reproducible bytes. PDF needs Chromium:
/usr/bin/chromium, or the path in GUARANTOR_CHROMIUM.`,
    )
    .action(async (plan, flags) => done(await reportCommand(plan, flags, io, version)));

  const DB_OPTION = [
    '--db <url|dir>',
    'a postgres:// URL or a PGlite folder (default $DATABASE_URL, else .guarantor/)',
  ] as const;
  const db = program
    .command('db')
    .description('the pledge ledger: migrate, import a plan file, export a plan (as of a point), its log');
  db.command('migrate')
    .description('create or upgrade the ledger tables (idempotent)')
    .option(...DB_OPTION)
    .action(async (flags) => done(await dbMigrateCommand(flags, io)));
  db.command('import')
    .description('create a plan in the ledger from a plan file, one event per entity; prints its id')
    .argument('<plan>', 'a plan file (.yaml, .yml or .json)')
    .option(...DB_OPTION)
    .option('--who <name>', 'who is recorded as making the change (default: the OS user)')
    .option('--reason <text>', 'why (default: "imported from FILE")')
    .action(async (plan, flags) => done(await dbImportCommand(plan, flags, io)));
  db.command('export')
    .description('print a plan from the ledger as a plan file (YAML), now or as of an event or time')
    .argument('<plan-id>', 'the id printed by db import')
    .option(...DB_OPTION)
    .option('--as-of <seq|time>', 'the plan as of event SEQ or ISO time T (inclusive)', parseAsOf)
    .action(async (planId, flags) => done(await dbExportCommand(planId, flags, io)));
  db.command('log')
    .description("a plan's events: seq, time, who, kind, entity, reason, source")
    .argument('<plan-id>', 'the id printed by db import')
    .option(...DB_OPTION)
    .option('--json', 'print the events as JSON')
    .action(async (planId, flags) => done(await dbLogCommand(planId, flags, io)));

  program
    .command('diff')
    .description(
      'what did the summit change? who pledged, changed or withdrew what, and the value before → after',
    )
    .argument('<plan-id>', 'the id printed by db import')
    .requiredOption('--from <seq|time>', 'the earlier point: event SEQ or ISO time T (inclusive)', parseAsOf)
    .option('--to <seq|time>', 'the later point (default: the latest event)', parseAsOf)
    .option(...DB_OPTION)
    .option('--trials <n>', 'Monte Carlo trials per point, 1 … 10^7 (default settings.trials)', parseTrials)
    .option('--seed <s>', 'random seed, an integer ≥ 0 (default settings.seed)', parseSeed)
    .option('--threads <n>', 'worker threads, 1 … 256 (default: the CPUs available)', parseThreads)
    .option('--json', 'print the diff document instead of text')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (planId, flags) => done(await diffCommand(planId, flags, io)));

  program
    .command('serve')
    .description('the team server: HTTP API with roles over the ledger (until Ctrl-C)')
    .option('--port <n>', 'the TCP port (default 8080)', parsePort)
    .option('--host <addr>', 'the address to listen on (default 127.0.0.1)')
    .option(...DB_OPTION)
    .option('--plan <file>', 'import this plan file on first start, when the database has no plan')
    .option(
      '--workers <n>',
      'analysis jobs run at once in this process (default 1); 0 only enqueues them for `guarantor worker` (PostgreSQL)',
      parseWorkers,
    )
    .option(
      '--demo-users',
      'on a database without users: add host, two delegates and analyst, print their passwords',
    )
    .action(async (flags) => done(await serveCommand(flags, io)));

  const user = program.command('user').description('server users and their API tokens');
  user
    .command('add')
    .description('add a user and print a one-time password')
    .argument('<name>', 'the login name')
    .requiredOption('--role <role>', 'host, delegate or analyst', parseRole)
    .option('--actor <id>', "a delegate's actor (required for delegates)")
    .option(...DB_OPTION)
    .action(async (name, flags) => done(await userAddCommand(name, flags, io)));
  user
    .command('list')
    .description('the users: name, role, actor, created (never a password hash)')
    .option(...DB_OPTION)
    .action(async (flags) => done(await userListCommand(flags, io)));
  user
    .command('token')
    .description("make an API token for a user's scripts and print it (shown once)")
    .argument('<name>', 'the user the token acts as')
    .requiredOption('--label <text>', 'what the token is for (shown in token lists)')
    .option(...DB_OPTION)
    .action(async (name, flags) => done(await userTokenCommand(name, flags, io)));

  program
    .command('worker')
    .description('take analysis jobs from a PostgreSQL database and run them (until Ctrl-C)')
    .option(...DB_OPTION)
    .option(
      '--concurrency <n>',
      'jobs run at once, each in a worker thread, 1 … 256 (default 1)',
      parseThreads,
    )
    .action(async (flags) => done(await workerCommand(flags, io)));

  const importCmd = program.command('import').description('import track records (kiel) and pledges (csv)');
  importCmd
    .command('kiel')
    .description(
      'track records from the Kiel Ukraine Support Tracker: aid allocated and committed per donor, EUR bn',
    )
    .argument('<dir>', "the folder with Kiel's release_info.csv and data_explorer.csv")
    .option('--plan <file>', "also show each plan actor's record, a PROPOSED reliability and missing GDP")
    .option('--as-of <YYYY-MM>', "sum up to this month (default: the release's last month)", parseMonth)
    .option(
      '--prior-floor <p>',
      'proposed reliability when nothing committed was delivered (default 0.3)',
      parseProbability,
    )
    .option(
      '--prior-ceiling <p>',
      'proposed reliability when all was delivered (default 0.95)',
      parseProbability,
    )
    .option('--worldbank <file>', 'World Bank GDP table (default DIR/../worldbank-2024/gdp-population.csv)')
    .option('--json', 'print the track records as JSON')
    .option('--save', 'keep the import in the team database (the server and dashboard show it)')
    .option(...DB_OPTION)
    .option('--who <name>', 'with --save: who is recorded as importing (default: the OS user)')
    .option(
      '--accept <actors>',
      "accept these actors' proposals (USA,DEU or all) into a copy of --plan written to --out",
      parseAcceptList,
    )
    .option('--accept-gdp', 'with --accept: also set the World Bank GDP of accepted actors that have none')
    .option(
      '--out <file>',
      'with --accept: the plan copy to write (atomically; the same file to edit in place)',
    )
    .action(async (dir, flags) => done(await importKielCommand(dir, flags, io)));
  importCmd
    .command('csv')
    .description('pledges from a spreadsheet (CSV or XLSX) through a column mapping, as YAML')
    .argument('<file>', 'the table: a .csv (or .tsv) or an .xlsx file')
    .requiredOption(
      '--map <mapping>',
      'the column mapping (YAML; see examples/ukraine-2025/pledges-mapping.yaml)',
    )
    .option('--plan <file>', 'add the pledges to this plan and print the whole plan, validated')
    .option('--replace', "with --plan: replace the plan's pledges instead of adding to them")
    .option('--sheet <name>', "XLSX: the sheet to read (default: the mapping's sheet, else the first)")
    .option('--json', 'print JSON instead of YAML')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action(async (file, flags) => done(await importCsvCommand(file, flags, io)));

  return { command: program, exitCode: () => exitCode };
}
