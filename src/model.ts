/**
 * The Disclosure: what the recognizer makes of a Document, and what every rule reads.
 */
import type { Dec } from './decimal.js';
import type { Document, Location, SourceFormat } from './document.js';

export type AmountUnit = '元' | '千元' | '万元' | '亿元';

/** Powers of ten from each amount unit to 元. */
export const UNIT_EXPONENT: Record<AmountUnit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/**
 * An amount as stated somewhere in the disclosure. `value` and `half` are in 元; the interval
 * [value − half, value + half] holds every true amount the statement is consistent with.
 */
export interface Figure {
  value: Dec;
  /** Half-width of the rounding interval, in 元. Zero for an exact (stored) figure. */
  half: Dec;
  /**
   * Half a unit of the last decimal shown, in 元. A stored figure is exact in its own unit, but
   * next to a figure in a finer unit (万元 beside 元) it can only be as precise as it is shown.
   */
  shownHalf: Dec;
  /** The figure as written, e.g. "448.43" or "1,202.95". */
  text: string;
  /** The unit it was stated in, and the decimals it was written with. */
  unit: AmountUnit;
  decimals: number;
  at: Location;
}

/** A text found in the disclosure, with where it was found. */
export interface Stated<T = string> {
  value: T;
  text: string;
  at: Location;
}

export type TableKind =
  | 'income-expenditure'
  | 'income'
  | 'expenditure'
  | 'fiscal'
  | 'gpb-expenditure'
  | 'gpb-basic'
  | 'gpb-project'
  | 'sangong'
  | 'fund-expenditure'
  | 'soe-expenditure';

/** What a column holds. Which roles a table may have depends on its kind. */
export type ColumnRole =
  | 'lei'
  | 'kuan'
  | 'xiang'
  | 'code'
  | 'name'
  | 'project-name'
  | 'total'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'public'
  | 'gpb'
  | 'fund'
  | 'soe'
  | 'fiscal'
  | 'special'
  | 'business'
  | 'operating'
  | 'other'
  | 'carryover'
  | 'superior'
  | 'affiliate'
  | 'reserve'
  | 'abroad'
  | 'vehicle'
  | 'vehicle-purchase'
  | 'vehicle-operation'
  | 'reception'
  | 'meeting'
  | 'training'
  | 'opex';

export type Side = 'income' | 'expenditure';

export interface Column {
  index: number;
  role: ColumnRole;
  side?: Side;
  /** The header text of the column, from top to bottom. */
  label: string;
}

export type RowKind = 'total' | 'subtotal' | 'unit' | 'item';

/** Roles of the rows of an income list (收支总表 and 财政拨款收支总表 income side). */
export type IncomeRole =
  | 'fiscal'
  | 'gpb'
  | 'fund'
  | 'soe'
  | 'special'
  | 'business'
  | 'operating'
  | 'other'
  | 'superior'
  | 'affiliate'
  | 'carryover'
  | 'reserve'
  | 'total'
  | 'subtotal';

export interface TableRow {
  kind: RowKind;
  side?: Side;
  /** Label as shown (code and name as written). */
  label: string;
  /** Classification code, digits only, full length (e.g. 2010301, 30101), carried down from parents. */
  code?: string;
  /** The code parts as written, when the code was split over columns or carried down. */
  codeParts?: { lei?: string; kuan?: string; xiang?: string; written?: string };
  name?: string;
  /** For project rows (项目支出表): the project's name; `name` is then the classification name. */
  project?: string;
  /** For unit rows: unit code and name. */
  unitCode?: string;
  unitName?: string;
  /** For income rows: which income source the row is. */
  incomeRole?: IncomeRole;
  /** The row details the line above it ("其中：…"), so it is not added to the total again. */
  subItem?: boolean;
  /** Figures by column role; null where the cell is blank. */
  values: Partial<Record<ColumnRole, Figure | null>>;
  at: Location;
  /** Location of the label cell. */
  labelAt: Location;
}

export interface TableMeta {
  unitName?: Stated;
  unitCode?: Stated;
  /** The parent department named beside the unit, if any (填报单位:[311]主管 , [311001]单位). */
  parentName?: Stated;
  year?: Stated<number>;
  amountUnit?: Stated<AmountUnit>;
}

export interface Table {
  /** Stable id: the kind, with "#2" etc. when a kind appears more than once. */
  id: string;
  kind: TableKind;
  /** Title as written (without the 表N label) and its location. */
  title: Stated;
  /** Table label such as 表三 or 公开01表, when present. */
  label?: string;
  /** Sheet name (workbooks) or stream name. */
  stream: string;
  /** Where the whole table is (sheet + range, or first line/page). */
  at: Location;
  meta: TableMeta;
  /** The amount unit actually used to read the table's figures. */
  unit: AmountUnit;
  columns: Column[];
  rows: TableRow[];
  /** Sentences written under the table (notes such as "本表为空表"). */
  notes: Stated[];
  /** Cells in amount columns that hold something that is not a number. */
  invalidCells: { text: string; at: Location; column: string; row: string }[];
  /** The rows of the source the table was read from, title to last row (for drawing it). */
  source: import('./document.js').Row[];
  /** Problems met while reading the table (missing columns …). */
  problems: { code: string; params: Record<string, string>; at: Location }[];
}

/** A mention of the unit's name (and code) somewhere in the disclosure. */
export interface UnitMention {
  name: string;
  code?: string;
  at: Location;
  source: 'table-header' | 'unit-row' | 'title' | 'narrative';
  table?: string;
}

export interface Paragraph {
  text: string;
  at: Location;
  /** Set when the text was a table row (tab-separated line, Word or PDF table row) outside the budget tables. */
  cells?: { text: string; at: Location }[];
}

export interface Disclosure {
  file: string;
  format: SourceFormat;
  document: Document;
  /** The unit as established from all mentions (see recognize/unit.ts). */
  unit: { name: string | null; code: string | null; mentions: UnitMention[] };
  year: number | null;
  tables: Table[];
  /** Running text that is not part of a table, in document order. */
  paragraphs: Paragraph[];
  /** The rounding treatment in force for this file. */
  rounding: RoundingMode;
  /** What the running text says (set by the narrative stage). */
  narrative?: import('./narrative/types.js').Narrative;
}

/**
 * auto: stored workbook values are exact, figures written as text carry their displayed precision;
 * displayed: every figure carries its displayed precision; exact: every figure is exact.
 */
export type RoundingMode = 'auto' | 'displayed' | 'exact';
