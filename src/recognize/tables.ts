/**
 * findTables: a row stream → the budget tables in it, found by title and header signature
 * (never by sheet name or position), plus the rows that are running text.
 */
import type { Cell, Location, Row, RowStream } from '../document.js';
import { columnLetters, nonEmptyCells, rowText } from '../document.js';
import type {
  AmountUnit,
  Column,
  ColumnRole,
  Paragraph,
  Side,
  Stated,
  Table,
  TableKind,
  TableMeta,
  TableRow,
} from '../model.js';
import { readAmountCell } from './amount.js';
import { categoryCodeForName, lookupCode, sameName, type CodeSystem } from './classification.js';
import { COLUMN_WORDS, INCOME_ROWS, KIND_SPEC, ROLE_NAMES, SIDE_WORDS, TABLE_KINDS, TOTAL_LABEL, type TableKindSpec } from './kinds.js';
import { readMeta, splitUnits, yearInTitle } from './meta.js';
import { labelKey, stripNumbering, toHalfWidth } from './text.js';

export interface TableReadOptions {
  /** Figures of this stream are exact (stored values in auto mode, or exact mode). */
  exact: boolean;
  /** Unit to assume when a table declares none. */
  defaultUnit: AmountUnit;
}

export interface StreamReading {
  tables: Table[];
  paragraphs: Paragraph[];
}

const LABEL = /^(表[一二三四五六七八九十\d]+(?:[-—]\d+)?|公开\d+表|公开表[\d\-—]+|附表[\d\-—]*|附件\d*)[:：、.．]?/;

export interface TitleMatch {
  spec: TableKindSpec;
  title: string;
  label?: string;
  at: Location;
}

/** Whether a row is a table title, and of which kind. */
export function matchTitle(row: Row): TitleMatch | null {
  const cells = nonEmptyCells(row);
  if (cells.length === 0 || cells.length > 3) return null;
  for (const cell of cells) {
    const m = matchTitleText(cell.text);
    if (!m) continue;
    let label = m.label;
    if (!label) {
      for (const other of cells) if (other !== cell && LABEL.test(labelKey(other.text))) label = labelKey(other.text).match(LABEL)![1];
    }
    if (cells.some((c) => c !== cell && !LABEL.test(labelKey(c.text)) && !/^(单位|金额单位)[:：]/.test(labelKey(c.text)) && c.text.length > 12)) return null;
    return { spec: m.spec, title: m.title, label, at: cell.at };
  }
  return null;
}

export function matchTitleText(raw: string): { spec: TableKindSpec; title: string; label?: string } | null {
  let t = labelKey(raw);
  if (t.length < 4 || t.length > 80) return null;
  let label: string | undefined;
  const lm = LABEL.exec(t);
  if (lm) {
    label = lm[1];
    t = t.slice(lm[0].length);
  }
  t = stripNumbering(t).replace(/^[《<]/, '').replace(/[》>]$/, '');
  // trailing scope such as (按功能分类科目) or (万元)
  while (/\([^()]*\)$/.test(t)) t = t.replace(/\([^()]*\)$/, '');
  t = t.replace(/[》>]$/, '');
  if (!t.endsWith('表') || /[，。；;,!?！？]/.test(t)) return null;
  for (const spec of TABLE_KINDS) {
    if (spec.titles.some((p) => p.test(t))) {
      const title = toHalfWidth(raw).replace(/\s+/g, '').replace(LABEL, '');
      return { spec, title: title || raw.trim(), label };
    }
  }
  return null;
}

/** Words that may appear in header rows besides column words. */
const HEADER_EXTRA =
  /^(收入|支出|本年收入|本年支出|财政拨款收入|财政拨款支出|.*支出预算|.*收入预算|.*预算支出|.*基本支出|.*经费预算数|.*经费|项目|.*科目编码|.*分类科目|编码|栏次|行次|单位名称|.*支出功能分类科目|.*\(类\)|.*\(款\)|.*\(项\))$/;

