// The check of notebooks/05-targeting-and-take-up.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { jiuzhuCli, checkHeadlines } from 'jiuzhu/notebook';

// Without take-up and assessment error there is no targeting error (by definition of both errors).
if (!(p.inclusionError === 0 && p.exclusionError === 0)) throw new Error(`perfect targeting still has errors: ${JSON.stringify(p)}`);

const cli = jiuzhuCli(['compare', ...files, '--period', `${period.from}:${period.to}`, '--json', '--no-timestamp', ...data.cliArgs]) as Result;
const headline = (r: Result) => {
  const out: Record<string, number | string> = { dataset: r.meta.dataset.sha256 };
  for (const s of r.scenarios) {
    out[`${s.name} costAnnual`] = s.summary.costAnnual;
    out[`${s.name} recipients`] = s.summary.recipients;
    for (const [k, v] of Object.entries(targeting(s))) out[`${s.name} ${k}`] = v;
  }
  return out;
};
display.table(checkHeadlines(headline(result), headline(cli)), { caption: 'notebook = jiuzhu compare --json', limit: 100 });
