/**
 * Generates the workbook fixtures from the readable sources in fixtures/src/.
 *
 *   npm run fixtures
 *
 * Source format (one .tsv per sheet, named NN-<sheet name>.tsv):
 *   - one line per row, cells separated by tabs; "\n" inside a cell is a line break;
 *   - "<" merges the cell into the one on its left, "^" into the one above;
 *   - a cell written with a decimal point (550.00, -1.13) is a number shown with two decimals;
 *     everything else (codes such as 201 or 03 included) is text.
 *
 * Outputs (all committed): fixtures/wuerhe-2022/budget.xlsx, fixtures/wuerhe-2022-clean/budget.xlsx,
 * and one folder per layout variant under fixtures/variants/, each with reference.* (the
 * published tables, mistakes included) and clean.* (the corrected twin).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';

const root = new URL('../fixtures/', import.meta.url).pathname;

export interface SrcCell {
  text: string;
  left?: boolean;
  up?: boolean;
}
export interface Sheet {
  name: string;
  rows: SrcCell[][];
}

const NUMBER = /^-?[\d,]*\d\.\d+$/;

export function readSource(dir: string): Sheet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((f) => ({
      name: f.replace(/^\d+-/, '').replace(/\.tsv$/, ''),
      rows: readFileSync(join(dir, f), 'utf8')
        .replace(/\n$/, '')
        .split('\n')
        .map((line) =>
          line.split('\t').map((t): SrcCell => (t === '<' ? { text: '', left: true } : t === '^' ? { text: '', up: true } : { text: t.replace(/\\n/g, '\n') })),
        ),
    }));
}

interface WriteOptions {
  /** Number format of amount cells. */
  format?: string;
  /** Write amounts as text instead of numbers. */
  textNumbers?: (text: string) => string;
}

function toWorksheet(sheet: Sheet, opts: WriteOptions): XLSX.WorkSheet {
  const aoa: (string | number | null)[][] = sheet.rows.map((row) =>
    row.map((c) => {
      if (c.left || c.up) return null;
      if (NUMBER.test(c.text)) return opts.textNumbers ? opts.textNumbers(c.text) : Number(c.text.replace(/,/g, ''));
      return c.text === '' ? null : c.text;
    }),
  );
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const format = opts.format ?? '0.00';
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const cell = ws[key] as XLSX.CellObject;
    if (cell.t === 'n') {
      cell.z = format;
      cell.w = XLSX.SSF.format(format, cell.v as number);
    }
  }
  ws['!merges'] = merges(sheet);
  ws['!cols'] = (sheet.rows[0] ?? []).map((_, i) => ({ wch: i === 0 ? 18 : 14 }));
  return ws;
}

function merges(sheet: Sheet): XLSX.Range[] {
  const out: XLSX.Range[] = [];
  const taken = new Set<string>();
  sheet.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.left || c.up || taken.has(`${r},${col}`)) return;
      let c2 = col;
      while (sheet.rows[r][c2 + 1]?.left) c2++;
      let r2 = r;
      while (sheet.rows[r2 + 1]?.[col]?.up) r2++;
      if (c2 > col || r2 > r) {
        out.push({ s: { r, c: col }, e: { r: r2, c: c2 } });
        for (let i = r; i <= r2; i++) for (let j = col; j <= c2; j++) taken.add(`${i},${j}`);
      }
    }),
  );
  return out;
}

export function workbook(sheets: Sheet[], opts: WriteOptions = {}): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, toWorksheet(s, opts), s.name);
  return wb;
}

function write(wb: XLSX.WorkBook, file: string, bookType: XLSX.BookType = 'xlsx'): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const buf = XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;
  writeFileSync(file, buf);
}

function writeCsvGbk(sheets: Sheet[], file: string): void {
  const ws = toWorksheet(oneSheet(sheets), {});
  const csv = XLSX.utils.sheet_to_csv(ws, { blankrows: true });
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, iconv.encode(csv.replace(/\n/g, '\r\n'), 'gbk'));
}

// ---------------------------------------------------------------- layout variants

const clone = (sheets: Sheet[]): Sheet[] => sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => ({ ...c }))) }));

function mapNumbers(sheets: Sheet[], f: (text: string) => string): Sheet[] {
  const out = clone(sheets);
  for (const s of out) for (const r of s.rows) for (const c of r) if (NUMBER.test(c.text)) c.text = f(c.text);
  return out;
}

function mapText(sheets: Sheet[], f: (text: string) => string): Sheet[] {
  const out = clone(sheets);
  for (const s of out) for (const r of s.rows) for (const c of r) if (!NUMBER.test(c.text)) c.text = f(c.text);
  return out;
}

