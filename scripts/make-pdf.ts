/**
 * Generates the PDF fixtures: the reference disclosure and its clean twin printed the way a unit
 * publishes them, the narrative and the tables in one PDF.
 *
 *   npm run fixtures:pdf          (npx tsx scripts/make-pdf.ts)
 *   npx tsx scripts/make-pdf.ts --if-available    exits 0 with a message when LibreOffice or
 *                                                 qpdf is missing (what `npm run fixtures` uses)
 *
 * Inputs, for <set> = wuerhe-2022 and wuerhe-2022-clean: fixtures/<set>/budget.xlsx (the tables,
 * one sheet each) and fixtures/<set>/budget.docx (the narrative: cover, table of contents,
 * 第一部分, 第三部分 …). Output (committed): fixtures/<set>/disclosure.pdf.
 *
 * Pipeline:
 *   1. The workbook is read with SheetJS and written again as a flat OpenDocument spreadsheet
 *      (.fods) that carries what SheetJS cannot write into an .xlsx: a print layout. Every
 *      sheet prints with one page style: A4 landscape, no header or footer, no grid lines, thin borders around the
 *      header and data cells, the title centred over the table, column widths from the content
 *      (text columns capped, so long names wrap in their cells; the table never wider than the
 *      page, so nothing is scaled), rows as high as their wrapped text, the column header rows
 *      repeated on every page a table runs over, a note under a table set across its width.
 *      Cell values, number formats (0.00) and merged cells are the workbook's.
 *   2. The .docx is converted to a flat OpenDocument text (.fodt) by LibreOffice and given one
 *      change: its "Heading 1" style (第一部分 … 第四部分) starts a new page, as in published
 *      disclosures, so that the tables can be put between 第一部分 and 第三部分.
 *   3. LibreOffice prints both to PDF (calc_pdf_Export, writer_pdf_Export, default options).
 *   4. qpdf puts the pages together in the published order — the narrative's pages before the
 *      page where 第三部分 starts (cover, table of contents, 第一部分), then the tables, then the
 *      rest of the narrative — into a new file (--empty: no document information dictionary and
 *      no XMP metadata are carried over, so neither the producer's creation/modification dates
 *      nor the file names are in it) with a deterministic /ID (--deterministic-id).
 *
 * LibreOffice runs with a throwaway user profile (-env:UserInstallation) so that no personal
 * settings change the output. With the same tool and font versions a rerun writes the same
 * bytes; the script prints the start of each file's SHA-256.
 *
 * Tool versions used for the committed files (Debian 12 packages):
 *   LibreOffice 7.4.7.2 (libreoffice-calc, libreoffice-writer 4:7.4.7-1+deb12u14)
 *   qpdf 11.3.0 (qpdf 11.3.0-1+deb12u1)
 *   fonts-noto-cjk 1:20220127+repack1-1 (Noto Serif CJK SC / Noto Sans CJK SC),
 *   fonts-liberation 1:1.07.4-11 (Liberation Serif / Sans for the .docx's Latin text), as
 *   installed with LibreOffice
 *   apt-get install -y libreoffice-calc libreoffice-writer fonts-noto-cjk qpdf
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');
const SETS = ['wuerhe-2022', 'wuerhe-2022-clean'];

// ---------------------------------------------------------------------------------------------
// tools

function found(cmd: string): boolean {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function soffice(profile: string, outdir: string, format: string, files: string[]): void {
  run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', format, '--outdir', outdir, ...files]);
  for (const f of files) {
    const out = join(outdir, f.replace(/^.*\//, '').replace(/\.[^.]+$/, '') + '.' + format.replace(/:.*$/, ''));
    if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  }
}

// ---------------------------------------------------------------------------------------------
// the workbook's print copy (flat ODS)

const FONT = 'Noto Serif CJK SC';
/** Cell font size, pt. */
const SIZE = 10;
/** A4 landscape, margins, in pt. */
const PAGE = { width: 841.89, height: 595.28, marginX: 42.52, marginTop: 42.52, marginBottom: 42.52 };
const USABLE = PAGE.width - 2 * PAGE.marginX;
/** Cell padding (left + right), pt. */
const PAD = 8;
/** Widest a text column gets before its text wraps, in ems. */
const TEXT_CAP = 16;
/** Widest a heading makes its column before it wraps, in ems. */
const HEAD_CAP = 5;
/** Narrowest column, in ems. */
const MIN_COL = 3;

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Advance of a string in ems: CJK and full-width 1, the rest about 0.55. */
function ems(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0x3000 && c <= 0x303f) || c === 0x201c || c === 0x201d ? 1 : 0.55;
  }
  return w;
}

