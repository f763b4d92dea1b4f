// The check of notebooks/07-your-own-microdata.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { checkHeadlines } from 'jiuzhu/notebook';

const cli = jiuzhuCli(['compare', ...files, '--data', file, '--codebook', codebookFile, '--json', '--no-timestamp']) as Result;
const headline = (r: Result) => {
  const out: Record<string, number | string> = { dataset: r.meta.dataset.sha256 };
  for (const s of r.scenarios) {
    out[`${s.name} cost`] = s.summary.cost;
    out[`${s.name} recipients`] = s.summary.recipients;
    out[`${s.name} households`] = s.summary.households;
  }
  return out;
};
display.table(checkHeadlines(headline(result), headline(cli)), { caption: 'notebook = jiuzhu compare --json' });
