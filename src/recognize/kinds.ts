/**
 * What each table looks like: the data the recognizer matches titles, columns and rows against.
 * Add a title or header synonym here, not in code.
 */
import type { ColumnRole, IncomeRole, TableKind } from '../model.js';

export interface TableKindSpec {
  kind: TableKind;
  /** Canonical Chinese and English names, for messages. */
  name: { zh: string; en: string };
  /** The name takes the profile's prefix (单位 / 部门): 单位收支总体情况表. */
  prefixed?: boolean;
  /** Patterns matched against the normalized title (no spaces, quotes or brackets' contents). */
  titles: RegExp[];
  /** Shape of the grid. */
  shape: 'tree' | 'two-sided' | 'single-row' | 'list';
  /** Classification of the codes in a tree table. */
  codes?: 'functional' | 'economic';
  /** Column roles this kind may have. */
  roles: ColumnRole[];
  /** Roles that must be recognized for the table to be read. */
  required: ColumnRole[];
}

/** Checked in this order; the first kind whose pattern matches wins. */
export const TABLE_KINDS: TableKindSpec[] = [
  {
    kind: 'fiscal',
    name: { zh: '财政拨款收支总体情况表', en: 'fiscal appropriation revenue and expenditure table' },
    titles: [/财政拨款(预算)?收支(预算)?(总体情况|总|情况)表$/, /财政拨款收支(预算)?总表$/],
    shape: 'two-sided',
    codes: 'functional',
    roles: ['name', 'code', 'total', 'gpb', 'fund', 'soe', 'basic', 'project', 'personnel', 'public'],
    required: ['name', 'total'],
  },
  {
    kind: 'sangong',
    name: { zh: '一般公共预算“三公”经费支出情况表', en: '"three public expenses" table' },
    titles: [/三公经费.*表$/],
    shape: 'single-row',
    roles: ['name', 'total', 'abroad', 'vehicle', 'vehicle-purchase', 'vehicle-operation', 'reception', 'meeting', 'training', 'opex'],
    required: ['total', 'abroad', 'reception'],
  },
  {
    kind: 'gpb-basic',
    name: { zh: '一般公共预算基本支出情况表', en: 'general public budget basic expenditure table' },
    titles: [/一般公共预算(财政拨款)?基本支出.*表$/, /财政拨款基本支出.*表$/],
    shape: 'tree',
    codes: 'economic',
    roles: ['lei', 'kuan', 'code', 'name', 'total', 'personnel', 'public'],
    required: ['name', 'total', 'personnel', 'public'],
  },
  {
    kind: 'gpb-project',
    name: { zh: '一般公共预算项目支出情况表', en: 'general public budget project expenditure table' },
    titles: [/一般公共预算(财政拨款)?项目支出(情况|预算|明细)?表$/, /^(单位|部门)?项目支出(情况|预算|明细)?表$/],
    shape: 'list',
    codes: 'functional',
    roles: ['lei', 'kuan', 'xiang', 'code', 'name', 'project-name', 'total'],
    required: ['project-name', 'total'],
  },
  {
    kind: 'gpb-expenditure',
    name: { zh: '一般公共预算支出情况表', en: 'general public budget expenditure table' },
    titles: [/一般公共预算(财政拨款)?支出(情况|预算|功能分类预算|功能分类|决算)?表$/],
    shape: 'tree',
    codes: 'functional',
    roles: ['lei', 'kuan', 'xiang', 'code', 'name', 'total', 'basic', 'project', 'personnel', 'public'],
    required: ['name', 'total', 'basic', 'project'],
  },
  {
    kind: 'fund-expenditure',
    name: { zh: '政府性基金预算支出情况表', en: 'government fund budget expenditure table' },
    titles: [/政府性基金预算(财政拨款)?支出(情况|预算|功能分类预算|功能分类)?表$/],
    shape: 'tree',
    codes: 'functional',
    roles: ['lei', 'kuan', 'xiang', 'code', 'name', 'total', 'basic', 'project'],
    required: ['name', 'total'],
  },
  {
    kind: 'soe-expenditure',
    name: { zh: '国有资本经营预算支出情况表', en: 'state capital operation budget expenditure table' },
    titles: [/国有资本经营预算(财政拨款)?支出(情况|预算|功能分类预算|功能分类)?表$/],
    shape: 'tree',
    codes: 'functional',
    roles: ['lei', 'kuan', 'xiang', 'code', 'name', 'total', 'basic', 'project'],
    required: ['name', 'total'],
  },
  {
    kind: 'income-expenditure',
    prefixed: true,
    name: { zh: '收支总体情况表', en: 'revenue and expenditure summary table' },
    titles: [/收支(预算)?(总体情况|总)表$/, /收支预算总表$/, /收入支出(预算)?(总体情况|总)表$/],
    shape: 'two-sided',
    codes: 'functional',
    roles: ['name', 'code', 'total', 'basic', 'project', 'personnel', 'public'],
    required: ['name', 'total'],
  },
  {
    kind: 'income',
    prefixed: true,
    name: { zh: '收入总体情况表', en: 'revenue table' },
    titles: [/收入(预算)?(总体情况|总)表$/],
    shape: 'tree',
    codes: 'functional',
    roles: ['lei', 'kuan', 'xiang', 'code', 'name', 'total', 'fiscal', 'gpb', 'fund', 'soe', 'special', 'business', 'operating', 'other', 'carryover', 'superior', 'affiliate', 'reserve'],
    required: ['name', 'total'],
  },
  {
    kind: 'expenditure',
    prefixed: true,
    name: { zh: '支出总体情况表', en: 'expenditure table' },
    titles: [/支出(预算)?(总体情况|总)表$/],
    shape: 'tree',
    codes: 'functional',
    roles: ['lei', 'kuan', 'xiang', 'code', 'name', 'total', 'basic', 'project'],
    required: ['name', 'total', 'basic', 'project'],
  },
];