interface PCell {
  text: string;
  number?: number;
  /** Merge: spans (top-left cell) or covered. */
  cols?: number;
  rows?: number;
  covered?: boolean;
}

type Part = 'label' | 'title' | 'meta' | 'header' | 'data' | 'note' | 'blank';

interface PSheet {
  name: string;
  cells: PCell[][];
  width: number;
  parts: Part[];
}

function readSheet(name: string, ws: XLSX.WorkSheet): PSheet {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
  const width = range.e.c + 1;
  const cells: PCell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: PCell[] = [];
    for (let c = 0; c < width; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (!cell || cell.v === undefined || cell.v === null || cell.v === '') row.push({ text: '' });
      else if (cell.t === 'n') row.push({ text: cell.w ?? XLSX.SSF.format((cell.z as string) ?? '0.00', cell.v as number), number: cell.v as number });
      else row.push({ text: String(cell.w ?? cell.v) });
    }
    cells.push(row);
  }
  for (const m of ws['!merges'] ?? []) {
    const top = cells[m.s.r][m.s.c];
    top.cols = m.e.c - m.s.c + 1;
    top.rows = m.e.r - m.s.r + 1;
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) cells[r][c] = { text: '', covered: true };
  }
  // which part of the table each row is: label (表一：), title, meta (编码及名称 预算年度 金额单位),
  // header rows, data rows (from the first row with a number), a note under the grid
  const filled = (r: number) => cells[r].filter((c) => c.text !== '');
  const titleRow = cells.findIndex((row) => row.some((c) => /表$/.test(c.text) && (c.cols ?? 1) > 1));
  const metaRow = cells.findIndex((row, r) => r > titleRow && row.some((c) => /[:：]/.test(c.text)));
  const firstData = cells.findIndex((row, r) => r > metaRow && row.some((c) => c.number !== undefined));
  const parts: Part[] = cells.map((row, r): Part => {
    if (filled(r).length === 0 && !row.some((c) => c.covered)) return 'blank';
    if (r < titleRow) return 'label';
    if (r === titleRow) return 'title';
    if (r === metaRow) return 'meta';
    const one = filled(r);
    if (one.length === 1 && ems(one[0].text) > 20 && !row.some((c) => c.covered || (c.cols ?? 1) > 1)) return 'note';
    if (firstData < 0 || r < firstData) return 'header';
    return 'data';
  });
  // a note under the grid is set across the table's width, wrapped
  cells.forEach((row, r) => {
    if (parts[r] !== 'note') return;
    const at = row.findIndex((c) => c.text !== '');
    if (at !== 0) return;
    row[0].cols = width;
    for (let c = 1; c < width; c++) row[c] = { text: '', covered: true };
  });
  return { name, cells, width, parts };
}

/** Column widths in pt: from the header and data cells, text capped, the table within the page. */
function columnWidths(s: PSheet): number[] {
  const need = Array.from({ length: s.width }, () => MIN_COL);
  /** What a column cannot do without: its figures, or two characters. */
  const floor = Array.from({ length: s.width }, () => 2);
  const text = Array.from({ length: s.width }, () => false);
  s.cells.forEach((row, r) => {
    const part = s.parts[r];
    if (part !== 'header' && part !== 'data') return;
    row.forEach((c, i) => {
      if (c.covered || (c.cols ?? 1) > 1 || c.text === '') return;
      const w = Math.max(...c.text.split('\n').map(ems));
      if (c.number !== undefined) {
        need[i] = Math.max(need[i], w + 1);
        floor[i] = Math.max(floor[i], w + 0.6);
      } else if (part === 'header') need[i] = Math.max(need[i], Math.min(w, HEAD_CAP));
      else {
        text[i] = true;
        need[i] = Math.max(need[i], Math.min(w, TEXT_CAP));
      }
    });
  });
  // merged meta cells (编码及名称 over two columns) get room for their lines
  s.cells.forEach((row, r) => {
    if (s.parts[r] !== 'meta') return;
    row.forEach((c, i) => {
      if (c.covered || c.text === '') return;
      const span = c.cols ?? 1;
      const w = Math.max(...c.text.split('\n').map(ems));
      const have = need.slice(i, i + span).reduce((a, b) => a + b, 0);
      if (w > have) for (let k = i; k < i + span; k++) need[k] += (w - have) / span;
    });
  });
  let widths = need.map((w) => w * SIZE + PAD);
  const sum = () => widths.reduce((a, b) => a + b, 0);
  if (sum() > USABLE) {
    // narrower text columns first (their text wraps), then every column down to its floor
    const fixed = widths.reduce((a, w, i) => a + (text[i] ? 0 : w), 0);
    const k = Math.max(0.5, (USABLE - fixed) / (sum() - fixed));
    widths = widths.map((w, i) => (text[i] ? w * k : w));
    if (sum() > USABLE) {
      const floors = floor.map((f) => f * SIZE + PAD);
      const spare = sum() - floors.reduce((a, b) => a + b, 0);
      const cut = Math.min(1, (sum() - USABLE) / spare);
      widths = widths.map((w, i) => w - (w - floors[i]) * cut);
    }
  } else {
    // a table uses most of the page's width, as printed tables do
    const k = Math.min(2, (0.92 * USABLE) / sum());
    widths = widths.map((w) => w * k);
  }
  return widths.map((w) => Math.round(w * 100) / 100);
}

