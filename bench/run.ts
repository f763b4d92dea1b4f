/**
 * `npm run bench`: the peer benchmark workloads.
 *
 *   npm run bench                   readable table (progress and warnings on stderr)
 *   npm run bench -- --json         JSON lines only: timings, ratios, peak memory
 *   npm run bench -- --only W1      one workload
 *   npm run bench -- --year-mode single|workers|main+worker
 *   npm run bench -- --workers N    worker threads for W2 (0: one thread; default: the cores available)
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { jsonLines, tableText } from './lib/report.js';
import { YEAR_MODES, type YearMode } from './w1/year.js';
import { WORKLOADS } from './workloads.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    'year-mode': { type: 'string' },
    workers: { type: 'string' },
  },
  allowPositionals: false,
});

const json = values.json === true;
const only = values.only?.toUpperCase();
if (only && !WORKLOADS.some((w) => w.id === only)) {
  process.stderr.write(`unknown workload '${values.only}' (known: ${WORKLOADS.map((w) => w.id).join(', ')})\n`);
  process.exit(2);
}
const yearMode = values['year-mode'] as YearMode | undefined;
if (yearMode !== undefined && !YEAR_MODES.includes(yearMode)) {
  process.stderr.write(`unknown year mode '${yearMode}' (known: ${YEAR_MODES.join(', ')})\n`);
  process.exit(2);
}

const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
if (!Number.isInteger(workers) || workers < 0) {
  process.stderr.write(`--workers must be a whole number ≥ 0 (0: one thread), not '${values.workers}'\n`);
  process.exit(2);
}

const warn = (m: string): void => { process.stderr.write(`warning: ${m}\n`); };
const progress = (m: string): void => { if (!json) process.stderr.write(`${m}\n`); };
const selected = WORKLOADS.filter((w) => !only || w.id === only);

if (!json) {
  process.stdout.write(`jiuzhu bench — Node ${process.version}, ${availableParallelism()} cores\n\n`);
}
for (const w of selected) {
  const result = await w.run({ yearMode, workers, warn, progress });
  if (json) for (const line of jsonLines(result)) process.stdout.write(`${line}\n`);
  else process.stdout.write(`${tableText(result)}\n\n`);
}
