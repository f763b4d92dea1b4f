// The check of notebooks/02-raise-dibao-standard.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { jiuzhuCli, checkHeadlines } from 'jiuzhu/notebook';

const cli = jiuzhuCli(['compare', ...files, '--json', '--no-timestamp', ...data.cliArgs]) as Result;
const headline = (r: Result) => {
  const out: Record<string, number | string> = { dataset: r.meta.dataset.sha256 };
  for (const s of r.scenarios) {
    out[`${s.name} recipients`] = s.summary.recipients;
    out[`${s.name} coverage`] = s.summary.coverage;
    out[`${s.name} costAnnual`] = s.summary.costAnnual;
    out[`${s.name} povertyGapClosed`] = s.summary.distribution!.povertyGapClosed;
  }
  for (const d of r.deltas) out[`${d.scenario} Δ costAnnual`] = (d.summary['costAnnual'] as { absolute: number }).absolute;
  return out;
};
display.table(checkHeadlines(headline(result), headline(cli)), { caption: 'notebook = jiuzhu compare --json', limit: 100 });