export const KIND_SPEC = new Map(TABLE_KINDS.map((s) => [s.kind, s]));

/** The canonical order of the 单位预算 tables (表一 … 表九, then 国有资本经营). */
export const CANONICAL_ORDER: TableKind[] = [
  'income-expenditure',
  'income',
  'expenditure',
  'fiscal',
  'gpb-expenditure',
  'gpb-basic',
  'gpb-project',
  'sangong',
  'fund-expenditure',
  'soe-expenditure',
];

/**
 * Header words → column roles. Tested in order against a header cell (normalized, whole text).
 * Generic words (合计, 小计 …) are 'total' and give way to a more specific parent heading.
 */
export const COLUMN_WORDS: { role: ColumnRole; pattern: RegExp; generic?: boolean }[] = [
  { role: 'lei', pattern: /^类$/ },
  { role: 'kuan', pattern: /^款$/ },
  { role: 'xiang', pattern: /^项$/ },
  { role: 'code', pattern: /(科目)?(编码|代码)$/ },
  { role: 'project-name', pattern: /^项目名称$/ },
  { role: 'name', pattern: /(科目)?名称$|^科目$|^功能分类$|^经济分类$|^项目$|^支出项目$|^收入项目$/ },
  { role: 'vehicle', pattern: /^公务用车购置及运行(维护)?费$/ },
  { role: 'vehicle-purchase', pattern: /^(公务用车)?购置费?$/ },
  { role: 'vehicle-operation', pattern: /^(公务用车)?运行(维护)?费$/ },
  { role: 'abroad', pattern: /^因公出国\(境\)费(用)?$/ },
  { role: 'reception', pattern: /^公务接待费$/ },
  { role: 'meeting', pattern: /^会议费$/ },
  { role: 'training', pattern: /^培训费$/ },
  { role: 'opex', pattern: /^(行政参公单位)?机关运行经费(预算)?(数)?$/ },
  { role: 'basic', pattern: /^基本支出$/ },
  { role: 'project', pattern: /^项目支出$/ },
  { role: 'personnel', pattern: /^人员经费$/ },
  { role: 'public', pattern: /^(日常)?公用经费$/ },
  { role: 'fiscal', pattern: /^财政拨款(收入|补助|\(补助\))?(资金)?$/ },
  { role: 'gpb', pattern: /^一般公共预算(拨款|资金|收入|财政拨款)?$/ },
  { role: 'fund', pattern: /^政府性基金(预算)?(拨款|资金|收入|财政拨款)?$/ },
  { role: 'soe', pattern: /^国有资本经营预算(拨款|资金|收入|财政拨款)?$/ },
  { role: 'special', pattern: /财政专户|^教育收费/ },
  { role: 'business', pattern: /^事业收入$/ },
  { role: 'operating', pattern: /^事业单位经营收入$|^经营收入$/ },
  { role: 'superior', pattern: /^上级补助收入$/ },
  { role: 'affiliate', pattern: /^附属单位上缴收入$/ },
  { role: 'reserve', pattern: /^用事业基金弥补收支差额$/ },
  { role: 'carryover', pattern: /^上年结转(结余)?$|^上年结转资金$/ },
  { role: 'other', pattern: /^(单位)?其他(资金)?收入$|^其他资金$/ },
  {
    role: 'total',
    pattern: /^(合计|小计|总计|金额|预算数|预算金额|本年预算数?|年度预算(数)?|全年预算(数)?|收入预算|支出预算|预算)$/,
    generic: true,
  },
];