/** Amounts in 元: ×10,000, and the declared unit changed. */
function inYuan(sheets: Sheet[]): Sheet[] {
  const scaled = mapNumbers(sheets, (t) => {
    const [i, d = ''] = t.replace(/,/g, '').split('.');
    const cents = BigInt(i.replace('-', '') + d.padEnd(2, '0').slice(0, 2)) * 10000n;
    const s = cents.toString().padStart(3, '0');
    return (t.startsWith('-') ? '-' : '') + s.slice(0, -2) + '.' + s.slice(-2);
  });
  return mapText(scaled, (t) => t.replace('金额单位：万元', '金额单位：元'));
}

/** Where a tree table keeps its code columns (类/款/项 header row) and its name column. */
function codeLayout(s: Sheet): { header: number; cols: number[]; name: number } | null {
  const header = s.rows.findIndex((r) => r[0]?.text === '类' && r[1]?.text === '款');
  if (header < 0) return null;
  const cols = s.rows[header][2]?.text === '项' ? [0, 1, 2] : [0, 1];
  const nameRow = s.rows.slice(0, header + 1).find((r) => r.some((c) => /科目名称$/.test(c.text)));
  const name = nameRow ? nameRow.findIndex((c) => /科目名称$/.test(c.text)) : cols.length;
  return { header, cols, name };
}

/** Full codes for each data row of a tree table, carrying parents down. */
function fullCodes(s: Sheet, layout: { header: number; cols: number[] }): string[] {
  let lei = '';
  let kuan = '';
  return s.rows.map((r, i) => {
    if (i <= layout.header) return '';
    const [l, k, x] = layout.cols.map((c) => (/^\d+$/.test(r[c]?.text ?? '') ? r[c].text : ''));
    if (x) return (l || lei) + (k || kuan) + x;
    if (k) {
      lei = l || lei;
      kuan = k;
      return lei + k;
    }
    if (l) {
      lei = l;
      return l;
    }
    return '';
  });
}

/** Codes joined in one column ("2010301") or written in the name cell ("2010301 行政运行"). */
function joinedCodes(sheets: Sheet[], into: 'column' | 'name'): Sheet[] {
  return clone(sheets).map((s) => {
    const layout = codeLayout(s);
    if (!layout) return s;
    const codes = fullCodes(s, layout);
    const drop = into === 'column' ? layout.cols.slice(1) : layout.cols;
    const headerTop = s.rows.findIndex((r, i) => i > 0 && i <= layout.header && !r.some((c) => /[:：]/.test(c.text)) && r.some((c) => c.text && !/表$/.test(c.text)) && !/^表.：$/.test(r[0]?.text ?? '') && i > 1);
    s.rows = s.rows.map((r, i) => {
      const row = r.map((c) => ({ ...c }));
      if (i < headerTop) {
        // title and meta rows keep their text: drop merge continuations or blanks from the right
        let n = drop.length;
        for (let c = row.length - 1; c > 0 && n > 0; c--) if (row[c].left || row[c].text === '') {
          row.splice(c, 1);
          n--;
        }
        return row;
      }
      // a note written under the grid keeps its text
      if (i > layout.header && row.filter((c) => c.text).length === 1 && row[0]?.text.length > 20) return row;
      if (i > layout.header && into === 'name' && codes[i]) row[layout.name].text = `${codes[i]} ${row[layout.name].text}`;
      if (i > layout.header && into === 'column') row[layout.cols[0]] = { text: codes[i] };
      if (i === layout.header && into === 'column') row[layout.cols[0]] = { text: '', up: true };
      return row.filter((_, c) => !drop.includes(c));
    });
    if (into === 'name') {
      // the code heading disappears: its cells become part of the name heading
      s.rows = s.rows.map((r, i) => (i < layout.header ? r.map((c) => (/科目编码$/.test(c.text) ? { text: '' } : c)) : r));
    }
    fixDanglingMerges(s);
    return s;
  });
}

function fixDanglingMerges(s: Sheet): void {
  s.rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (c.left && (j === 0 || (r[j - 1].text === '' && !r[j - 1].left && !r[j - 1].up))) r[j] = { text: '' };
      if (c.up && (i === 0 || !s.rows[i - 1][j] || (s.rows[i - 1][j].text === '' && !s.rows[i - 1][j].up && !s.rows[i - 1][j].left))) r[j] = { text: '' };
    }),
  );
}

