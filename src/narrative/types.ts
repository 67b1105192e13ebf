/** What the narrative (情况说明) says, as claims tied to where they are written. */
import type { Dec } from '../decimal.js';
import type { Location } from '../document.js';
import type { ColumnRole, Figure, TableKind } from '../model.js';

export type SectionKind =
  | 'cover'
  | 'toc'
  | 'overview'
  | 'tables'
  | 'explanation'
  | 'total'
  | 'income'
  | 'expenditure'
  | 'fiscal'
  | 'gpb'
  | 'gpb-scale'
  | 'gpb-structure'
  | 'gpb-detail'
  | 'basic'
  | 'project'
  | 'sangong'
  | 'fund'
  | 'soe'
  | 'other'
  | 'opex'
  | 'procurement'
  | 'assets'
  | 'performance'
  | 'other-matters'
  | 'terms'
  | 'annex';

/** A paragraph of running text after re-flowing lines that belong together. */
export interface TextBlock {
  /** The text as written (lines joined). */
  text: string;
  /** Half-width copy of `text`, same length: offsets in one are offsets in the other. */
  norm: string;
  at: Location;
  /** The section it is in (innermost first). */
  sections: SectionKind[];
  /** Index among blocks. */
  index: number;
  /** True for a heading line. */
  heading?: boolean;
  /** Cells when the block is a table row of a table that is not a budget table (绩效目标表). */
  cells?: { text: string; at: Location }[];
}

export interface Section {
  kind: SectionKind;
  heading: string;
  level: number;
  at: Location;
  /** Block index range [start, end). */
  start: number;
  end: number;
}

export interface TocEntry {
  text: string;
  at: Location;
  /** Set when the entry names a budget table. */
  table?: { kind: TableKind; title: string; number?: number };
  level: number;
}

/** A percentage as written: value in percent (15.33 for "15.33%"), with its decimals. */
export interface Percent {
  value: Dec;
  decimals: number;
  text: string;
}

export type Direction = 'up' | 'down' | 'flat' | 'new';

export interface Change {
  direction: Direction;
  /** The change in amount, as written (always non-negative; the direction gives the sign). */
  amount?: Figure;
  /** The rate, or 'na' for "增长--(基数为0,不可比)". */
  percent?: Percent | 'na';
  /** Which word gave the amount's direction, and which the rate's (增加 … 下降 contradict). */
  amountWord?: string;
  percentWord?: string;
  /** "上年预算", "2024年预算执行数" … */
  base?: string;
  /** A prior-year figure stated outright ("上年预算为 X 万元"). */
  prior?: Figure;
  at: Location;
}

/** Where in the tables a statement's figure is. */
export interface TableRef {
  kind: TableKind;
  /** Row: by code, by income role, by name, or the total row. */
  code?: string;
  income?: string;
  name?: string;
  total?: boolean;
  role: ColumnRole;
}

/** "基本支出473.47万元，占86.09%，比上年预算增加62.95万元，增长15.33%" */
export interface Statement {
  subject: string;
  /** The subject with its classification code when written ("一般公共服务支出（201）"). */
  code?: string;
  amount?: Figure;
  share?: Percent;
  change?: Change;
  block: number;
  section: SectionKind[];
  at: Location;
  ref?: TableRef;
  /** The year its sentence speaks of ("2021年度“三公”经费合计支出…"), when written. */
  year?: number;
  /** The statement introduces an itemized list ("…550万元，其中：") */
  opensList?: boolean;
}

/** "人员经费365.7万元，主要包括：基本工资72.58万元、津贴补贴117.4万元、…" */
export interface ItemList {
  total: Statement;
  items: Statement[];
  /** The list says it is not complete ("以及其他…", "等"). */
  open: boolean;
  /** The total stated again after the items ("…，合计1170.00万"). */
  restated?: Statement;
  at: Location;
}

export interface ProjectClaim {
  name: string;
  amount?: Figure;
  unitName?: { text: string; at: Location };
  period?: { text: string; at: Location };
  at: Location;
}

/** One 项目支出绩效目标表. */
export interface PerformanceTable {
  title: string;
  project?: string;
  unitName?: { text: string; at: Location };
  total?: Figure;
  fiscal?: Figure;
  other?: Figure;
  /** A money line with no amount ("其他资金 万元"). */
  blanks: { text: string; at: Location }[];
  texts: { text: string; at: Location }[];
  at: Location;
}

export interface NarrativeMention {
  text: string;
  /** The place names in front of the unit's own name. */
  places: string;
  at: Location;
}

export interface Narrative {
  blocks: TextBlock[];
  sections: Section[];
  toc: TocEntry[];
  statements: Statement[];
  lists: ItemList[];
  projects: ProjectClaim[];
  performance: PerformanceTable[];
  /** Where the text names the unit with places in front of its name. */
  mentions: NarrativeMention[];
  /** "本年度预算绩效管理的财政拨款项目6个，涉及预算金额76.53万元" */
  performanceSummary?: { count: number; amount?: Figure; at: Location };
}
