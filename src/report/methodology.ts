/**
 * The methodology section of a report, in Chinese and English: how the figures are made. It
 * describes the method only; numbers (standards, rates, shares) are in the parameter table,
 * each with its reference.
 */
import type { Bilingual } from './table.js';

export const METHODOLOGY: readonly { heading: Bilingual; text: Bilingual }[] = [
  {
    heading: { zh: '模型', en: 'The model' },
    text: {
      zh: 'jiuzhu 在住户与个人微观数据上模拟吉政发〔2006〕48号确立的吉林省城乡社会救助体系。每条规则是作用于整列数据的纯函数，并引用其实施的条款；每个金额、比例和年龄都是带日期、带单位的参数，且只有一个依据：文件条款、公开统计来源或标明的假设（见“参数”与“假设”两节）。情景不是代码，而是在基线参数上的覆盖（设定、缩放、增加，可限定日期与地区）。',
      en: 'jiuzhu simulates the Jilin social-assistance system set up by 吉政发〔2006〕48号 over household and person microdata. Each rule is a pure function over whole columns and cites the clause it implements; every amount, rate and age is a dated parameter with a unit and exactly one reference: a clause of the opinion, a published source or a labelled assumption (see Parameters and Assumptions below). Scenarios are not code but overrides of the baseline parameters (set, scale, add, by date range and locality).',
    },
  },
  {
    heading: { zh: '逐月模拟', en: 'Month by month' },
    text: {
      zh: '各月按顺序模拟，住户状态逐月延续：失业与再就业、重病、渐退、再就业收入豁免、临时救助与价格补贴联动机制。低保资格按计入收入与当地标准比较；是否实际领取还取决于申领率、收入核查误差与名额限制（情景的行为假设）。',
      en: 'Months run in order and each household’s state carries over: job loss and gain, serious illness, gradual exit, the re-employment disregard, temporary assistance and the price-subsidy trigger. Dibao eligibility compares counted income with the local standard; whether a household is paid also depends on take-up, the error of the income assessment and any quota (the scenario’s behaviour assumptions).',
    },
  },
  {
    heading: { zh: '金额与加权', en: 'Money and weights' },
    text: {
      zh: '每户每月的金额取整到分，再乘以住户权数汇总，因此各分项、各支付方与各层级之和精确相等。年化支出为期内支出 × 12 ÷ 月数。人数为月均加权人数；项目受益人数为期内不重复的加权人数。',
      en: 'Every amount is rounded to whole fen per household and month, then weighted by the household’s weight and summed, so components, payers and levels of government add up exactly. Annualised cost is the period’s cost × 12 ÷ its months. Recipients are weighted persons in an average month; a program’s recipients are distinct weighted persons over the period.',
    },
  },
  {
    heading: { zh: '各项目与资金来源', en: 'Programs and who pays' },
    text: {
      zh: '除§二的城乡低保外，报告§三至§十一的各项救助的支出、支付方、受益人数与资金账户。资金按政府层级（中央、省、市州、县）、来源、市（州）与年度分摊；分摊比例是参数（标明的假设）。',
      en: 'Besides the §二 dibao, the report gives each program of §三–§十一: cost, payers, recipients and, where kept, accounts. Every yuan is split by level of government (central, provincial, prefecture, county), source, prefecture and year; the shares are parameters (labelled assumptions).',
    },
  },
  {
    heading: { zh: '收入分配与贫困', en: 'Distribution and poverty' },
    text: {
      zh: '以期内平均的人均月收入（按人加权）计算救助前后的均值、基尼系数与十等分份额；FGT 贫困指数（发生率、贫困距、强度）分别以当地低保标准和国家农村贫困线（÷12）衡量。得失按救助后收入变化是否超过5%划分，十等分影响按基线情景救助后收入排序。',
      en: 'Monthly per-capita income averaged over the period (person-weighted) gives the mean, Gini and decile shares before and after assistance; FGT poverty (headcount, gap, severity) is measured against the local dibao standard and against the national rural poverty line ÷ 12. Winners and losers are split at a 5% change of income after assistance; the decile impact ranks persons by the baseline’s income after assistance.',
    },
  },
  {
    heading: { zh: '比较', en: 'Comparisons' },
    text: {
      zh: '所有情景使用同一数据集、同一期间与同一随机种子；差异均为各情景相对第一个情景。运行标识（版本、提交、数据哈希、种子、情景哈希）见文末，相同输入重跑得到相同结果。',
      en: 'Every scenario runs on the same dataset, period and seed; every change is against the first scenario. The run identity (version, commit, data hash, seed, scenario hashes) closes the report: the same inputs rerun give the same figures.',
    },
  },
  {
    heading: { zh: '条款覆盖与局限', en: 'Clause coverage and limits' },
    text: {
      zh: '下表逐款列出文件各段是否建模、部分建模或不在范围内，以及缺少什么。未公布的吉林数字以标明的假设代替，均列在“假设”一节；结果的可信度取决于这些假设与数据集。',
      en: 'The table below lists each paragraph of the opinion as modelled, partly modelled or out of scope, with what is missing. Jilin figures that are not published are replaced by labelled assumptions, all listed under Assumptions; the results are as good as those assumptions and the dataset.',
    },
  },
];