const CELL_STYLES: Record<string, string> = {
  // title: 16pt, centred over the table
  title: `<style:table-cell-properties style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/>`,
  label: `<style:table-cell-properties style:vertical-align="bottom"/><style:paragraph-properties fo:text-align="start"/>`,
  meta: `<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="bottom"/><style:paragraph-properties fo:text-align="start"/>`,
  head: `<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle" fo:border="0.5pt solid #000000" fo:padding="0.06cm"/><style:paragraph-properties fo:text-align="center"/>`,
  text: `<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle" fo:border="0.5pt solid #000000" fo:padding="0.06cm"/><style:paragraph-properties fo:text-align="start"/>`,
  num: `<style:table-cell-properties style:vertical-align="middle" fo:border="0.5pt solid #000000" fo:padding="0.06cm"/><style:paragraph-properties fo:text-align="end"/>`,
  note: `<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/><style:paragraph-properties fo:text-align="start"/>`,
};

function fods(sheets: PSheet[]): string {
  const out: string[] = [];
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`,
    `<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>`,
    `<office:styles>`,
    `<style:default-style style:family="table-cell"><style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" style:font-name-complex="${FONT}" fo:font-size="${SIZE}pt" style:font-size-asian="${SIZE}pt" style:font-size-complex="${SIZE}pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>`,
    `<number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>`,
    `<style:style style:name="Default" style:family="table-cell"/>`,
    `</office:styles>`,
    `<office:automatic-styles>`,
  );
  sheets.forEach((s, k) => {
    columnWidths(s).forEach((w, c) => out.push(`<style:style style:name="co${k}_${c}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${w}pt"/></style:style>`));
  });
  out.push(`<style:style style:name="ro" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true" fo:break-before="auto"/></style:style>`);
  out.push(`<style:style style:name="rotitle" style:family="table-row"><style:table-row-properties style:row-height="30pt" style:use-optimal-row-height="false" fo:break-before="auto"/></style:style>`);
  for (const [name, props] of Object.entries(CELL_STYLES))
    out.push(`<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${name === 'num' ? ' style:data-style-name="N2"' : ''}>${props}</style:style>`);
  out.push(`<style:style style:name="ta" style:family="table" style:master-page-name="Tables"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>`);
  out.push(
    `<style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="${PAGE.width}pt" fo:page-height="${PAGE.height}pt" style:print-orientation="landscape" fo:margin-left="${PAGE.marginX}pt" fo:margin-right="${PAGE.marginX}pt" fo:margin-top="${PAGE.marginTop}pt" fo:margin-bottom="${PAGE.marginBottom}pt" style:print="objects charts drawings zero-values" style:print-page-order="ttb" style:first-page-number="continue" style:scale-to="100%" style:table-centering="horizontal" style:writing-mode="lr-tb"/><style:header-style/><style:footer-style/></style:page-layout>`,
  );
  out.push(`</office:automatic-styles>`);
  out.push(`<office:master-styles><style:master-page style:name="Tables" style:page-layout-name="pm"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page></office:master-styles>`);
  out.push(`<office:body><office:spreadsheet>`);
  sheets.forEach((s, k) => {
    out.push(`<table:table table:name="${xml(s.name)}" table:style-name="ta">`);
    for (let c = 0; c < s.width; c++) out.push(`<table:table-column table:style-name="co${k}_${c}" table:default-cell-style-name="Default"/>`);
    let inHeader = false;
    // the column header rows are repeated on every page the table runs over
    const repeat = s.parts.some((p) => p === 'data');
    s.cells.forEach((row, r) => {
      const part = s.parts[r];
      if (repeat && part === 'header' && !inHeader) {
        out.push('<table:table-header-rows>');
        inHeader = true;
      }
      if (inHeader && part !== 'header') {
        out.push('</table:table-header-rows>');
        inHeader = false;
      }
      out.push(`<table:table-row table:style-name="${part === 'title' ? 'rotitle' : 'ro'}">`);
      for (const c of row) {
        if (c.covered) {
          out.push('<table:covered-table-cell/>');
          continue;
        }
        const style =
          part === 'header' ? 'head' : part === 'data' ? (c.number !== undefined ? 'num' : 'text') : part === 'blank' ? 'label' : part;
        const span = (c.cols ?? 1) > 1 || (c.rows ?? 1) > 1 ? ` table:number-columns-spanned="${c.cols ?? 1}" table:number-rows-spanned="${c.rows ?? 1}"` : '';
        const paras = c.text === '' ? '' : c.text.split('\n').map((t) => `<text:p>${xml(t)}</text:p>`).join('');
        if (c.number !== undefined) out.push(`<table:table-cell table:style-name="${style}"${span} office:value-type="float" office:value="${c.number}">${paras}</table:table-cell>`);
        else if (c.text !== '') out.push(`<table:table-cell table:style-name="${style}"${span} office:value-type="string">${paras}</table:table-cell>`);
        else out.push(`<table:table-cell table:style-name="${style}"${span}/>`);
      }
      out.push('</table:table-row>');
    });
    if (inHeader) out.push('</table:table-header-rows>');
    out.push('</table:table>');
  });
  out.push(`</office:spreadsheet></office:body></office:document>`);
  return out.join('\n') + '\n';
}