/** Headings that name a whole side of a two-sided table. */
export const SIDE_WORDS: { side: 'income' | 'expenditure'; pattern: RegExp }[] = [
  { side: 'income', pattern: /收入/ },
  { side: 'expenditure', pattern: /支出/ },
];

/** Labels of income rows (收支总表 / 财政拨款收支总表 income side), in the order tried. */
export const INCOME_ROWS: { role: IncomeRole; pattern: RegExp; parent?: IncomeRole }[] = [
  { role: 'total', pattern: /^收入(总计|合计)$|^总计$/ },
  { role: 'subtotal', pattern: /^本年收入(合计|小计)$/ },
  { role: 'gpb', pattern: /^一般公共预算(拨款|资金|收入|财政拨款)?(收入)?$/, parent: 'fiscal' },
  { role: 'fund', pattern: /^政府性基金(预算)?(拨款|资金|收入|财政拨款)?(收入)?$/, parent: 'fiscal' },
  { role: 'soe', pattern: /^国有资本经营预算(拨款|资金|收入|财政拨款)?(收入)?$/, parent: 'fiscal' },
  { role: 'fiscal', pattern: /^财政拨款(收入|补助|\(补助\))?(资金)?(收入)?$/ },
  { role: 'special', pattern: /财政专户|^教育收费/ },
  { role: 'business', pattern: /^事业收入$/ },
  { role: 'operating', pattern: /^事业单位经营收入$|^经营收入$/ },
  { role: 'superior', pattern: /^上级补助收入$/ },
  { role: 'affiliate', pattern: /^附属单位上缴收入$/ },
  { role: 'reserve', pattern: /^用事业基金弥补收支差额$/ },
  { role: 'carryover', pattern: /^上年结转(结余)?(资金)?$|^上年结转/ },
  { role: 'other', pattern: /^(单位)?其他(资金)?收入$|^其他资金$/ },
];

/** Labels of total rows in tree tables and of expenditure totals. */
export const TOTAL_LABEL = /^(合计|总计|支出(总计|合计)|收入(总计|合计)|本年(支出|收入)合计|[一-龥]{0,8}合计)$/;

/** How each column role is called in messages. */
export const ROLE_NAMES: Record<ColumnRole, { zh: string; en: string }> = {
  lei: { zh: '类', en: 'class' },
  kuan: { zh: '款', en: 'section' },
  xiang: { zh: '项', en: 'item' },
  code: { zh: '科目编码', en: 'code' },
  name: { zh: '科目名称', en: 'name' },
  'project-name': { zh: '项目名称', en: 'project name' },
  total: { zh: '合计', en: 'total' },
  basic: { zh: '基本支出', en: 'basic expenditure' },
  project: { zh: '项目支出', en: 'project expenditure' },
  personnel: { zh: '人员经费', en: 'personnel' },
  public: { zh: '公用经费', en: 'public (operating) costs' },
  gpb: { zh: '一般公共预算', en: 'general public budget' },
  fund: { zh: '政府性基金预算', en: 'government fund budget' },
  soe: { zh: '国有资本经营预算', en: 'state capital operation budget' },
  fiscal: { zh: '财政拨款', en: 'fiscal appropriation' },
  special: { zh: '财政专户管理资金', en: 'special fiscal account' },
  business: { zh: '事业收入', en: 'public institution revenue' },
  operating: { zh: '事业单位经营收入', en: 'operating revenue' },
  other: { zh: '其他收入', en: 'other revenue' },
  carryover: { zh: '上年结转', en: 'carry-over' },
  superior: { zh: '上级补助收入', en: 'grants from superior' },
  affiliate: { zh: '附属单位上缴收入', en: 'remittances from affiliates' },
  reserve: { zh: '用事业基金弥补收支差额', en: 'drawn from institution fund' },
  abroad: { zh: '因公出国（境）费', en: 'official travel abroad' },
  vehicle: { zh: '公务用车购置及运行费', en: 'official vehicles' },
  'vehicle-purchase': { zh: '公务用车购置费', en: 'vehicle purchase' },
  'vehicle-operation': { zh: '公务用车运行费', en: 'vehicle operation' },
  reception: { zh: '公务接待费', en: 'official reception' },
  meeting: { zh: '会议费', en: 'meetings' },
  training: { zh: '培训费', en: 'training' },
  opex: { zh: '机关运行经费', en: 'agency operating costs' },
};
