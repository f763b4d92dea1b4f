/**
 * `jiuzhu --help` in Chinese (`--lang zh`, or JIUZHU_LANG=zh): every command's description and
 * option help, keyed by command and flag, with the flag alone for options whose meaning is the
 * same in every command. Terms from src/text/glossary.ts.
 */
import type { Command } from 'commander';
import type { CliIo } from './io.js';

export const COMMANDS_ZH: Record<string, string> = {
  run: '运行一个情景并打印汇总',
  compare: '在同一期间运行多个情景并列出差异',
  report: '在同一期间运行情景并写出报告文件夹：独立的 index.html、CSV（UTF-8 带 BOM）与 JSON 表格、SVG 与 PNG 图表，加 --xlsx 时另有 Excel 工作簿；原有报告在新报告写完后整体替换',
  serve: '启动交互式情景浏览器 http://127.0.0.1:端口/：标准、申领率与分类施保的滑块，相对基线的主要数字与图表，CSV/PNG 下载，并可将设置保存为情景 YAML',
  project: '逐年预测一个情景：按增长机制调整标准、收入上调、人口老龄化与物价；各级政府支出与预算对照',
  explain: '解释一户家庭的结果：默认给出决定结果的比较与所用参数，--full 给出全部规则、输入与参数',
  households: '列出某月领取某项目的示例家庭，可用 jiuzhu explain --household 解释其中一户',
  solve: '求满足目标的杠杆取值（参数路径，按比例或直接设定）：贫困人口覆盖率、预算内最大弥合贫困缺口，或与另一情景支出持平',
  comply: '对情景不符合的每项条款检查，用求解器找出该条款所指杠杆的最小调整使其符合（§二.2：分类施保补助比例；§八.1：五保供养标准下限），并按出资方给出年增支出；--write 将调整写成继承输入的情景',
  validate: '按数据结构检查微观数据，逐条报告文件、行与列',
  generate: '生成吉林省合成人口（给定种子可复现），按2006年公开数据校准',
  'calibrate-report': '打印生成人口与各校准目标的对照',
  clauses: '列出吉政发〔2006〕48号每一款及其状态（已建模、部分、范围外）和相关规则与参数；给出情景时另列该情景是否符合每项有检查的条款',
  params: '列出每个参数在某日的取值、单位与依据：文件条款、公开统计或标明的假设',
  help: '显示命令的帮助',
};

