/**
 * Reads a PDF's text layer with pdf.js (no rendering, no fonts loaded into a canvas) and, on
 * pages with table-like lines, the lines it draws (table borders), and rebuilds what the
 * recognizer needs: table rows with cells in the columns of their header, and paragraphs of
 * running text. Geometry is in ./pdf/: layout (lines, running headers and footers), ruling
 * (bordered tables, cell by cell), grid (tables rebuilt from alignment), prose (paragraphs).
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { Document, Row } from '../document.js';
import { LoadError } from './errors.js';
import { blockRows, describeLine, findBlocks, type Block, type TableState } from './pdf/grid.js';
import { groupLines, joinFrags, pageFragments, removeRunning, type Line, type PageLines, type TextItemLike } from './pdf/layout.js';
import { paragraphRows } from './pdf/prose.js';
import { findGrids, gridRows, inGrid, pageRules, type Grid, type OpCodes, type Rule } from './pdf/ruling.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | null = null;

/** Built-ins whose methods pdf.js's legacy build may replace with polyfills. */
const BUILTINS: object[] = [Array.prototype, Object.getPrototypeOf(Uint8Array.prototype), Uint8Array.prototype, String.prototype, JSON, Object, Promise, Map.prototype, Set.prototype];

/**
 * pdf.js, imported once, with its worker (in Node it runs in this thread as a "fake worker").
 *
 * - It reports problems through console.log ("Warning: …"); while it is imported its verbosity
 *   cannot be set yet, so those lines are held back then. Afterwards every document is opened
 *   with verbosity 0 (errors only, and errors are thrown, not printed).
 * - The legacy build replaces some native methods with core-js polyfills for the whole process
 *   (Array.prototype.push, JSON.parse, JSON.stringify on Node 20), which makes every push in
 *   this program several times slower. Methods that existed before the import are put back;
 *   what the polyfills add (Promise.withResolvers …) stays.
 */
function pdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const log = console.log;
    const warn = console.warn;
    const quiet = (orig: typeof console.log) =>
      function (this: unknown, ...args: unknown[]) {
        if (typeof args[0] === 'string' && /^Warning: /.test(args[0])) return;
        orig.apply(console, args);
      };
    const natives: [object, PropertyKey, PropertyDescriptor][] = [];
    for (const target of BUILTINS)
      for (const key of Reflect.ownKeys(target)) {
        const d = Object.getOwnPropertyDescriptor(target, key);
        if (d && typeof d.value === 'function') natives.push([target, key, d]);
      }
    console.log = quiet(log);
    console.warn = quiet(warn);
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // the module pdf.js imports as its worker (./pdf.worker.mjs next to it), imported now so
      // that its polyfills are undone too
      const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      await import(worker);
      return lib;
    } finally {
      console.log = log;
      console.warn = warn;
      for (const [target, key, d] of natives) if ((target as Record<PropertyKey, unknown>)[key] !== d.value) Object.defineProperty(target, key, d);
    }
  })();
  return pdfjsPromise;
}

let assets: string | null = null;
/** The pdfjs-dist package directory (character maps and standard font metrics live there). */
function assetDir(): string {
  assets ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return assets;
}

function errorName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

function toLoadError(e: unknown): LoadError {
  if (e instanceof LoadError) return e;
  const name = errorName(e);
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException' || /password/i.test(message)) return new LoadError('E_ENCRYPTED', {}, { cause: e });
  return new LoadError('E_CORRUPT', { detail: message }, { cause: e });
}

/** Whether the file ends like a complete PDF (a truncated download lacks its final %%EOF). */
function complete(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 8192));
  return tail.includes('%%EOF', 0, 'latin1');
}