/** A heading without its year or a trailing note: "2022年预算数" → 预算数, "项目(按支出功能科目类级)" → 项目. */
export function headerKey(text: string): string {
  return labelKey(text)
    .replace(/^\d{4}年度?/, '')
    .replace(/\([^()]*\)$/, '');
}

/** Every cell of every row is asked: the answers are remembered (bounded). */
const headerWords = new Map<string, boolean>();

function isHeaderWord(text: string): boolean {
  let known = headerWords.get(text);
  if (known === undefined) {
    if (headerWords.size > 50_000) headerWords.clear();
    const k = headerKey(text);
    known = k !== '' && (COLUMN_WORDS.some((w) => w.pattern.test(k)) || HEADER_EXTRA.test(k));
    headerWords.set(text, known);
  }
  return known;
}

function looksNumeric(text: string): boolean {
  return /^[-+(（]?[\d,，]*\d(\.\d+)?[)）]?$/.test(toHalfWidth(text).replace(/\s/g, ''));
}

function isHeaderRow(row: Row): boolean {
  const cells = nonEmptyCells(row);
  if (cells.length === 0) return false;
  // "合计" alone is a total row whose amounts are blank (an empty table), not a heading
  if (cells.length === 1 && TOTAL_LABEL.test(labelKey(cells[0].text))) return false;
  if (cells.some((c) => c.numeric || looksNumeric(c.text))) return false;
  // a sentence ("二、财政专户管理资金：是指……。") names a column's words but is not a heading
  if (cells.some((c) => c.text.length > 40 || /[。；;]/.test(c.text))) return false;
  const words = cells.filter((c) => isHeaderWord(c.text)).length;
  return words >= 1 && cells.every((c) => isHeaderWord(c.text) || (c.text.length <= 14 && !/\d/.test(c.text)));
}

/** A row of running text: one cell of prose. */
function isProse(row: Row): boolean {
  const cells = nonEmptyCells(row);
  if (cells.length !== 1) return false;
  const t = cells[0].text;
  if (row.paragraph) return t.length > 14 || /[。；;，,：:]/.test(t) || /^注/.test(t);
  return t.length >= 20 || /。$/.test(t) || /^注[:：]/.test(toHalfWidth(t));
}

function isNote(text: string): boolean {
  return /^注|本表|此表|空表|未安排|无.*(支出|预算|收入)|没有/.test(toHalfWidth(text));
}

/** Finds the tables of a stream. */
export function findTables(stream: RowStream, opts: TableReadOptions): StreamReading {
  const rows = stream.rows;
  const candidates: { index: number; match: TitleMatch }[] = [];
  rows.forEach((row, index) => {
    const match = matchTitle(row);
    if (match) candidates.push({ index, match });
  });
  // A title counts when a header row follows before the next title candidate.
  const confirmed = candidates.filter((c, i) => {
    const end = Math.min(rows.length, i + 1 < candidates.length ? candidates[i + 1].index : rows.length, c.index + 16);
    for (let j = c.index + 1; j < end; j++) if (isHeaderRow(rows[j])) return true;
    return false;
  });
  const used = new Set<number>();
  const tables: Table[] = [];
  // a lone label row ("表三：") just above a title belongs to that table
  const starts = confirmed.map((c) => {
    const prev = rows[c.index - 1];
    const pc = prev ? nonEmptyCells(prev) : [];
    const lone = pc.length === 1 && LABEL.test(labelKey(pc[0].text)) && labelKey(pc[0].text).replace(LABEL, '') === '';
    return { start: lone ? c.index - 1 : c.index, label: c.match.label ?? (lone ? labelKey(pc[0].text).match(LABEL)![1] : undefined) };
  });
  confirmed.forEach((c, i) => {
    const end = i + 1 < confirmed.length ? starts[i + 1].start : rows.length;
    const table = readTable(stream, rows, c.index, end, c.match, starts[i].label, opts, used);
    for (let j = starts[i].start; j < c.index; j++) used.add(j);
    tables.push(table);
  });
  const paragraphs: Paragraph[] = [];
  rows.forEach((row, i) => {
    if (used.has(i)) return;
    const text = rowText(row);
    // a row whose only text is in its first cell is a paragraph, wherever it comes from (a sheet
    // of running text); text further right is a cell of a table (a 绩效目标表 row)
    const single = nonEmptyCells(row).length === 1 && row.cells[0]?.text !== '' && !row.cells[0]?.covered;
    if (text) paragraphs.push(row.paragraph || single ? { text, at: single && !row.paragraph ? nonEmptyCells(row)[0].at : row.at } : { text, at: row.at, cells: row.cells.map((c) => ({ text: c.text, at: c.at })) });
  });
  return { tables, paragraphs };
}