/** 合计 moved from the first data row to the last. */
function totalLast(sheets: Sheet[]): Sheet[] {
  return clone(sheets).map((s) => {
    const layout = codeLayout(s);
    if (!layout) return s;
    const i = s.rows.findIndex((r, k) => k > layout.header && r.some((c) => c.text === '合计'));
    if (i < 0) return s;
    const [row] = s.rows.splice(i, 1);
    s.rows.push(row);
    return s;
  });
}

/** The header block repeated in the middle of each table, as after a page break. */
function repeatedHeader(sheets: Sheet[]): Sheet[] {
  return clone(sheets).map((s) => {
    const first = s.rows.findIndex((r) => r.some((c) => NUMBER.test(c.text)));
    if (first < 0) return s;
    const headerStart = s.rows.findIndex((r, i) => i > 1 && i < first && !/[:：]/.test(r.map((c) => c.text).join('')));
    const header = s.rows.slice(headerStart, first).map((r) => r.map((c) => ({ ...c })));
    const mid = first + Math.max(1, Math.floor((s.rows.length - first) / 2));
    if (mid >= s.rows.length) return s;
    s.rows.splice(mid, 0, [{ text: '' }], ...header);
    return s;
  });
}

/** Numbers stored as text: thousands separators, "-" for zero, some zeros left blank. */
function textNumbers(sheets: Sheet[]): { sheets: Sheet[]; format: (t: string) => string } {
  let n = 0;
  const format = (t: string) => {
    const [i, d] = t.split('.');
    if (/^-?0+$/.test(i) && /^0+$/.test(d)) return n++ % 2 === 0 ? '-' : '';
    const neg = i.startsWith('-');
    return (neg ? '-' : '') + i.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + d;
  };
  return { sheets, format };
}

/** All tables on one sheet, one after another. */
function oneSheet(sheets: Sheet[]): Sheet {
  const width = Math.max(...sheets.flatMap((s) => s.rows.map((r) => r.length)));
  const rows: SrcCell[][] = [];
  for (const s of sheets) {
    if (rows.length) rows.push([{ text: '' }], [{ text: '' }]);
    for (const r of s.rows) rows.push([...r, ...Array.from({ length: width - r.length }, () => ({ text: '' }))]);
  }
  return { name: '预算公开表', rows };
}

/** Sheets named 1, 2, 3 … and not in the usual order. */
function renamedShuffled(sheets: Sheet[]): Sheet[] {
  const order = sheets.map((_, i) => i).sort((a, b) => ((a * 5 + 3) % 7) - ((b * 5 + 3) % 7) || a - b);
  return order.map((i, k) => ({ ...clone([sheets[i]])[0], name: String(k + 1) }));
}

interface RuleFixture {
  rule: string;
  name: string;
  dropSheet?: string[];
  cells?: { sheet: string; cell: string; text: string }[];
}

