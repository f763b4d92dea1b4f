// The check of notebooks/01-quickstart.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { jiuzhuCli, checkHeadlines } from 'jiuzhu/notebook';

// The explanation is the computation itself: its top value is the household's benefit.
if (paid < 0) throw new Error(`no household is paid dibao in ${month}`);
if (tree.value !== benefit[paid]) throw new Error(`explain gives ${tree.value}, the column ${benefit[paid]}`);

const cli = jiuzhuCli(['run', 'scenarios/baseline-2006.yaml', '--json', '--no-timestamp', ...data.cliArgs]) as Result;
const headline = (r: Result) => {
  const s = r.scenarios[0]!;
  return {
    dataset: r.meta.dataset.sha256,
    recipients: s.summary.recipients,
    households: s.summary.households,
    coverage: s.summary.coverage,
    cost: s.summary.cost,
    averageSubsidy: s.summary.averageSubsidy,
    'programs.dibao.cost': s.programs['dibao']!.cost,
  };
};
display.table(checkHeadlines(headline(result), headline(cli)), { caption: 'notebook = jiuzhu run --json' });
