// The check of notebooks/06-charts-for-reports.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { jiuzhuCli, checkHeadlines } from 'jiuzhu/notebook';

for (const w of written) {
  const png = readFileSync(w.png);
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error(`${w.png} is not a PNG`);
  const svg = readFileSync(w.svg, 'utf8');
  if (!svg.startsWith('<svg')) throw new Error(`${w.svg} is not an SVG document`);
}
const chinese = /[\u4e00-\u9fff]/;
if (cjk && !written.some((w) => chinese.test(readFileSync(w.svg, 'utf8')))) throw new Error('a CJK font is installed but no chart has Chinese labels');
console.log(`ok: ${written.length} SVG and ${written.length} PNG files${cjk ? ', labelled in Chinese' : ''}`);

const cli = jiuzhuCli(['compare', ...files, '--period', `${period.from}:${period.to}`, '--json', '--no-timestamp', ...data.cliArgs]) as Result;
const headline = (r: Result) => {
  const out: Record<string, number | string> = { dataset: r.meta.dataset.sha256 };
  for (const s of r.scenarios) {
    out[`${s.name} cost`] = s.summary.cost;
    out[`${s.name} recipients`] = s.summary.recipients;
  }
  out['Δ costAnnual'] = (r.deltas[0]!.summary['costAnnual'] as { absolute: number }).absolute;
  return out;
};
display.table(checkHeadlines(headline(result), headline(cli)), { caption: 'notebook = jiuzhu compare --json' });