function applyChanges(sheets: Sheet[], f: RuleFixture): Sheet[] {
  const out = clone(sheets).filter((s) => !f.dropSheet?.includes(s.name));
  for (const c of f.cells ?? []) {
    const sheet = out.find((s) => s.name === c.sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(c.cell);
    if (!sheet || !m) throw new Error(`bad change ${JSON.stringify(c)}`);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = sheet.rows[Number(m[2]) - 1];
    while (row.length <= col) row.push({ text: '' });
    row[col] = { text: c.text.replace(/\\n/g, '\n') };
  }
  return out;
}

/** The disclosure text without its tables part (the second 第二部分 heading up to 第三部分), blank lines dropped. */
function narrativeLines(text: string): string[] {
  const lines = text.split('\n');
  const parts = lines.map((l, i) => [l, i] as const);
  const start = parts.filter(([l]) => l.startsWith('第二部分'))[1]?.[1] ?? -1;
  const end = parts.filter(([l]) => l.startsWith('第三部分'))[1]?.[1] ?? -1;
  return lines.filter((l, i) => l.trim() !== '' && (start < 0 || i < start || i >= end));
}

/** Files the tool must refuse with a clear message (fixtures/bad/). */
function writeBadInputs(good: Buffer): void {
  const dir = join(root, 'bad');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'empty.xlsx'), Buffer.alloc(0));
  // a PNG image given the name of a workbook
  writeFileSync(join(dir, 'not-a-workbook.xlsx'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
  // a download cut short: the first half of a real workbook
  writeFileSync(join(dir, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  // a password-protected workbook: Office stores it as an OLE container holding the
  // EncryptionInfo and EncryptedPackage streams instead of the zip package
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(4096, 0x5a));
  writeFileSync(join(dir, 'encrypted.xlsx'), Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array));
  // a workbook that holds something else than a budget disclosure
  const other = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(other, XLSX.utils.aoa_to_sheet([['姓名', '电话'], ['张三', '13800000000']]), '通讯录');
  write(other, join(dir, 'no-tables.xlsx'));
}

// ---------------------------------------------------------------- main

function main(): void {
  const reference = readSource(join(root, 'src/wuerhe-2022'));
  const clean = readSource(join(root, 'src/wuerhe-2022-clean'));
  write(workbook(reference), join(root, 'wuerhe-2022/budget.xlsx'));
  write(workbook(clean), join(root, 'wuerhe-2022-clean/budget.xlsx'));
  const variants: { name: string; build: (s: Sheet[]) => { sheets: Sheet[]; opts?: WriteOptions; type?: 'xls' | 'csv' } }[] = [
    { name: 'yuan', build: (s) => ({ sheets: inYuan(s), opts: { format: '#,##0.00' } }) },
    { name: 'joined-codes', build: (s) => ({ sheets: joinedCodes(s, 'column') }) },
    { name: 'code-in-name', build: (s) => ({ sheets: joinedCodes(s, 'name') }) },
    { name: 'total-last', build: (s) => ({ sheets: totalLast(s) }) },
    { name: 'repeated-header', build: (s) => ({ sheets: repeatedHeader(s) }) },
    {
      name: 'text-numbers',
      build: (s) => {
        const t = textNumbers(s);
        return { sheets: t.sheets, opts: { textNumbers: t.format } };
      },
    },
    { name: 'one-sheet', build: (s) => ({ sheets: [oneSheet(s)] }) },
    { name: 'sheet-order', build: (s) => ({ sheets: renamedShuffled(s) }) },
    { name: 'xls', build: (s) => ({ sheets: s, type: 'xls' }) },
    { name: 'csv-gbk', build: (s) => ({ sheets: s, type: 'csv' }) },
  ];
  for (const v of variants) {
    for (const [which, src] of [
      ['reference', reference],
      ['clean', clean],
    ] as const) {
      const { sheets, opts, type } = v.build(src);
      const dir = join(root, 'variants', v.name);
      if (type === 'csv') writeCsvGbk(sheets, join(dir, `${which}.csv`));
      else if (type === 'xls') write(workbook(sheets, opts), join(dir, `${which}.xls`), 'biff8');
      else write(workbook(sheets, opts), join(dir, `${which}.xlsx`));
    }
  }
  // layouts too different to derive: their own sources
  for (const name of readdirSync(join(root, 'src/variants'))) {
    for (const which of ['reference', 'clean']) write(workbook(readSource(join(root, 'src/variants', name, which))), join(root, 'variants', name, `${which}.xlsx`));
  }
  // rule fixtures: the clean twin with a few cells changed (fixtures/src/rules.json)
  const spec = JSON.parse(readFileSync(join(root, 'src/rules.json'), 'utf8')) as { fixtures: RuleFixture[] };
  for (const f of spec.fixtures) write(workbook(applyChanges(clean, f)), join(root, 'rules', f.rule, `${f.name}.xlsx`));
  // narrative rule fixtures: the clean disclosure text with phrases replaced (fixtures/src/narrative-rules.json)
  const text = readFileSync(join(root, 'wuerhe-2022-clean/disclosure.txt'), 'utf8');
  const nspec = JSON.parse(readFileSync(join(root, 'src/narrative-rules.json'), 'utf8')) as { fixtures: { rule: string; name: string; replace: [string, string][] }[] };
  for (const f of nspec.fixtures) {
    let out = text;
    for (const [from, to] of f.replace) {
      if (!out.includes(from)) throw new Error(`${f.rule}/${f.name}: text not found: ${from.slice(0, 40)}`);
      out = out.split(from).join(to);
    }
    mkdirSync(join(root, 'rules', f.rule), { recursive: true });
    writeFileSync(join(root, 'rules', f.rule, `${f.name}.txt`), out);
  }
  // the narrative as a sheet of the workbook, one paragraph per row (some exports do this)
  for (const [which, dir, sheets] of [
    ['reference', 'wuerhe-2022', reference],
    ['clean', 'wuerhe-2022-clean', clean],
  ] as const) {
    const lines = narrativeLines(readFileSync(join(root, dir, 'disclosure.txt'), 'utf8'));
    const sheet: Sheet = { name: '情况说明', rows: lines.map((l) => l.split('\t').map((t) => ({ text: t }))) };
    write(workbook([...sheets, sheet]), join(root, 'variants-narrative', `${which}.xlsx`));
  }
  writeBadInputs(readFileSync(join(root, 'wuerhe-2022-clean/budget.xlsx')));
  console.log(`wrote 2 workbooks, ${variants.length} derived variants × 2, ${spec.fixtures.length} rule fixtures, bad inputs`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