export function printWorkbook(bytes: Buffer): string {
  const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellText: true });
  return fods(wb.SheetNames.map((n) => readSheet(n, wb.Sheets[n])));
}

// ---------------------------------------------------------------------------------------------
// the narrative's print copy (flat ODT from LibreOffice, Heading 1 on a new page)

function pageBreakBeforeHeading1(fodt: string): string {
  const re = /(<style:style style:name="Heading_20_1"[^>]*>)([\s\S]*?)(<\/style:style>)/;
  const m = re.exec(fodt);
  if (!m) throw new Error('the narrative has no "Heading 1" style');
  let body = m[2];
  if (/<style:paragraph-properties/.test(body)) body = body.replace(/<style:paragraph-properties/, '<style:paragraph-properties fo:break-before="page"');
  else body = `<style:paragraph-properties fo:break-before="page"/>` + body;
  return fodt.replace(re, `${m[1]}${body}${m[3]}`);
}

// ---------------------------------------------------------------------------------------------
// where 第三部分 starts in the narrative's PDF

async function pageTexts(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false })
    .promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    out.push(content.items.map((it) => ('str' in it ? it.str : '')).join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return out;
}

// ---------------------------------------------------------------------------------------------

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function main(): Promise<void> {
  const missing = ['soffice', 'qpdf'].filter((c) => !found(c));
  if (missing.length) {
    const msg = `make-pdf: ${missing.join(' and ')} not found (apt-get install libreoffice-calc libreoffice-writer fonts-noto-cjk qpdf); the PDF fixtures were not regenerated`;
    if (process.argv.includes('--if-available')) {
      console.log(`skipped: ${msg}`);
      return;
    }
    console.error(msg);
    process.exit(1);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'make-pdf-'));
  try {
    const profile = join(tmp, 'profile');
    for (const set of SETS) {
      const dir = join(FIXTURES, set);
      const work = join(tmp, set);
      const tables = join(work, 'tables.fods');
      const docx = join(work, 'narrative.docx');
      mkdirSync(work, { recursive: true });
      writeFileSync(tables, printWorkbook(readFileSync(join(dir, 'budget.xlsx'))));
      copyFileSync(join(dir, 'budget.docx'), docx);
      soffice(profile, work, 'fodt', [docx]);
      const fodt = join(work, 'narrative.fodt');
      writeFileSync(fodt, pageBreakBeforeHeading1(readFileSync(fodt, 'utf8')));
      soffice(profile, work, 'pdf', [tables, fodt]);
      const narrative = join(work, 'narrative.pdf');
      const texts = await pageTexts(narrative);
      // the page that starts with the 第三部分 heading (the table of contents lists it too, further down its page)
      const split = texts.findIndex((t) => /^第三部分/.test(t));
      if (split < 1) throw new Error(`${set}: no page of the narrative starts with 第三部分`);
      const out = join(dir, 'disclosure.pdf');
      run('qpdf', ['--empty', '--deterministic-id', '--pages', narrative, `1-${split}`, join(work, 'tables.pdf'), narrative, `${split + 1}-z`, '--', out]);
      const pages = run('qpdf', ['--show-npages', out]).trim();
      console.log(`${sha(out).slice(0, 16)}  ${relative(ROOT, out)}  ${pages} pages (narrative 1-${split}, tables, narrative from 第三部分)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
