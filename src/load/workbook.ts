import * as XLSX from 'xlsx';
import { Dec } from '../decimal.js';
import { columnLetters, type Cell, type Document, type Row, type RowStream } from '../document.js';
import { decodeText } from './encoding.js';
import { LoadError } from './errors.js';
import { Zip } from './zip.js';

/** Reads .xlsx / .xls (and other SheetJS formats) into one row stream per sheet. */
export function loadWorkbook(file: string, bytes: Uint8Array, format: 'xlsx' | 'xls'): Document {
  // SheetJS can hang on a damaged zip: the package is checked part by part first
  if (format === 'xlsx') new Zip(bytes).verify();
  let wb: XLSX.WorkBook;
  try {
    // cell text of numbers is formatted here, from the number format (SheetJS formatting every cell is slow)
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellText: false, cellDates: false, cellFormula: false, cellHTML: false, WTF: false });
  } catch (e) {
    throw workbookError(e);
  }
  return { file, format, storedValues: true, streams: wb.SheetNames.map((name) => sheetStream(name, wb.Sheets[name])) };
}

/** Reads a CSV file (UTF-8 or GBK) as one sheet; every value is kept as written. */
export function loadCsv(file: string, bytes: Uint8Array): Document {
  const { text } = decodeText(bytes);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(text, { type: 'string', raw: true, dense: true, cellText: true });
  } catch (e) {
    throw workbookError(e);
  }
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return { file, format: 'csv', storedValues: true, streams: wb.SheetNames.map((name) => sheetStream(wb.SheetNames.length === 1 ? base : name, wb.Sheets[name])) };
}

function workbookError(e: unknown): LoadError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(msg)) return new LoadError('E_ENCRYPTED', {}, { cause: e });
  return new LoadError('E_CORRUPT', { detail: msg }, { cause: e });
}

function sheetStream(name: string, ws: XLSX.WorkSheet): RowStream {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: Row[] = [];
  // merged areas by cell, keyed row × 2^14 + column (a sheet has at most 16,384 columns)
  const spans = new Map<number, { r: number; c: number }>();
  const covered = new Set<number>();
  for (const m of ws['!merges'] ?? []) {
    spans.set(m.s.r * COLS + m.s.c, { r: m.e.r - m.s.r + 1, c: m.e.c - m.s.c + 1 });
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(r * COLS + c);
  }
  const merged = spans.size > 0;
  for (let r = 0; r < data.length; r++) {
    const src = data[r] ?? [];
    const cells: Cell[] = [];
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      const at = { sheet: name, cell: letters(c) + (r + 1) };
      const out: Cell = { text: cell ? cellText(cell) : '', at };
      if (cell && cell.t === 'n') {
        out.numeric = true;
        out.value = cell.v as number;
        const d = decimalsOf(cell);
        if (d !== undefined) out.decimals = d;
      } else if (cell && cell.v !== undefined && cell.t !== 'z') {
        out.value = cell.v as string | boolean;
      }
      if (merged) {
        const key = r * COLS + c;
        const span = spans.get(key);
        if (span) {
          if (span.c > 1) out.colSpan = span.c;
          if (span.r > 1) out.rowSpan = span.r;
        }
        if (covered.has(key)) out.covered = true;
      }
      cells.push(out);
    }
    while (cells.length && cells[cells.length - 1].text === '' && !cells[cells.length - 1].covered) cells.pop();
    rows.push({ cells, at: { sheet: name, cell: `A${r + 1}` } });
  }
  return { name, rows };
}

const COLS = 1 << 14;
const LETTERS: string[] = [];
function letters(c: number): string {
  return (LETTERS[c] ??= columnLetters(c));
}

/** Decimals a number format shows ("0.00", "#,##0.00_ ;[Red]…" → 2), remembered per format. */
const formatDecimals = new Map<string, number | null>();

function decimalsOf(cell: XLSX.CellObject): number | undefined {
  const z = typeof cell.z === 'string' ? cell.z : 'General';
  let d = formatDecimals.get(z);
  if (d === undefined) {
    const first = z.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
    if (/^General$/i.test(first) || first === '@') d = null;
    else if (/[0#?]/.test(first) && !/[ymdhs%]/i.test(first)) d = (/\.([0#?]+)/.exec(first)?.[1].length ?? 0);
    else d = -1; // dates, percentages …: SheetJS formats them
    formatDecimals.set(z, d);
  }
  return d === null || d < 0 ? undefined : d;
}

function numberText(cell: XLSX.CellObject): string {
  const v = cell.v as number;
  const d = decimalsOf(cell);
  if (d !== undefined) {
    // most stored amounts already have at most the shown decimals ("123.4" shown as 123.40): pad
    const s = String(v);
    const dot = s.indexOf('.');
    const have = dot < 0 ? 0 : s.length - dot - 1;
    if (have <= d && !/e/i.test(s)) return d === 0 ? s : (dot < 0 ? s + '.' : s) + '0'.repeat(d - have);
    return Dec.fromNumber(v).toFixed(d);
  }
  const z = typeof cell.z === 'string' ? cell.z : 'General';
  if (formatDecimals.get(z) === null) return Number.isFinite(v) ? Dec.fromNumber(v).toString() : String(v);
  try {
    return XLSX.SSF.format(z, v);
  } catch {
    return String(v);
  }
}

function cellText(cell: XLSX.CellObject): string {
  if (cell.t === 'z') return '';
  if (cell.t === 'n' && cell.w === undefined) return Number.isFinite(cell.v as number) ? numberText(cell) : String(cell.v);
  const w = cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
  return w.replace(/\r\n?/g, '\n').trim();
}
