/** `jiuzhu validate`: check a microdata file (or dataset folder) and report what it holds. */
import { loadCodebook } from '../data/codebook.js';
import { loadDataset, resolveDatasetPath } from '../data/dataset.js';
import { PREFECTURES } from '../engine/locality.js';
import { parseEncoding, parseLang, printJson, type CommonOptions } from './common.js';
import { fmtInt, formatTable } from '../text/format.js';
import type { CliIo } from './io.js';

export async function validateCommand(file: string, options: CommonOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const codebook = options.codebook ? loadCodebook(options.codebook) : undefined;
  const ds = await loadDataset(resolveDatasetPath(file), { codebook, encoding: parseEncoding(options.encoding) });
  for (const w of ds.warnings) io.stderr.write(`warning: ${w}\n`);
  const pop = ds.population;
  let weighted = 0;
  let persons = 0;
  const byPref = new Map<number, number>();
  for (let h = 0; h < pop.nHouseholds; h++) {
    const size = pop.householdStart[h + 1]! - pop.householdStart[h]!;
    weighted += pop.weight[h]!;
    persons += pop.weight[h]! * size;
    const code = pop.household.prefecture?.[h] ?? 0;
    byPref.set(code, (byPref.get(code) ?? 0) + pop.weight[h]! * size);
  }
  const report = { file: ds.meta.files, sha256: ds.meta.sha256, households: pop.nHouseholds, persons: pop.nPersons, weightedHouseholds: weighted, weightedPersons: persons, warnings: ds.warnings.length };
  if (options.json) return printJson(io, report);
  const zh = lang === 'zh';
  io.stdout.write(`${zh ? '✓ 数据有效' : '✓ valid'}: ${ds.meta.files.join(', ')}\n`);
  io.stdout.write(`${zh ? '户数' : 'households'} ${fmtInt(pop.nHouseholds)}, ${zh ? '人数' : 'persons'} ${fmtInt(pop.nPersons)}; ${zh ? '加权' : 'weighted'} ${fmtInt(weighted)} / ${fmtInt(persons)}\n\n`);
  const rows = PREFECTURES.filter((p) => byPref.has(p.code)).map((p) => [`${p[lang]} ${p.code}`, fmtInt(byPref.get(p.code)!)]);
  io.stdout.write(`${formatTable([zh ? '市（州）' : 'Prefecture', zh ? '加权人数' : 'Weighted persons'], rows)}\n`);
}
