/**
 * The Document: what every loader produces and the recognizer reads. It knows nothing about
 * budgets: a document is a list of row streams (a sheet, a text file, a docx body, a PDF),
 * each row a list of cells with their location in the source file.
 */

/** Where something is in the input file. Serialized as is in the JSON report. */
export interface Location {
  /** The file, when it is not the one the report entry is about (a narrative beside a workbook). */
  file?: string;
  /** Workbook sheet name. */
  sheet?: string;
  /** A1-style cell address within the sheet. */
  cell?: string;
  /** A1-style range within the sheet. */
  range?: string;
  /** 1-based PDF page. */
  page?: number;
  /** 1-based line: of the text file, or of the page for PDF. */
  line?: number;
  /** 1-based docx paragraph (body order). */
  paragraph?: number;
  /** 1-based docx table (body order), with 1-based row and column inside it. */
  table?: number;
  row?: number;
  column?: number;
  /** Human labels of a table cell: its table, row and column headings. */
  tableTitle?: string;
  rowLabel?: string;
  columnLabel?: string;
  /** A short quote of the text pointed at. */
  excerpt?: string;
}

export interface Cell {
  /** Displayed text, trimmed; "" for an empty cell. */
  text: string;
  /** The stored value when the format stores typed values (workbooks). */
  value?: number | string | boolean;
  /** True when the source stores the cell as a number (not as text that looks like one). */
  numeric?: boolean;
  /** Decimals the cell's number format shows (workbooks). */
  decimals?: number;
  /** Number of columns / rows this cell spans when merged (top-left cell only). */
  colSpan?: number;
  rowSpan?: number;
  /** True for a cell covered by another cell's merge. */
  covered?: boolean;
  at: Location;
}

export interface Row {
  cells: Cell[];
  /** Location of the row as a whole (first cell, or the line). */
  at: Location;
  /**
   * For text-like sources: the row was written as running text (a paragraph), not as a table row.
   * Workbook rows are never paragraphs.
   */
  paragraph?: boolean;
  /** A visible break (blank line, page break) precedes this row. */
  breakBefore?: boolean;
}

export interface RowStream {
  /** Sheet name, or a label such as "正文" for text. */
  name: string;
  rows: Row[];
  /** Overrides Document.storedValues for this stream (a companion text read with a workbook). */
  storedValues?: boolean;
}

export type SourceFormat = 'xlsx' | 'xls' | 'csv' | 'txt' | 'docx' | 'pdf';

export interface Document {
  file: string;
  format: SourceFormat;
  /**
   * Whether the figures in this document are stored values (workbooks) rather than text
   * written for reading (documents). Decides how rounding is treated in "auto" mode.
   */
  storedValues: boolean;
  streams: RowStream[];
}

export function rowText(row: Row): string {
  return row.cells
    .map((c) => c.text)
    .filter((t) => t !== '')
    .join(' ');
}

export function nonEmptyCells(row: Row): Cell[] {
  return row.cells.filter((c) => c.text !== '');
}

/** Column index (0-based) → letters, as in A1 addresses. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function formatLocation(at: Location, lang: 'zh' | 'en' = 'zh'): string {
  const parts: string[] = [];
  if (at.file !== undefined) parts.push(at.file.replace(/^.*[\\/]/, ''));
  if (at.sheet !== undefined) parts.push(at.cell ? `${at.sheet}!${at.cell}` : at.range ? `${at.sheet}!${at.range}` : at.sheet);
  if (at.page !== undefined) parts.push(lang === 'zh' ? `第${at.page}页` : `page ${at.page}`);
  if (at.line !== undefined) parts.push(lang === 'zh' ? `第${at.line}行` : `line ${at.line}`);
  if (at.paragraph !== undefined) parts.push(lang === 'zh' ? `第${at.paragraph}段` : `paragraph ${at.paragraph}`);
  if (at.table !== undefined) {
    let t = lang === 'zh' ? `表格${at.table}` : `table ${at.table}`;
    if (at.row !== undefined) t += lang === 'zh' ? ` 第${at.row}行` : ` row ${at.row}`;
    if (at.column !== undefined) t += lang === 'zh' ? ` 第${at.column}列` : ` column ${at.column}`;
    parts.push(t);
  }
  return parts.join(' ');
}