/** Option help by flag (the same in every command), or by `command:flag`. */
export const OPTIONS_ZH: Record<string, string> = {
  '--json': '以 JSON 输出结果（schemas/result.schema.json）',
  '--lang': '表格与信息的语言',
  '--data': '改用的数据集：.csv/.arrow/.parquet 文件或数据集文件夹',
  '--codebook': '将您的列名与编码对应到 jiuzhu 的代码本 YAML（与 --data 一起使用）',
  '--encoding': '--data 所给 CSV 的文本编码',
  '--seed': '随机数种子（默认：情景所设，否则为 1）',
  '--no-timestamp': '不写 meta.createdAt，便于逐字节复现',
  '--replicates': '由 R 次住户自助抽样给出支出、人数、覆盖率与 FGT 指数的 90% 区间',
  '--level': '区间的置信水平，与 --replicates 一起使用（默认 0.9）',
  '--resimulate': '与 --replicates 一起使用：每次抽样都完整重新模拟（名额或岗位有约束时精确；慢 R 倍）',
  '--workers': '在 n 个工作线程上模拟（结果与 n 无关，逐字节相同）',
  '--period': '模拟月份，YYYY-MM:YYYY-MM（默认：情景所设）',
  '--prefectures': '另外打印按市（州）的表',
  '--months': '另外打印逐月表（新进、退出、价格补贴启动、各项支出）',
  '--out': '输出位置',
  '--xlsx': '另外写出 report.xlsx，每个表一个工作表',
  '--print': '同时在终端打印汇总、各项目与资金来源表',
  '--port': '127.0.0.1 上的端口（0：任一空闲端口）',
  '--baseline': '作为比较基准的情景（默认 scenarios/baseline-2006.yaml）',
  '--from': '起始',
  '--to': '结束年份（默认：情景期间的最后一年）',
  '--real': '以起始年不变价表示金额（除以价格指数）',
  '--months-per-year': '12：每月模拟；1：只模拟1月，流量 ×12（快，近似）',
  '--household': '数据集中的家庭编号',
  '--month': '月份 YYYY-MM（默认：情景的第一个月）',
  '--rule': '要解释的规则',
  '--program': '改为解释某项目的每一项支出（dibao、medical、education、housing 等）',
  '--full': '打印完整的规则、输入与参数树，而不是摘要',
  '--receiving': '家庭所领取的项目：dibao、medical、education、housing 等',
  '--prefecture': '只看这个市（州）：代码（222400）或名称（延边、延边朝鲜族自治州、Yanbian）',
  '--limit': '最多列出的家庭数',
  '--lever': '要调整的参数路径，如 dibao.standard（分支则按比例调整其下所有数值）',
  '--objective': '目标：coverage-of-poor（配 --target）、gap-closed（配 --budget）或 budget-neutral（配 --against）',
  '--target': 'coverage-of-poor：要达到的贫困人口覆盖率，0–1',
  '--budget': 'gap-closed：年支出上限（元）',
  '--against': 'budget-neutral：与其支出持平的情景',
  '--mode': 'scale（乘以，默认）或 set（设定某个数值参数）',
  '--min': '杠杆最小值（scale 默认 0.5，概率或比例的 set 默认 0）',
  '--max': '杠杆最大值（scale 默认 3，概率或比例的 set 默认 1）',
  '--tol': '目标容差：覆盖率为绝对值，支出为相对值（默认 0.001）',
  '--xtol': '杠杆分辨率（默认：取值范围的千分之一，向下取整到10的幂）',
  '--grid': 'coverage-of-poor 与 gap-closed 先走的网格点数（默认 6）',
  '--where': '杠杆作用的单元，如 area=urban 或 prefecture=延边+220200（默认全部）',
  '--cost': 'dibao：§二 低保支出（默认）；all：全部项目支出，不论谁支付',
  '--write': '把求得的情景写成 YAML（在输入上加一条调整），并重新载入校验',
  '--name': '写出的情景名称（默认：文件名）',
  '--year': '校准目标的年份',
  '--households': '生成的家庭数',
  '--chunk-households': '与 --full 一起使用：每块最多的家庭数（默认 500000）',
  '--verbose': '列出每款的全部规则与参数及其说明',
  '--date': '取值日期（默认：文件日期 2006-12-18）',
  '--debug': '出错时打印调用栈',
  '--version': '显示版本号',
  '--help': '显示帮助',
  'report:--out': '报告文件夹（新报告完整写出后才替换原有报告）',
  'generate:--out': '输出：.csv、.arrow 或 .parquet 文件；加 --full 时为分块 Arrow 文件夹',
  'generate:--full': '生成全省人口（约900万户），按市（州）分块写出',
  '--timeout': '一次计算最长可用的秒数，超时即停止并返回 503（默认 600；默认数据集全年约需 5 秒）',
  'serve:--period': '每次运行的月份，YYYY-MM 或 YYYY-MM:YYYY-MM（默认：每个情景自身的期间，与 jiuzhu run 相同；月份较少时页面注明所示月份，不折算为全年）',
  'project:--from': '起始年份（默认：情景期间的第一年）',
  'solve:--from': '杠杆开始生效的日期（默认：始终）',
  'solve:--period': '每次运行的月份，YYYY-MM:YYYY-MM（默认：情景所设；越短越快）',
  'clauses:--period': '给出情景时：运行的月份，YYYY-MM:YYYY-MM（默认：情景所设）',
  'clauses:--json': '以 JSON 输出条款树（给出情景时另含各条款的符合情况）',
  'report:--comply': '加入“条款符合的成本”表：每项不符合检查的杠杆最小调整及年增支出（对每个情景运行 jiuzhu comply；需多次运行，仅在要求时计算）',
  'comply:--write': '写出符合条款的情景：继承输入情景，每个杠杆加一条调整，并重新载入校验',
  'comply:--name': '写出的情景名称（默认：文件名）',
  'comply:--period': '每次运行的月份，YYYY-MM:YYYY-MM（默认：情景所设；越短越快，但检查只按这些月份判断）',
  'comply:--json': '以 JSON 输出每项不符合的检查、杠杆、符合值及按出资方的年增支出',
  'comply:--lang': '表格的语言',
  'project:--workers': '在 n 个工作线程上逐年模拟（各年独立，结果与 n 无关）',
  '--sensitivity': '另外计算最后一年的筹资敏感性：每项筹资假设单独上下调，列出影响资金缺口最大的五项（配 --report 画龙卷风图）',
  '--sensitivity-range': '配 --sensitivity：每项假设上下调的相对幅度',
  'project:--report': '另外把预测写成报告文件夹（表格、图表；配 --sensitivity 含龙卷风图）',
};

