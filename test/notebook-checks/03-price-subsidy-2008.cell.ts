// The check of notebooks/03-price-subsidy-2008.ipynb: scripts/run-notebooks.sh appends this as the notebook's last
// cell when it runs it (the notebook itself reads as a tutorial), and fails if it throws. It compares
// the notebook's headline figures with the CLI's --json on the same data, exactly. It reads the
// notebook's own variables, so it is no module of its own: tsconfig.json excludes this folder.
import { jiuzhuCli, checkHeadlines } from 'jiuzhu/notebook';

const cli = jiuzhuCli(['run', 'scenarios/price-subsidy-2008.yaml', '--json', '--no-timestamp', ...data.cliArgs]) as Result;
const headline = (r: Result) => {
  const x = r.scenarios[0]!;
  return {
    dataset: r.meta.dataset.sha256,
    triggeredMonths: monthsOf(r).filter((m) => m.priceSubsidyTriggered).map((m) => m.month).join(' '),
    priceSubsidy: x.summary.costByComponent['priceSubsidy']!,
    cost: x.summary.cost,
    recipients: x.summary.recipients,
    'programs.dibao.components.priceSubsidy': x.programs['dibao']!.components['priceSubsidy']!,
  };
};
display.table(checkHeadlines(headline(result), headline(cli)), { caption: 'notebook = jiuzhu run --json' });