export async function loadPdf(file: string, bytes: Uint8Array): Promise<Document> {
  if (!complete(bytes)) throw new LoadError('E_CORRUPT', { detail: 'no %%EOF at the end of the file' });
  const lib = await pdfjs();
  const dir = assetDir();
  const pages: PageLines[] = [];
  let anyText = false;
  let task: ReturnType<PdfJs['getDocument']> | null = null;
  try {
    // pdf.js may take over the buffer it is given: give it a copy
    task = lib.getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      // in Node pdf.js reads these with fs.readFile: paths, not file: URLs
      cMapUrl: join(dir, 'cmaps') + sep,
      cMapPacked: true,
      standardFontDataUrl: join(dir, 'standard_fonts') + sep,
    });
    const doc = await task.promise;
    if (doc.numPages < 1) throw new LoadError('E_CORRUPT', { detail: 'no pages' });
    // one getTextContent per page, all requested at once; the drawing operations (for table
    // borders) only of pages whose text has a line of several cells
    const ops = lib.OPS as unknown as OpCodes;
    const contents = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const page = await doc.getPage(i + 1);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items = content.items.filter((it): it is TextItemLike & (typeof content.items)[number] => 'str' in it);
        const lines = groupLines(pageFragments(items, viewport.transform), i + 1);
        let rules: Rule[] | undefined;
        if (lines.some((l) => describeLine(l).tabular)) {
          // a page whose drawing cannot be read is still read as text, its tables from alignment
          const list = await page.getOperatorList().catch(() => null);
          if (list) rules = pageRules(list.fnArray, list.argsArray, ops, viewport.transform);
        }
        page.cleanup();
        return { page: i + 1, viewport, text: items.some((it) => /\S/.test(it.str)), lines, rules };
      }),
    );
    for (const c of contents) {
      if (c.text) anyText = true;
      pages.push({ page: c.page, width: c.viewport.width, height: c.viewport.height, lines: c.lines, rules: c.rules });
    }
  } catch (e) {
    throw toLoadError(e);
  } finally {
    await task?.destroy().catch(() => undefined);
  }
  if (!anyText) throw new LoadError('E_NO_TEXT');
  return { file, format: 'pdf', storedValues: false, streams: [{ name: '正文', rows: layoutRows(pages) }] };
}

/**
 * Pages of lines → the rows of the document: ruled tables (./pdf/ruling.ts) cell by cell, the
 * "label：value" lines just above them as rows of cells, other tables rebuilt from the text's
 * alignment (./pdf/grid.ts), the rest as paragraphs.
 */
export function layoutRows(pages: PageLines[]): Row[] {
  removeRunning(pages);
  const tableLines = new Set<Line>();
  const units: { page: number; line: number; rows: Row[] }[] = [];
  let state: TableState | null = null;
  let previousEndedInTable = false;
  for (const p of pages) {
    const grids: Grid[] = p.rules ? findGrids(p.rules) : [];
    const gridOf = new Map<Line, Grid>();
    for (const l of p.lines) {
      const g = grids.find((x) => inGrid(x, l));
      if (g) gridOf.set(l, g);
    }
    for (const g of grids) {
      const lines = p.lines.filter((l) => gridOf.get(l) === g);
      if (!lines.length) continue;
      const rows = gridRows(g, lines, p.page);
      // the table's header information just above it: 编制单位：…  单位：元
      let k = p.lines.indexOf(lines[0]) - 1;
      let below = lines[0];
      while (k >= 0 && !gridOf.has(p.lines[k]) && !tableLines.has(p.lines[k])) {
        const L = p.lines[k];
        const info = describeLine(L);
        if (!info.meta || below.y - L.y > 2.5 * Math.max(L.size, below.size)) break;
        rows.unshift({ cells: info.cells.map((c, n) => ({ text: joinFrags(c), at: { page: p.page, line: L.no, column: n + 1 } })), at: { page: p.page, line: L.no } });
        tableLines.add(L);
        below = L;
        k--;
      }
      for (const l of lines) tableLines.add(l);
      if (rows.length) units.push({ page: p.page, line: rows[0].at.line ?? lines[0].no, rows });
    }
    // tables without borders: runs of lines between the ruled tables
    const runs: Line[][] = [[]];
    for (const l of p.lines) {
      if (tableLines.has(l)) {
        if (runs[runs.length - 1].length) runs.push([]);
      } else runs[runs.length - 1].push(l);
    }
    for (const run of runs) {
      if (!run.length) continue;
      const first = run[0] === p.lines[0];
      const blocks: Block[] = findBlocks(run.map(describeLine), p.page, previousEndedInTable && first);
      for (const b of blocks) {
        const r = blockRows(b, b.continues ? state : null);
        state = r.state;
        for (const L of b.lines) tableLines.add(L.line);
        units.push({ page: p.page, line: b.lines[0].line.no, rows: r.rows });
      }
    }
    const last = p.lines[p.lines.length - 1];
    previousEndedInTable = !!last && tableLines.has(last) && !gridOf.has(last);
    if (!previousEndedInTable && p.lines.length) state = null;
  }
  for (const row of paragraphRows(pages, tableLines)) units.push({ page: row.at.page ?? 0, line: row.at.line ?? 0, rows: [row] });
  units.sort((a, b) => a.page - b.page || a.line - b.line);
  const rows = units.flatMap((u) => u.rows);
  let page = 0;
  for (const r of rows) {
    if (r.at.page !== page) {
      r.breakBefore = true;
      page = r.at.page ?? 0;
    }
  }
  return rows;
}