/** Argument help by name. */
const ARGUMENTS_ZH: Record<string, string> = {
  scenario: '情景 YAML 文件',
  baseline: '基线情景',
  reform: '一个或多个改革情景',
  scenarios: '情景 YAML 文件：先基线，后改革',
  file: '.csv/.arrow/.parquet 文件（每人一行）或数据集文件夹',
};

/** The words commander writes around the help, and the text after it. */
const FRAME_ZH: [RegExp, string][] = [
  [/^Usage:/gm, '用法：'], [/^Options:/gm, '选项：'], [/^Commands:/gm, '命令：'], [/^Arguments:/gm, '参数：'],
  [/\(default: /g, '（默认：'], [/, default: /g, '，默认：'], [/\(choices: /g, '（可选：'], [/"\)/g, '"）'], [/display help for command/g, '显示命令的帮助'],
  [/Exit codes: 0 success, 1 internal fault, 2 usage error, 3 bad input\./g, '退出码：0 成功，1 内部错误，2 用法错误，3 输入有误。'],
  [/^Examples:/gm, '示例：'], [/\(run with --help for usage\)/g, '（加 --help 查看用法）'],
];

/** Help text with commander's frame words in Chinese. */
export function chineseFrame(text: string): string {
  return FRAME_ZH.reduce((t, [re, zh]) => t.replace(re, zh), text);
}

/** Whether the command line asks for Chinese (`--lang zh`, `--lang=zh`) or JIUZHU_LANG=zh is set. */
export function wantsChinese(argv: readonly string[], env: Record<string, string | undefined>): boolean {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'zh') || argv.includes('--lang=zh') || env.JIUZHU_LANG === 'zh';
}

/** Puts the Chinese help on a program and its commands (options without a translation keep their English). */
export function useChineseHelp(program: Command, io: CliIo): void {
  program.description('救助 jiuzhu：在人口微观数据上模拟吉林省社会救助（吉政发〔2006〕48号）');
  const walk = (cmd: Command, name: string): void => {
    for (const o of cmd.options) {
      const flag = o.long ?? o.short ?? '';
      const zh = OPTIONS_ZH[`${name}:${flag}`] ?? OPTIONS_ZH[flag];
      if (zh) o.description = zh;
    }
    for (const a of cmd.registeredArguments) {
      const zh = ARGUMENTS_ZH[a.name()];
      if (zh) a.description = zh;
    }
    for (const c of cmd.commands) {
      const zh = COMMANDS_ZH[c.name()];
      if (zh) c.description(zh);
      c.helpOption('-h, --help', OPTIONS_ZH['--help']);
      c.configureOutput({ writeOut: (s) => void io.stdout.write(chineseFrame(s)), writeErr: (s) => void io.stderr.write(chineseFrame(s)) });
      walk(c, c.name());
    }
  };
  walk(program, '');
  program.helpOption('-h, --help', OPTIONS_ZH['--help']);
  program.helpCommand('help [command]', COMMANDS_ZH.help);
  program.configureOutput({ writeOut: (s) => void io.stdout.write(chineseFrame(s)), writeErr: (s) => void io.stderr.write(chineseFrame(s)) });
}