function readTable(
  stream: RowStream,
  rows: Row[],
  titleIndex: number,
  end: number,
  match: TitleMatch,
  label: string | undefined,
  opts: TableReadOptions,
  used: Set<number>,
): Table {
  const spec = match.spec;
  used.add(titleIndex);
  const meta: TableMeta = {};
  // the title row may carry the amount unit or the unit name in another cell
  for (const cell of nonEmptyCells(rows[titleIndex])) {
    if (matchTitleText(cell.text)) continue;
    const m = readMeta(cell.text);
    if (m.amountUnit) meta.amountUnit = { value: m.amountUnit, text: cell.text, at: cell.at };
    if (m.unitName) meta.unitName = { value: m.unitName, text: cell.text, at: cell.at };
    if (m.year !== undefined) meta.year = { value: m.year, text: cell.text, at: cell.at };
  }
  const titleYear = yearInTitle(match.title);
  const title: Stated = { value: match.title, text: match.title, at: match.at };
  let i = titleIndex + 1;
  let expectName = false;
  // meta rows: everything up to the first header row
  while (i < end && !isHeaderRow(rows[i])) {
    const row = rows[i];
    const text = nonEmptyCells(row).map((c) => c.text).join('  ');
    if (text === '') {
      used.add(i);
      i++;
      continue;
    }
    let consumed = false;
    for (const cell of nonEmptyCells(row)) {
      const m = readMeta(cell.text);
      if (m.any) {
        consumed = true;
        if (m.unitName) meta.unitName = { value: m.unitName, text: cell.text, at: cell.at };
        if (m.unitCode) meta.unitCode = { value: m.unitCode, text: cell.text, at: cell.at };
        if (m.parentName) meta.parentName = { value: m.parentName, text: cell.text, at: cell.at };
        if (m.year !== undefined) meta.year = { value: m.year, text: cell.text, at: cell.at };
        if (m.amountUnit) meta.amountUnit = { value: m.amountUnit, text: cell.text, at: cell.at };
        expectName = !!m.nameOnNextLine;
      } else if (expectName && /[\u4e00-\u9fa5]/.test(cell.text) && cell.text.length <= 40) {
        const units = splitUnits(cell.text);
        const u = units[units.length - 1];
        if (u?.name) {
          meta.unitName = { value: u.name, text: cell.text, at: cell.at };
          consumed = true;
          expectName = false;
        }
      } else if (/^[(（]?\d{4}年度?[)）]?$/.test(labelKey(cell.text))) {
        consumed = true;
      }
    }
    if (!consumed && isProse(row)) break;
    used.add(i);
    i++;
  }
  if (!meta.year && titleYear !== undefined) meta.year = { value: titleYear, text: match.title, at: match.at };
  // header rows
  const headerStart = i;
  while (i < end && (isHeaderRow(rows[i]) || (i > headerStart && nonEmptyCells(rows[i]).length === 0 && i + 1 < end && isHeaderRow(rows[i + 1])))) {
    used.add(i);
    i++;
  }
  const headerRows = rows.slice(headerStart, i);
  const unit = meta.amountUnit?.value ?? opts.defaultUnit;
  const table: Table = {
    id: spec.kind,
    kind: spec.kind,
    title,
    label,
    stream: stream.name,
    at: rows[titleIndex].at,
    meta,
    unit,
    columns: [],
    rows: [],
    notes: [],
    invalidCells: [],
    problems: [],
    source: [],
  };
  if (headerRows.length === 0) {
    table.problems.push({ code: 'no-header', params: {}, at: rows[titleIndex].at });
    table.at = rangeOf(rows, titleIndex, i - 1) ?? table.at;
    table.source = rows.slice(titleIndex, i);
    return table;
  }
  table.columns = mapColumns(spec, headerRows);
  const headerKeys = headerRows.map((r) => nonEmptyCells(r).map((c) => labelKey(c.text)).join('|'));
  // data rows
  const dataRows: Row[] = [];
  let last = i - 1;
  for (; i < end; i++) {
    const row = rows[i];
    const cells = nonEmptyCells(row);
    if (cells.length === 0) {
      used.add(i);
      continue;
    }
    // a header repeated after a page break, or the 栏次/行次 numbering row of 决算-style templates
    if (isHeaderRow(row) || headerKeys.includes(cells.map((c) => labelKey(c.text)).join('|')) || /^(栏次|行次)$/.test(labelKey(cells[0].text))) {
      used.add(i);
      last = i;
      continue; // a header repeated after a page break
    }
    if (isProse(row) || (row.paragraph && !isDataLike(row))) {
      const text = cells[0].text;
      if (isNote(text) && table.notes.length === 0 && !isMetaLike(text)) table.notes.push({ value: text, text, at: row.at });
      else if (isMetaLike(text)) {
        const m = readMeta(text);
        if (m.amountUnit && !meta.amountUnit) meta.amountUnit = { value: m.amountUnit, text, at: cells[0].at };
        used.add(i);
        continue;
      }
      break;
    }
    used.add(i);
    dataRows.push(row);
    last = i;
  }
  table.at = rangeOf(rows, titleIndex, last) ?? table.at;
  table.source = rows.slice(titleIndex, last + 1);
  const missing = spec.required.filter((r) => !table.columns.some((c) => c.role === r));
  if (missing.length > 0) {
    table.problems.push({ code: 'missing-columns', params: { columns: missing.map((r) => ROLE_NAMES[r].zh).join('、') }, at: headerRows[0].at });
    if (missing.includes('total') || missing.includes('name') || missing.includes('project-name')) return table;
  }
  readRows(table, spec, dataRows, opts);
  return table;
}

