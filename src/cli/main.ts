#!/usr/bin/env node
/** The jiuzhu command line. Each verb lives in its own file; this wires them to commander. */
import { Command, Option } from 'commander';
import { jiuzhuVersion } from '../scenarios/run.js';
import { compareCommand } from './compare.js';
import { reportError } from './errors.js';
import { clausesCommand } from './clauses.js';
import { explainCommand } from './explain.js';
import { paramsCommand } from './params.js';
import { validateCommand } from './validate.js';
import { calibrateReportCommand, generateCommand } from './generate.js';

// `jiuzhu … | head` closes stdout early: stop quietly instead of crashing with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command();
const debug = process.argv.includes('--debug');

program
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
  $ jiuzhu explain scenarios/baseline-2006.yaml --household 4 --month 2006-06
  $ jiuzhu explain scenarios/baseline-2006.yaml --household 4 --program medical
  $ jiuzhu generate --households 20000 --seed 7 --out /tmp/jilin.parquet
  $ jiuzhu generate --full --out /tmp/jilin-full
  $ jiuzhu validate datasets/example-microdata/survey.csv --codebook datasets/example-microdata/codebook.yaml
  $ jiuzhu run scenarios/baseline-2006.yaml --data datasets/example-microdata/survey.csv --codebook datasets/example-microdata/codebook.yaml
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

common(program.command('run').argument('<scenario>', 'scenario YAML file').description('run one scenario and print its summary'))
  .option('--period <from:to>', 'months to simulate, YYYY-MM:YYYY-MM (default: the scenario’s)')
  .option('--prefectures', 'also print the table by prefecture')
  .option('--months', 'also print the month-by-month table (entries, exits, price trigger, cost by component)')
  .action((file: string, opts) => compareCommand([file], opts));

common(program.command('compare').argument('<baseline>', 'baseline scenario').argument('<reform...>', 'one or more reform scenarios').description('run scenarios over one common period and show the differences'))
  .option('--period <from:to>', 'common period, YYYY-MM:YYYY-MM (default: the first scenario’s)')
  .option('--prefectures', 'also print the table by prefecture')
  .option('--months', 'also print the month-by-month table (entries, exits, price trigger, cost by component)')
  .action((base: string, reforms: string[], opts) => compareCommand([base, ...reforms], opts));

common(program.command('explain').argument('<scenario>', 'scenario YAML file').description('explain one household’s result: rules, inputs and every parameter with its value, date and reference'))
  .requiredOption('--household <id>', 'dataset household id')
  .option('--month <YYYY-MM>', 'month to explain (default: the first month of the scenario)')
  .option('--rule <id>', 'rule to explain', 'dibao_benefit')
  .option('--program <id>', 'explain every cost component of a program instead (dibao, medical, education, housing, …)')
  .action((file: string, opts) => explainCommand(file, opts));

program.command('validate').argument('<file>', 'a .csv/.arrow/.parquet file (one row per person) or a dataset folder').description('check microdata against the schema and report every problem with its file, row and column')
  .option('--codebook <file>', 'codebook YAML mapping your columns and codes onto jiuzhu’s')
  .addOption(new Option('--encoding <enc>', 'text encoding of a CSV').choices(['utf8', 'gbk']))
  .option('--json', 'print the report as JSON')
  .addOption(new Option('--lang <lang>', 'language of the report').choices(['zh', 'en']).default('en'))
  .action((file: string, opts) => validateCommand(file, opts));

program.command('generate').description('generate a synthetic Jilin population (seeded, deterministic), raked to the published 2006 figures')
  .option('--year <year>', 'year of the calibration targets', '2006')
  .option('--households <n>', 'households to generate (default 100000; with --full, the whole province)')
  .option('--seed <n>', 'random seed', '1')
  .requiredOption('--out <path>', 'output: a .csv, .arrow or .parquet file; with --full, a folder of Arrow chunks')
  .option('--full', 'the whole province (about 9M households), streamed by prefecture into a chunked dataset')
  .option('--chunk-households <n>', 'with --full: most households per chunk (default 500000)')
  .action((opts) => generateCommand(opts));

program.command('calibrate-report').description('print the generated population against every calibration target')
  .option('--year <year>', 'year of the calibration targets', '2006')
  .option('--households <n>', 'households to generate', '100000')
  .option('--seed <n>', 'random seed', '20061218')
  .option('--json', 'print the report as JSON')
  .addOption(new Option('--lang <lang>', 'language of the table').choices(['zh', 'en']).default('en'))
  .action((opts) => calibrateReportCommand(opts));

program.command('clauses').description('list every clause of 吉政发〔2006〕48号 with its status (modelled, partly, out of scope) and the rules and parameters behind it')
  .option('--json', 'print the clause tree as JSON')
  .addOption(new Option('--lang <lang>', 'zh: lead phrases and Chinese labels; en: English glosses').choices(['zh', 'en']).default('en'))
  .option('--verbose', 'list every rule and parameter of a clause, and its notes')
  .action((opts) => clausesCommand(opts));

program.command('params').description('list every parameter with its value on a date, its unit and its source: a clause, a published statistic or a labelled assumption')
  .option('--date <YYYY-MM-DD>', 'date of the values (default: the opinion’s date, 2006-12-18)')
  .option('--json', 'print the table as JSON')
  .addOption(new Option('--lang <lang>', 'language of labels').choices(['zh', 'en']).default('en'))
  .option('--verbose', 'show every cell and the full references instead of cutting long columns')
  .action((opts) => paramsCommand(opts));

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = reportError(e, debug);
}
