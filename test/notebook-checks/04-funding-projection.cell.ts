// The check of notebooks/04-funding-projection.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { jiuzhuCli, checkHeadlines } from 'jiuzhu/notebook';

const cli = jiuzhuCli(['project', file, '--months-per-year', '1', '--json', '--no-timestamp', ...data.cliArgs]) as { scenarios: { years: YearRow[] }[] };
const headline = (rows: readonly YearRow[]) => {
  const out: Record<string, number> = {};
  for (const y of rows) {
    out[`${y.year} cost`] = y.cost;
    out[`${y.year} recipients`] = y.recipients;
    out[`${y.year} budgetNeed`] = y.budgetNeed;
    out[`${y.year} fundingGap`] = y.fundingGap;
    for (const [level, v] of Object.entries(y.costByLevel)) out[`${y.year} ${level}`] = v;
  }
  return out;
};
display.table(checkHeadlines(headline(central.years), headline(cli.scenarios[0]!.years)), { caption: 'notebook = jiuzhu project --json', limit: 100 });
