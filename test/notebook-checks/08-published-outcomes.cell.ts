// The check of notebooks/08-published-outcomes.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { jiuzhuCli, checkHeadlines } from 'jiuzhu/notebook';

const cli = jiuzhuCli(['outcomes', '--json', '--no-timestamp', ...data.cliArgs]) as { rows: { id: string; simulated: number | null }[] };
const headline = (rs: readonly { id: string; simulated: number | null }[]) => Object.fromEntries(rs.filter((r) => r.simulated !== null).map((r) => [r.id, r.simulated!]));
display.table(checkHeadlines(headline(rows), headline(cli.rows)), { caption: 'notebook = jiuzhu outcomes --json', limit: 100 });