function isDataLike(row: Row): boolean {
  return row.cells.some((c) => c.numeric || looksNumeric(c.text));
}

function isMetaLike(text: string): boolean {
  return /^(金额)?单位[:：]/.test(toHalfWidth(text).trim());
}

function rangeOf(rows: Row[], first: number, last: number): Location | undefined {
  const a = rows[first]?.at;
  const b = rows[Math.max(first, last)];
  if (!a || !b) return undefined;
  if (a.sheet !== undefined) {
    const width = Math.max(1, ...rows.slice(first, last + 1).map((r) => r.cells.length));
    const firstRow = Number((a.cell ?? 'A1').replace(/^[A-Z]+/, ''));
    const lastRow = Number((b.at.cell ?? 'A1').replace(/^[A-Z]+/, ''));
    const lastCol = b.cells.length ? width - 1 : 0;
    return { sheet: a.sheet, range: `A${firstRow}:${columnLetters(lastCol)}${lastRow}` };
  }
  return { ...a };
}

/** Resolves each column's role from its header texts (merged cells resolved to a path). */
export function mapColumns(spec: TableKindSpec, headerRows: Row[]): Column[] {
  const width = Math.max(...headerRows.map((r) => r.cells.length));
  // exact[r][c]: text written in that cell; path[r][c]: text covering it (merge or fill-right)
  const exact: string[][] = headerRows.map((r) => Array.from({ length: width }, (_, c) => (r.cells[c] && !r.cells[c].covered ? r.cells[c].text : '')));
  const cover: string[][] = exact.map((row) => [...row]);
  const hasMerges = headerRows.some((r) => r.cells.some((c) => c.colSpan || c.rowSpan || c.covered));
  headerRows.forEach((r, ri) => {
    r.cells.forEach((cell, c) => {
      if (cell.covered || !cell.text) return;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) if (cover[ri + dr]) cover[ri + dr][c + dc] = cell.text;
    });
    if (!hasMerges && ri < headerRows.length - 1) {
      for (let c = 1; c < width; c++) if (!cover[ri][c] && exact[ri][c - 1 + 0] === '' && cover[ri][c - 1]) cover[ri][c] = cover[ri][c - 1];
      for (let c = 1; c < width; c++) if (!cover[ri][c] && cover[ri][c - 1]) cover[ri][c] = cover[ri][c - 1];
    }
  });
  const allowed = new Set(spec.roles);
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const path = cover.map((row) => row[c]).filter((t, i, a) => t !== '' && a.indexOf(t) === i);
    let leafRow = -1;
    for (let r = exact.length - 1; r >= 0; r--) if (exact[r][c]) {
      leafRow = r;
      break;
    }
    if (leafRow < 0 && hasMerges) for (let r = cover.length - 1; r >= 0; r--) if (cover[r][c]) {
      leafRow = r;
      break;
    }
    if (leafRow < 0) continue;
    const leaf = exact[leafRow][c] || cover[leafRow][c];
    const role = roleOf(leaf, cover.slice(0, leafRow).map((row) => row[c]).reverse(), allowed);
    if (!role) continue;
    let side: Side | undefined;
    if (spec.shape === 'two-sided') {
      for (const t of path) {
        const s = SIDE_WORDS.find((w) => w.pattern.test(labelKey(t)) && !COLUMN_WORDS.some((cw) => !cw.generic && cw.role !== 'name' && cw.pattern.test(labelKey(t))));
        if (s) {
          side = s.side;
          break;
        }
      }
    }
    columns.push({ index: c, role, side, label: path.join('/') || leaf });
  }
  if (spec.shape === 'two-sided' && columns.some((c) => !c.side)) {
    // no 收入/支出 heading: the second label column starts the expenditure side
    const names = columns.filter((c) => c.role === 'name' || c.role === 'code');
    const split = names.length >= 2 ? names[1].index : Infinity;
    for (const col of columns) if (!col.side) col.side = col.index < split ? 'income' : 'expenditure';
  }
  // one column per role (per side)
  const seen = new Set<string>();
  return columns.filter((c) => {
    const key = `${c.side ?? ''}:${c.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function roleOf(leaf: string, above: string[], allowed: Set<ColumnRole>): ColumnRole | undefined {
  const k = headerKey(leaf);
  const word = COLUMN_WORDS.find((w) => w.pattern.test(k) && allowed.has(w.role));
  if (word && !word.generic) return word.role;
  if (word?.generic || /^(合计|小计)$/.test(k)) {
    for (const t of above) {
      const a = headerKey(t);
      const w = COLUMN_WORDS.find((x) => x.pattern.test(a) && allowed.has(x.role) && !x.generic);
      if (w && w.role !== 'name' && w.role !== 'code' && w.role !== 'project-name') return w.role;
    }
    return allowed.has('total') ? 'total' : undefined;
  }
  // some layouts write 项目 over the name column of a tree table and also use it for projects
  if (k === '项目' && allowed.has('name')) return 'name';
  return undefined;
}

const AMOUNT_ROLES = new Set<ColumnRole>(['lei', 'kuan', 'xiang', 'code', 'name', 'project-name']);

function readRows(table: Table, spec: TableKindSpec, dataRows: Row[], opts: TableReadOptions): void {
  const system: CodeSystem = spec.codes ?? 'functional';
  if (spec.shape === 'two-sided') {
    for (const side of ['income', 'expenditure'] as Side[]) {
      const cols = table.columns.filter((c) => c.side === side);
      const state: CodeState = { system };
      for (const row of dataRows) {
        const r = readRow(table, cols, row, opts, state, side);
        if (r) table.rows.push(r);
      }
    }
    return;
  }
  const state: CodeState = { system };
  for (const row of dataRows) {
    const r = readRow(table, table.columns, row, opts, state);
    if (r) table.rows.push(r);
  }
}

interface CodeState {
  system: CodeSystem;
  lei?: string;
  kuan?: string;
  seenCode?: boolean;
  seenTotal?: boolean;
}

function cellAt(row: Row, index: number): Cell | undefined {
  return row.cells[index];
}

function digits(cell: Cell | undefined, width: number): string {
  if (!cell) return '';
  let t = toHalfWidth(cell.text).replace(/[\s\[\]【】()（）]/g, '');
  if (cell.numeric && typeof cell.value === 'number' && Number.isInteger(cell.value)) t = String(cell.value).padStart(width, '0');
  return /^\d+$/.test(t) ? t : '';
}

/** A table side's columns by role, and its amount columns (worked out once, used for every row). */
interface ColumnLayout {
  byRole: Map<ColumnRole, Column>;
  amountCols: Column[];
}
const layouts = new WeakMap<Column[], ColumnLayout>();

function layoutOf(cols: Column[]): ColumnLayout {
  let l = layouts.get(cols);
  if (!l) {
    const byRole = new Map<ColumnRole, Column>();
    for (const c of cols) if (!byRole.has(c.role)) byRole.set(c.role, c);
    l = { byRole, amountCols: cols.filter((c) => !AMOUNT_ROLES.has(c.role)) };
    layouts.set(cols, l);
  }
  return l;
}

function readRow(table: Table, cols: Column[], row: Row, opts: TableReadOptions, state: CodeState, side?: Side): TableRow | null {
  const { byRole, amountCols } = layoutOf(cols);
  const col = (role: ColumnRole) => byRole.get(role);
  const nameCol = col('name') ?? col('project-name');
  const nameCell = nameCol ? cellAt(row, nameCol.index) : undefined;
  let name = nameCell ? (nameCell.text.includes('\n') ? nameCell.text.replace(/\s*\n\s*/g, '') : nameCell.text) : '';
  const hasAmount = amountCols.some((c) => (cellAt(row, c.index)?.text ?? '') !== '' || cellAt(row, c.index)?.numeric);
  // code
  let code: string | undefined;
  const parts: TableRow['codeParts'] = {};
  const leiW = state.system === 'economic' ? 3 : 3;
  const lc = col('lei');
  const kc = col('kuan');
  const xc = col('xiang');
  const cc = col('code');
  if (lc || kc || xc) {
    const l = digits(lc && cellAt(row, lc.index), leiW);
    const k = digits(kc && cellAt(row, kc.index), 2);
    const x = digits(xc && cellAt(row, xc.index), 2);
    if (l) parts.lei = l;
    if (k) parts.kuan = k;
    if (x) parts.xiang = x;
    if (x) code = (l || state.lei || '') + (k || state.kuan?.slice(3) || '') + x;
    else if (k) code = (l || state.lei || '') + k;
    else if (l) code = l;
  } else if (cc) {
    const t = digits(cellAt(row, cc.index), 3);
    if (t) {
      code = t;
      parts.written = t;
    }
  }
  const project = col('project-name') && col('name') ? cellAt(row, col('project-name')!.index)?.text ?? '' : '';
  if (!code && name) {
    const hw = toHalfWidth(name).trim();
    const m = /^([\[【(]?)(\d{7}|\d{5}|\d{3})(?!\d)[\]】)]?\s*[-—:：.、]?\s*(\S.*)$/.exec(hw);
    // "[002]政府办" is a unit row; a bracketed code is a classification code only when its name fits
    if (m && (!m[1] || sameName(lookupCode(state.system, m[2])?.name ?? '', m[3]))) {
      code = m[2];
      parts.written = m[2];
      name = m[3].trim();
    }
  }
  const label = [parts.lei, parts.kuan, parts.xiang].filter(Boolean).join(' ') + (name ? (parts.lei || parts.kuan || parts.xiang ? ' ' : '') + name : '');
  if (!code && !name && !hasAmount) return null;
  const values: TableRow['values'] = {};
  for (const c of amountCols) {
    const cell = cellAt(row, c.index);
    const reading = readAmountCell(cell, { unit: table.unit, exact: opts.exact });
    if (reading.kind === 'figure') values[c.role] = reading.figure;
    else if (reading.kind === 'blank') values[c.role] = null;
    else
      table.invalidCells.push({
        text: reading.text,
        at: cell?.at ?? row.at,
        column: c.label,
        row: name || code || '',
      });
  }
  const labelAt = nameCell?.at ?? (lc && cellAt(row, lc.index)?.at) ?? (cc && cellAt(row, cc.index)?.at) ?? row.at;
  const out: TableRow = { kind: 'item', side, label: label || name, values, at: row.at, labelAt };
  const key = labelKey(stripNumbering(name));
  if (side === 'income') {
    if (/^其中[:：]?/.test(labelKey(name))) out.subItem = true;
    const ir = INCOME_ROWS.find((r) => r.pattern.test(labelKey(stripNumbering(labelKey(name).replace(/^其中[:：]?/, '')))));
    if (ir) {
      out.incomeRole = ir.role;
      if (ir.role === 'total') out.kind = 'total';
      else if (ir.role === 'subtotal') out.kind = 'subtotal';
    }
    if (!name && !hasAmount) return null;
    out.name = name;
    return name || hasAmount ? out : null;
  }
  if (!code && TOTAL_LABEL.test(key) && !/^(项目支出|基本支出)/.test(key)) {
    out.kind = /^本年/.test(key) ? 'subtotal' : 'total';
    state.seenTotal = true;
    out.name = name;
    return out;
  }
  if (!code) {
    const unitMatch = /^[\[【(（]\s*(\d{3,})\s*[\]】)）]\s*(.+)$/.exec(toHalfWidth(name));
    if (unitMatch) {
      out.kind = 'unit';
      out.unitCode = unitMatch[1];
      out.unitName = unitMatch[2].trim();
      out.name = name;
      return out;
    }
    if (table.kind !== 'gpb-project' && table.kind !== 'sangong') {
      const byName = side === 'expenditure' || table.kind === 'income-expenditure' ? categoryCodeForName(state.system, name) : undefined;
      if (byName) {
        code = byName;
        parts.written = undefined;
        name = stripNumbering(name);
      } else if (state.seenTotal && !state.seenCode && name && !/支出$/.test(name)) {
        out.kind = 'unit';
        out.unitName = name;
        out.name = name;
        return out;
      }
    }
  }
  if (code) {
    out.code = code;
    out.codeParts = parts;
    out.label = name ? `${code} ${name}` : code;
    state.seenCode = true;
    if (code.length === 3) {
      state.lei = code;
      state.kuan = undefined;
    } else if (code.length === 5) {
      state.lei = code.slice(0, 3);
      state.kuan = code;
    }
  }
  out.name = project && !nameCol ? project : name;
  if (project) {
    out.project = project;
    out.label = project;
  } else if (table.kind === 'gpb-project' && !code) {
    out.project = name;
  }
  return out;
}

export { KIND_SPEC };
export type { TableKind };
