/**
 * The jiuzhu command line as a function: `main(argv, io)` runs one command line and returns its
 * exit code, writing only to `io`. Each verb lives in its own file; this wires them to commander.
 * The binary (main.ts) calls it with the process's streams; tests call it in-process with buffers.
 */
import { Command, Option } from 'commander';
import { jiuzhuVersion } from '../scenarios/execution/run.js';
import { compareCommand } from './compare.js';
import { projectCommand } from './project.js';
import { reportError } from './errors.js';
import { clausesCommand } from './clauses.js';
import { explainCommand } from './explain.js';
import { paramsCommand } from './params.js';
import { validateCommand } from './validate.js';
import { calibrateReportCommand, generateCommand } from './generate.js';
import { solveCommand } from './solve.js';
import { complyCommand } from './comply.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { outcomesCommand } from './outcomes.js';
import { householdsCommand } from './households.js';
import { useChineseHelp, wantsChinese } from './help-zh.js';
import { processIo, type CliIo } from './io.js';

/** The commands, writing to `io`; `done` receives a command's exit code when it is not 0. */
function buildProgram(io: CliIo, done: (code: number) => void, argv: readonly string[]): Command {
const program = new Command();

program
  .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
  .name('jiuzhu')
  .description('救助 jiuzhu — simulate Jilin social assistance (吉政发〔2006〕48号) on population microdata')
  .version(jiuzhuVersion())
  .option('--debug', 'print stack traces of errors')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText('after', `
Exit codes: 0 success, 1 internal fault, 2 usage error, 3 bad input.
Examples:
  $ jiuzhu run scenarios/baseline-2006.yaml
  $ jiuzhu compare scenarios/baseline-2006.yaml scenarios/raise-standard-10pct.yaml --lang zh
  $ jiuzhu report scenarios/baseline-2006.yaml scenarios/raise-standard-10pct.yaml --out report --xlsx
  $ jiuzhu serve --port 8606
  $ jiuzhu project scenarios/dynamic-growth-2007-2015.yaml --real
  $ jiuzhu project scenarios/dynamic-growth-2007-2015.yaml --workers 2 --json
  $ jiuzhu explain scenarios/baseline-2006.yaml --household 4 --month 2006-06
  $ jiuzhu explain scenarios/baseline-2006.yaml --household 4 --program medical
  $ jiuzhu households scenarios/baseline-2006.yaml --receiving dibao --prefecture 延边 --limit 5
  $ jiuzhu solve scenarios/raise-standard-10pct.yaml --lever dibao.standard --objective budget-neutral --against scenarios/baseline-2006.yaml --period 2006-01:2006-03
  $ jiuzhu comply scenarios/baseline-2006.yaml --write /tmp/baseline-2006-compliant.yaml
  $ jiuzhu generate --households 20000 --seed 7 --out /tmp/jilin.parquet
  $ jiuzhu generate --full --out /tmp/jilin-full
  $ jiuzhu validate datasets/example-microdata/survey.csv --codebook datasets/example-microdata/codebook.yaml
  $ jiuzhu run scenarios/baseline-2006.yaml --data datasets/example-microdata/survey.csv --codebook datasets/example-microdata/codebook.yaml
  $ jiuzhu outcomes --lang zh
  $ jiuzhu clauses --lang zh
  $ jiuzhu params --date 2007-01-01 --json`);

const common = (cmd: Command): Command =>
  cmd
    .option('--json', 'print the result JSON (schemas/result.schema.json) on stdout')
    .addOption(new Option('--lang <lang>', 'language of tables').choices(['zh', 'en']).default('en'))
    .option('--data <path>', 'dataset to use instead of the scenario’s: a .csv/.arrow/.parquet file or a dataset folder')
    .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s (with --data)')
    .addOption(new Option('--encoding <enc>', 'text encoding of a CSV given with --data').choices(['utf8', 'gbk']))
    .option('--seed <n>', 'seed of the random generator (default: the scenario’s, else 1)')
    .option('--no-timestamp', 'leave meta.createdAt out, for byte-identical reruns');

/** Bootstrap intervals on run and compare. */
const withReplicates = (cmd: Command): Command =>
  cmd
    .option('--replicates <R>', 'add 90% intervals of cost, recipients, coverage and FGT from R seeded bootstrap replicates of households')
    .option('--level <p>', 'level of the intervals, with --replicates (default 0.9)')
    .option('--resimulate', 'with --replicates: run every replicate in full (exact when quotas or posts bind; R times slower) instead of re-weighting one run');

/** Worker threads on run and compare. */
const withWorkers = (cmd: Command): Command =>
  cmd.option('--workers <n>', 'simulate on n worker threads: a dataset in memory in fixed slices, a chunked one by chunk (results are the same bytes for any n)');

withWorkers(withReplicates(common(program.command('run').argument('<scenario>', 'scenario YAML file').description('run one scenario and print its summary'))
  .option('--period <from:to>', 'months to simulate, YYYY-MM:YYYY-MM (default: the scenario’s)')
  .option('--prefectures', 'also print the table by prefecture')
  .option('--months', 'also print the month-by-month table (entries, exits, price trigger, cost by component)')))
  .action((file: string, opts) => compareCommand([file], opts, io));

common(program.command('outcomes').argument('[scenario]', 'scenario YAML file (default: scenarios/baseline-2006.yaml)').description('compare the published outcome figures (calibration and validation) with a simulated scenario'))
  .option('--outcomes <file>', 'outcomes YAML (default: datasets/jilin-2006/outcomes.yaml)')
  .option('--period <from:to>', 'months to simulate, YYYY-MM:YYYY-MM (default: the scenario’s)')
  .action((file: string | undefined, opts) => outcomesCommand(file, opts, io));

withWorkers(withReplicates(common(program.command('compare').argument('<baseline>', 'baseline scenario').argument('<reform...>', 'one or more reform scenarios').description('run scenarios over one common period and show the differences'))
  .option('--period <from:to>', 'common period, YYYY-MM:YYYY-MM (default: the first scenario’s)')
  .option('--prefectures', 'also print the table by prefecture')
  .option('--months', 'also print the month-by-month table (entries, exits, price trigger, cost by component)')))
  .action((base: string, reforms: string[], opts) => compareCommand([base, ...reforms], opts, io));

program.command('report').argument('<scenarios...>', 'scenario YAML files: the baseline first, then reforms').description('run scenarios over one period and write a report folder: a self-contained index.html, tables as CSV (UTF-8 with BOM) and JSON, charts as SVG and PNG, and with --xlsx an Excel workbook; an earlier report there is replaced atomically')
  .requiredOption('--out <dir>', 'report folder (created; an earlier report in it is replaced only once the new one is complete)')
  .addOption(new Option('--lang <lang>', 'language of the report').choices(['zh', 'en']).default('en'))
  .option('--xlsx', 'also write report.xlsx, one sheet per table')
  .option('--print', 'also print the summary, programs and who-pays tables on stdout')
  .option('--period <from:to>', 'common period, YYYY-MM:YYYY-MM (default: the first scenario’s)')
  .option('--data <path>', 'dataset to use instead of the scenario’s: a .csv/.arrow/.parquet file or a dataset folder')
  .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s (with --data)')
  .addOption(new Option('--encoding <enc>', 'text encoding of a CSV given with --data').choices(['utf8', 'gbk']))
  .option('--seed <n>', 'seed of the random generator (default: the scenario’s, else 1)')
  .option('--no-timestamp', 'leave meta.createdAt out, for reproducible files')
  .option('--comply', 'add the cost-of-compliance table: for each failing check the least change of its lever and what it adds a year (jiuzhu comply for every scenario; many runs, so only when asked)')
  .action((files: string[], opts) => reportCommand(files, opts, io));

program.command('serve').argument('[scenarios...]', 'scenario YAML files to offer (default: every file of scenarios/; projections are left out)').description('serve the interactive scenario explorer on http://127.0.0.1:PORT/: sliders for the standards, take-up and classified top-ups, headline numbers and charts against the baseline, CSV/PNG downloads and the settings saved as a scenario YAML')
  .option('--port <P>', 'port on 127.0.0.1 (0: any free port)', '8606')
  .option('--baseline <scenario>', 'scenario the changes are measured against (default scenarios/baseline-2006.yaml)')
  .option('--period <from[:to]>', 'months of every run, YYYY-MM or YYYY-MM:YYYY-MM (default: each scenario’s own period, as jiuzhu run; fewer months are named on the page, never annualised)')
  .option('--data <path>', 'dataset to use instead of the baseline’s: a .csv/.arrow/.parquet file or a dataset folder (loaded once)')
  .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s (with --data)')
  .addOption(new Option('--encoding <enc>', 'text encoding of a CSV given with --data').choices(['utf8', 'gbk']))
  .option('--seed <n>', 'seed of the random generator (default: the baseline’s, else 1)')
  .option('--timeout <seconds>', 'longest a computation may take before it is stopped and answered 503 (default 600; a full year of the default dataset takes about 5 s)')
  .addOption(new Option('--lang <lang>', 'language the page opens in').choices(['zh', 'en']).default('en'))
  .action((files: string[], opts) => serveCommand(files, opts, io));

common(program.command('project').argument('<scenario>', 'scenario YAML file').description('project a scenario year by year: standards under the growth rule, uprated incomes, ageing and prices; cost by level of government against the budget'))
  .option('--from <YYYY>', 'first year (default: the first year of the scenario’s period)')
  .option('--to <YYYY>', 'last year (default: the last year of the scenario’s period)')
  .option('--real', 'money in constant prices of the first year (divided by the price index)')
  .option('--months-per-year <n>', '12: simulate every month; 1: January only, flows × 12 (fast, approximate)', '12')
  .option('--workers <n>', 'simulate the years on n worker threads (independent years: the same bytes for any n)')
  .option('--sensitivity', 'also the funding sensitivity of the last year: every funding assumption moved down and up alone, the five that move the gap most (a tornado with --report)')
  .option('--sensitivity-range <r>', 'relative range each assumption is moved by with --sensitivity', '0.25')
  .option('--report <dir>', 'also write a report folder of the projection (tables, charts, with --sensitivity the tornado)')
  .action((file: string, opts) => projectCommand(file, opts, io));

common(program.command('explain').argument('<scenario>', 'scenario YAML file').description('explain one household’s result: rules, inputs and every parameter with its value, date and reference'))
  .requiredOption('--household <id>', 'dataset household id')
  .option('--month <YYYY-MM>', 'month to explain (default: the first month of the scenario)')
  .option('--rule <id>', 'rule to explain', 'dibao_benefit')
  .option('--program <id>', 'explain every cost component of a program instead (dibao, medical, education, housing, …)')
  .option('--full', 'print the whole tree of rules, inputs and parameters instead of the summary (deciding comparisons first)')
  .action((file: string, opts) => explainCommand(file, opts, io));

common(program.command('households').argument('<scenario>', 'scenario YAML file').description('list example households receiving a program in a month, to explain one with jiuzhu explain --household'))
  .requiredOption('--receiving <program>', 'program the households receive: dibao, medical, education, housing, …')
  .option('--prefecture <code|name>', 'only this prefecture: a code (222400) or name (延边, 延边朝鲜族自治州, Yanbian)')
  .option('--month <YYYY-MM>', 'month (default: the first month of the scenario)')
  .option('--limit <n>', 'most households listed', '10')
  .action((file: string, opts) => householdsCommand(file, opts, io));

program.command('solve').argument('<scenario>', 'scenario YAML file').description('find the lever value (a parameter path, scaled or set) that meets an objective: a coverage of the poor, the most poverty gap closed within a budget, or the cost of another scenario')
  .requiredOption('--lever <path>', 'parameter path to move, e.g. dibao.standard (a branch scales every number under it)')
  .addOption(new Option('--objective <objective>', 'coverage-of-poor (with --target), gap-closed (with --budget) or budget-neutral (with --against)').choices(['coverage-of-poor', 'gap-closed', 'budget-neutral']).makeOptionMandatory())
  .option('--target <x>', 'coverage-of-poor: the coverage of the poor to reach, 0–1 (the lowest lever value reaching it)')
  .option('--budget <yuan>', 'gap-closed: the most the cost may be, yuan a year (cost over the period × 12 ÷ months)')
  .option('--against <scenario>', 'budget-neutral: the scenario whose cost to match over the same period, dataset and seed')
  .addOption(new Option('--mode <mode>', 'scale (multiply, default) or set (a number leaf)').choices(['scale', 'set']))
  .option('--min <x>', 'lowest lever value (default 0.5 for scale, 0 for set of a probability or share)')
  .option('--max <x>', 'highest lever value (default 3 for scale, 1 for set of a probability or share)')
  .option('--tol <x>', 'tolerance on the objective: absolute for coverage, relative for a cost (default 0.001)')
  .option('--xtol <x>', 'resolution of the lever (default: a thousandth of the range, rounded down to a power of ten)')
  .option('--grid <n>', 'grid points walked first for coverage-of-poor and gap-closed (default 6)')
  .option('--where <cells>', 'cells the lever changes, e.g. area=urban or prefecture=220100+220200 (default all)')
  .option('--from <YYYY-MM-DD>', 'first day the lever applies (default throughout)')
  .addOption(new Option('--cost <measure>', 'dibao: the §二 cost (summary.cost, default); all: every program’s cost, whoever pays').choices(['dibao', 'all']))
  .option('--period <from:to>', 'months of each run, YYYY-MM:YYYY-MM (default: the scenario’s; shorter is faster)')
  .option('--data <path>', 'dataset to use instead of the scenario’s: a .csv/.arrow/.parquet file or a dataset folder')
  .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s (with --data)')
  .addOption(new Option('--encoding <enc>', 'text encoding of a CSV given with --data').choices(['utf8', 'gbk']))
  .option('--seed <n>', 'seed of the random generator (default: the scenario’s, else 1)')
  .option('--write <file>', 'write the solved scenario as YAML (the input with one more override), validated by loading it back')
  .option('--name <name>', 'name of the written scenario (default: the file name)')
  .option('--json', 'print the solution and every iteration as JSON')
  .addOption(new Option('--lang <lang>', 'language of the report').choices(['zh', 'en']).default('en'))
  .action(async (file: string, opts) => done(await solveCommand(file, opts, io)));

program.command('comply').argument('<scenario>', 'scenario YAML file').description('for each check of the opinion the scenario fails, find with the solver the least change of the lever its clause names that makes it comply (§二.2: the classified top-up rates; §八.1: the floor of the wubao standards), and what it adds to the annual cost, by payer; --write saves the change as a scenario extending the input')
  .option('--write <file>', 'write the compliant scenario: it extends the input and adds one override per lever, validated by loading it back')
  .option('--name <name>', 'name of the written scenario (default: the file name)')
  .option('--period <from:to>', 'months of each run, YYYY-MM:YYYY-MM (default: the scenario’s; shorter is faster, but a check is then judged on those months only)')
  .option('--data <path>', 'dataset to use instead of the scenario’s: a .csv/.arrow/.parquet file or a dataset folder')
  .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s (with --data)')
  .addOption(new Option('--encoding <enc>', 'text encoding of a CSV given with --data').choices(['utf8', 'gbk']))
  .option('--seed <n>', 'seed of the random generator (default: the scenario’s, else 1)')
  .option('--json', 'print every failing check, its lever, value and added cost by payer as JSON')
  .addOption(new Option('--lang <lang>', 'language of the table').choices(['zh', 'en']).default('en'))
  .addHelpText('after', `
Each failing check and reading is solved alone: the least lever value at which its province and
area rows comply (prefecture rows are reported, not targeted); the added cost is a year of every
program's cost against the scenario's own, by payer. Then every change together is run once.
A check that reads parameters only (§八.1) is searched without runs; §二.2 takes about 15 runs.
Checks whose clause names no lever (§九.1, which sets no date; §十.2, a consistency check) are
listed without a change.

Examples:
  $ jiuzhu comply scenarios/baseline-2006.yaml --period 2006-01:2006-03
  $ jiuzhu comply scenarios/baseline-2006.yaml --write /tmp/baseline-2006-compliant.yaml --lang zh
  $ jiuzhu run /tmp/baseline-2006-compliant.yaml`)
  .action(async (file: string, opts) => done(await complyCommand(file, opts, io)));

program.command('validate').argument('<file>', 'a .csv/.arrow/.parquet file (one row per person) or a dataset folder').description('check microdata against the schema and report every problem with its file, row and column')
  .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s')
  .addOption(new Option('--encoding <enc>', 'text encoding of a CSV').choices(['utf8', 'gbk']))
  .option('--json', 'print the report as JSON')
  .addOption(new Option('--lang <lang>', 'language of the report').choices(['zh', 'en']).default('en'))
  .action((file: string, opts) => validateCommand(file, opts, io));

program.command('generate').description('generate a synthetic Jilin population (seeded, deterministic), raked to the published 2006 figures')
  .option('--year <year>', 'year of the calibration targets', '2006')
  .option('--households <n>', 'households to generate (default 100000; with --full, the whole province)')
  .option('--seed <n>', 'random seed', '1')
  .requiredOption('--out <path>', 'output: a .csv, .arrow or .parquet file; with --full, a folder of Arrow chunks')
  .option('--full', 'the whole province (about 9M households), streamed by prefecture into a chunked dataset')
  .option('--chunk-households <n>', 'with --full: most households per chunk (default 500000)')
  .action((opts) => generateCommand(opts, io));

program.command('calibrate-report').description('print the generated population against every calibration target')
  .option('--year <year>', 'year of the calibration targets', '2006')
  .option('--households <n>', 'households to generate', '100000')
  .option('--seed <n>', 'random seed', '20061218')
  .option('--json', 'print the report as JSON')
  .addOption(new Option('--lang <lang>', 'language of the table').choices(['zh', 'en']).default('en'))
  .action((opts) => calibrateReportCommand(opts, io));

program.command('clauses').argument('[scenario]', 'scenario YAML file: also say whether a run of it complies with each clause').description('list every clause of 吉政发〔2006〕48号 with its status (modelled, partly, out of scope) and the rules and parameters behind it; with a scenario, also whether that scenario complies with each clause checked')
  .option('--json', 'print the clause tree as JSON (with a scenario: and its compliance by clause)')
  .addOption(new Option('--lang <lang>', 'zh: lead phrases and Chinese labels; en: English glosses').choices(['zh', 'en']).default('en'))
  .option('--verbose', 'list every rule and parameter of a clause, and its notes')
  .option('--period <from:to>', 'with a scenario: months of the run, YYYY-MM:YYYY-MM (default: the scenario’s)')
  .option('--data <path>', 'with a scenario: dataset to use instead of the scenario’s')
  .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s (with --data)')
  .addOption(new Option('--encoding <enc>', 'text encoding of a CSV given with --data').choices(['utf8', 'gbk']))
  .action(async (file: string | undefined, opts) => clausesCommand(file, opts, io));

program.command('params').description('list every parameter with its value on a date, its unit and its source: a clause, a published statistic or a labelled assumption')
  .option('--date <YYYY-MM-DD>', 'date of the values (default: the opinion’s date, 2006-12-18)')
  .option('--json', 'print the table as JSON')
  .addOption(new Option('--lang <lang>', 'language of labels').choices(['zh', 'en']).default('en'))
  .option('--verbose', 'show every cell and the full references instead of cutting long columns')
  .action((opts) => paramsCommand(opts, io));

if (wantsChinese(argv, io.env)) useChineseHelp(program, io);

return program;
}

/**
 * Runs one command line (`argv` without node and the script, e.g. ['run', 'x.yaml']) and returns
 * its exit code: 0 success, 1 internal fault, 2 usage error, 3 bad input. Output goes to
 * `io.stdout` and `io.stderr` only. A different `io.cwd` or extra `io.env` are put in place for the
 * run and undone after it (the process has one of each: run one such call at a time).
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { ...processIo(), ...io };
  const debug = argv.includes('--debug');
  const cwd = process.cwd();
  const savedEnv = io.env ? new Map(Object.keys(io.env).map((k) => [k, process.env[k]] as const)) : undefined;
  let code = 0;
  try {
    if (full.cwd !== cwd) process.chdir(full.cwd);
    if (io.env) for (const [k, v] of Object.entries(io.env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    await buildProgram(full, (c) => { code = c; }, argv).parseAsync([...argv], { from: 'user' });
  } catch (e) {
    code = reportError(e, debug, full.stderr);
  } finally {
    if (process.cwd() !== cwd) process.chdir(cwd);
    if (savedEnv) for (const [k, v] of savedEnv) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
  return code;
}
