/**
 * Tables of a PDF page rebuilt from text positions (a PDF has no cells, only glyphs).
 *
 * A table block is a run of lines, most of them "tabular" (several cells far apart on one
 * line). Its leading "label：value" lines are meta lines (编制单位：… 单位：元); then come header
 * lines (no figures) and data lines. The header's headings are merged where a heading wraps
 * over two lines, the lowest headings (leaves) become the columns, and every other heading
 * spans the columns under it, found by where it is centred. Each data fragment goes to a column
 * by how it is aligned: numbers are right-aligned in their cell (so they end right of the centre
 * of its heading and left of the next one's), text is left-aligned. A data cell that wraps onto
 * the lines above or below it is joined into one cell. A table that runs over a page break
 * keeps the columns of its first page.
 */
import type { Cell, Row } from '../../document.js';
import { joinFrags, type Frag, type Line } from './layout.js';

export interface LineInfo {
  line: Line;
  /** Fragments grouped into the cells this line visibly has (split at wide gaps). */
  cells: Frag[][];
  text: string;
  tabular: boolean;
  prose: boolean;
  meta: boolean;
  figures: boolean;
}

/** Numbered row labels ("一、财政拨款收入", "1、一般公共预算资金", "（一）…"): never column headings. */
const NUMBERED = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．](?!\d)|\d+\.(?!\d))/;

const AMOUNT = /^[-+(（]?\d[\d,，]*(\.\d+)?[)）]?%?$|^[-+(（]?\.\d+[)）]?$|^[-－—–]+$/;

export function isFigure(text: string): boolean {
  return AMOUNT.test(text);
}

const DASH = /^[-－—–]+$/;

/** A dash that starts a line and runs into text ("- 7.负责…") is a bullet, not a zero. */
function bullet(frags: readonly Frag[], i: number): boolean {
  const f = frags[i];
  const next = frags[i + 1];
  return i === 0 && DASH.test(f.text) && !!next && next.x0 - f.x1 < 0.6 * f.size && !isFigure(next.text);
}

function isDigits(text: string): boolean {
  return /^\d[\d,，.]*$/.test(text);
}

/** Sentence-like text: what running text looks like and table cells do not. */
export function looksLikeProse(text: string, cells: number): boolean {
  const t = text.replace(/\s+/g, '');
  if (/^注[:：]/.test(t) && t.length > 4) return true;
  if (/[。；;！？!?][”’"」』)）]*$/.test(t) && t.length > 3) return true;
  if (/[，。；]/.test(t) && t.length >= 12) return true;
  return cells === 1 && t.length >= 30;
}

/** Splits a line into the cells it visibly has. */
export function lineCells(line: Line): Frag[][] {
  const cells: Frag[][] = [];
  let cur: Frag[] = [];
  for (const f of line.frags) {
    const p = cur[cur.length - 1];
    if (p) {
      const gap = f.x0 - p.x1;
      const size = Math.min(p.size, f.size);
      const split = gap >= size || (p.item === f.item && (isFigure(p.text) || isFigure(f.text)) && !(cur.length === 1 && bullet(line.frags, 0) && cur[0] === line.frags[0]));
      if (split) {
        cells.push(cur);
        cur = [];
      }
    }
    cur.push(f);
  }
  if (cur.length) cells.push(cur);
  return cells;
}

export function describeLine(line: Line): LineInfo {
  const cells = lineCells(line);
  const text = cells.map((c) => joinFrags(c)).join('  ');
  const figures = line.frags.some((f, i) => isFigure(f.text) && !bullet(line.frags, i));
  // a line of cells with figures is a table row even when a name in it has a comma
  const prose = looksLikeProse(text, cells.length) && !(cells.length >= 2 && figures);
  const cellTexts = cells.map((c) => joinFrags(c).replace(/\s+/g, ''));
  // "label：value" cells (编制单位：…  单位：元); beside them, a value wrapped down from the line
  // above (预算单位编码及名称：(002002) / 乌尔禾区政府办公室  预算年度：2022  金额单位：万元)
  const labelled = cellTexts.filter((t) => /[:：]/.test(t) && !/[。，；]/.test(t)).length;
  const meta =
    text.length <= 80 &&
    labelled > 0 &&
    (labelled === cellTexts.length || (!figures && cellTexts.every((t) => /[:：]/.test(t) || (t.length <= 30 && !/[。，；:：]/.test(t)))));
  return {
    line,
    cells,
    text,
    tabular: cells.length >= 2 && !prose,
    prose,
    meta,
    figures,
  };
}

export interface Block {
  page: number;
  lines: LineInfo[];
  /** The block continues a table from the previous page. */
  continues: boolean;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.2 * Math.max(a, b);
}

/**
 * Finds the table blocks among a page's lines. `continuing`: the previous page ended inside a
 * table, so short lines at the top of this page may be its rows.
 */
export function findBlocks(infos: LineInfo[], page: number, continuing: boolean): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < infos.length) {
    let start = i;
    if (!infos[i].tabular) {
      // rows of a table continued from the previous page may start with short text-only lines
      if (!(continuing && blocks.length === 0 && start === 0 && !infos[i].prose)) {
        i++;
        continue;
      }
      let k = i;
      while (k < infos.length && !infos[k].tabular && !infos[k].prose) k++;
      if (k >= infos.length || !infos[k].tabular || infos.slice(i, k).some((x) => !sameSize(x.line.size, infos[k].line.size))) {
        i++;
        continue;
      }
    }
    const size = infos[start].tabular ? infos[start].line.size : (infos.find((x, n) => n >= start && x.tabular)?.line.size ?? infos[start].line.size);
    let lastTab = start;
    let seenFigures = false;
    let k = start;
    for (; k < infos.length; k++) {
      const L = infos[k];
      if (k > start && !sameSize(L.line.size, size)) break;
      if (L.prose) break;
      if (L.tabular) {
        if (k > start && L.meta && seenFigures) break;
        lastTab = k;
      }
      if (L.figures) seenFigures = true;
    }
    // lines after the last tabular line: rows of the table when close to it or indented into it
    let end = lastTab;
    const members = infos.slice(start, lastTab + 1);
    const pitch = median(members.slice(1).map((m, n) => m.line.y - members[n].line.y).filter((d) => d > 0)) || 2 * size;
    const left = Math.min(...members.map((m) => m.line.x0));
    for (let t = lastTab + 1; t < k; t++) {
      const L = infos[t];
      const dy = L.line.y - infos[end].line.y;
      const text = L.text.replace(/\s+/g, '');
      const close = dy <= 2.5 * pitch;
      const inner = text.length <= 12 && L.line.x0 > left + 2 * size;
      if (!close && !inner) break;
      end = t;
    }
    const lines = infos.slice(start, end + 1);
    const continues = continuing && blocks.length === 0 && start === 0;
    // one line with cells far apart ("目    录") is not a table
    if (lines.filter((l) => l.tabular).length >= 2 || (continues && lines.some((l) => l.tabular))) blocks.push({ page, lines, continues });
    i = end + 1;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// headings and columns

interface Heading {
  text: string;
  x0: number;
  x1: number;
  /** Baselines of its first and last line (y downwards: top < bottom). */
  top: number;
  bottom: number;
  size: number;
  lineNo: number;
  leaf: boolean;
  span: [number, number] | null;
  level: number;
}

const center = (a: { x0: number; x1: number }) => (a.x0 + a.x1) / 2;
const isCjkChar = (s: string) => s.length === 1 && /[\u3400-\u9fff]/.test(s);

/** Headings of the header lines: a line's fragments joined where they are one heading. */
function headingsOf(lines: LineInfo[]): Heading[] {
  const out: Heading[] = [];
  for (const info of lines) {
    let cur: Frag[] = [];
    const flush = () => {
      if (!cur.length) return;
      const text = joinFrags(cur).replace(/\s+/g, ' ').trim();
      // its own baseline: a line may gather fragments whose baselines differ a little
      const y = cur.reduce((s, f) => s + f.y, 0) / cur.length;
      const size = Math.max(...cur.map((f) => f.size));
      out.push({ text, x0: cur[0].x0, x1: Math.max(...cur.map((f) => f.x1)), top: y, bottom: y, size, lineNo: info.line.no, leaf: false, span: null, level: 0 });
      cur = [];
    };
    for (const f of info.line.frags) {
      const p = cur[cur.length - 1];
      if (p) {
        const gap = f.x0 - p.x1;
        const size = Math.min(p.size, f.size);
        // letter-spaced headings ("项  目") join; blank-separated words of one item are two headings
        const same = isCjkChar(p.text) && isCjkChar(f.text) ? gap < 1.5 * size : gap < 0.5 * size && !(p.item === f.item && p.text.length >= 2 && f.text.length >= 2);
        if (!same) flush();
      }
      cur.push(f);
    }
    flush();
  }
  // a heading that wraps onto the next line ("机关运行经费预算" / "数") is one heading
  out.sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const merged: Heading[] = [];
  const gone = new Set<Heading>();
  for (const h of out) {
    if (gone.has(h)) continue;
    for (;;) {
      const next = out.find(
        (g) =>
          !gone.has(g) &&
          g !== h &&
          g.top > h.bottom + 0.35 * h.size &&
          g.top - h.bottom <= 1.35 * Math.max(h.size, g.size) &&
          ((center(g) >= h.x0 && center(g) <= h.x1 && center(h) >= g.x0 - 0.5 * g.size && center(h) <= g.x1 + 0.5 * g.size) ||
            (Math.abs(g.x0 - h.x0) < 0.5 * h.size && g.x1 <= h.x1 + 0.5 * h.size)),
      );
      if (!next) break;
      gone.add(next);
      h.text = joinWrapped(h.text, next.text);
      h.x0 = Math.min(h.x0, next.x0);
      h.x1 = Math.max(h.x1, next.x1);
      h.bottom = next.bottom;
    }
    merged.push(h);
  }
  return merged;
}

function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** The columns of a table: where each is centred, and how far its content reaches. */
export interface ColumnModel {
  centers: number[];
  x0: number[];
  x1: number[];
}

interface Cluster {
  x0: number;
  x1: number;
  numeric: boolean;
  frags: Frag[];
  column: number;
}

/** Groups data fragments whose extents overlap (numbers and text separately). */
function clusters(frags: Frag[]): Cluster[] {
  const out: Cluster[] = [];
  for (const numeric of [true, false]) {
    const list = frags.filter((f) => (isDigits(f.text) || isFigure(f.text)) === numeric);
    list.sort((a, b) => a.x0 - b.x0);
    let cur: Cluster | null = null;
    for (const f of list) {
      if (cur && f.x0 < cur.x1 - 0.01) {
        cur.x1 = Math.max(cur.x1, f.x1);
        cur.frags.push(f);
      } else {
        cur = { x0: f.x0, x1: f.x1, numeric, frags: [f], column: -1 };
        out.push(cur);
      }
    }
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

/** How many values share the most common value (within tol): how well a column is aligned on that edge. */
function aligned(values: number[], tol: number): number {
  const s = [...values].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < s.length; j++) {
    while (s[j] - s[i] > tol) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

/** The column a cluster of data belongs to, by its alignment. */
function columnOf(cl: Cluster, centers: number[]): number {
  const size = cl.frags[0].size;
  const left = aligned(cl.frags.map((f) => f.x0), 0.25 * size);
  const rightEdge = aligned(cl.frags.map((f) => f.x1), 0.25 * size);
  // a column of codes of one width ("03" "05") is aligned on both edges: codes are text, set
  // left or centred in their cells (a left-aligned code reads right as well when centred)
  const codes = cl.frags.every((f) => /^\d+$/.test(f.text));
  const right = cl.numeric && !(codes && rightEdge === left) ? rightEdge >= left : rightEdge > left;
  if (right) {
    // right-aligned: ends right of the centre of its column's heading, left of the next one's
    let col = 0;
    for (let i = 0; i < centers.length; i++) if (centers[i] <= cl.x1 + 0.5 * size) col = i;
    return col;
  }
  for (let i = 0; i < centers.length; i++) if (centers[i] >= cl.x0 - 0.5 * size) return i;
  return centers.length - 1;
}

function modelFromLeaves(leaves: Heading[]): ColumnModel {
  const sorted = [...leaves].sort((a, b) => center(a) - center(b));
  return { centers: sorted.map(center), x0: sorted.map((h) => h.x0), x1: sorted.map((h) => h.x1) };
}

function modelFromClusters(cls: Cluster[]): ColumnModel {
  // clusters that overlap horizontally (a number under a text) are one column
  const cols: { x0: number; x1: number }[] = [];
  for (const c of [...cls].sort((a, b) => a.x0 - b.x0)) {
    const last = cols[cols.length - 1];
    if (last && c.x0 < last.x1) last.x1 = Math.max(last.x1, c.x1);
    else cols.push({ x0: c.x0, x1: c.x1 });
  }
  return { centers: cols.map(center), x0: cols.map((c) => c.x0), x1: cols.map((c) => c.x1) };
}

/** Marks leaves: headings with no heading under them. */
function markLeaves(hs: Heading[]): void {
  const tol = (h: Heading) => 0.3 * h.size;
  for (const h of hs) {
    const below = (g: Heading) => g.top > h.bottom + tol(h);
    const overlapping = hs.some((g) => g !== h && below(g) && g.x0 < h.x1 + 0.25 * h.size && g.x1 > h.x0 - 0.25 * h.size);
    if (overlapping) continue;
    // centred over a gap between two lower headings (本年收入 over 项目 | 预算数)
    const c = center(h);
    let left: Heading | undefined;
    let right: Heading | undefined;
    for (const g of hs) {
      if (g === h || g.bottom < h.top - tol(h)) continue; // above h
      const gc = center(g);
      if (gc < c && (!left || gc > center(left))) left = g;
      if (gc > c && (!right || gc < center(right))) right = g;
    }
    h.leaf = !(left && right && below(left) && below(right));
  }
}

/** Column spans of the headings that are not leaves, and the header row each heading goes to. */
function spanHeadings(hs: Heading[], model: ColumnModel, bounds: number[]): void {
  const n = model.centers.length;
  const colCenter = (i: number, j: number) => (bounds[i] + bounds[j + 1]) / 2;
  for (const h of hs) if (h.leaf) h.span = null;
  // leaves: their own column
  for (const h of hs) {
    if (!h.leaf) continue;
    let best = -1;
    let dist = Infinity;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(model.centers[i] - center(h));
      if (d < dist) {
        dist = d;
        best = i;
      }
    }
    h.span = [best, best];
  }
  const leafOf: (Heading | undefined)[] = [];
  for (const h of hs) if (h.leaf && h.span) leafOf[h.span[0]] ??= h;
  const middle = (h: Heading) => (h.top + h.bottom) / 2;
  const pending = hs.filter((h) => !h.leaf).sort((a, b) => b.bottom - a.bottom || a.x0 - b.x0);
  for (const h of pending) {
    const c = center(h);
    const lower = hs.filter((g) => g !== h && g.span && g.top > h.bottom + 0.3 * h.size);
    const sameRow = hs.filter((g) => g !== h && !g.leaf && Math.abs(g.top - h.top) <= 0.3 * h.size);
    const level = sameRow.filter((g) => g.span);
    // the columns under the heading's text, and their siblings: leaves on the same line next to
    // them that no other heading of this row is closer to (合计 | 人员经费 | 公用经费 under 基本支出)
    const must = model.centers.map((mc, i) => (mc >= h.x0 && mc <= h.x1 ? i : -1)).filter((i) => i >= 0);
    if (must.length) {
      for (const dir of [-1, 1]) {
        const from = dir < 0 ? Math.min(...must) : Math.max(...must);
        const ref = leafOf[from];
        if (!ref) continue;
        for (let k = from + dir; k >= 0 && k < n; k += dir) {
          const leaf = leafOf[k];
          if (!leaf || Math.abs(middle(leaf) - middle(ref)) > 0.3 * h.size) break;
          if (level.some((g) => g.span![0] <= k && g.span![1] >= k)) break;
          const mine = Math.abs(c - model.centers[k]);
          if (sameRow.some((g) => Math.abs(center(g) - model.centers[k]) < mine)) break;
          must.push(k);
        }
      }
    }
    let best: [number, number] | null = null;
    let dist = Infinity;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        if (must.some((m) => m < i || m > j)) continue;
        const cuts = lower.some((g) => {
          const [a, b] = g.span!;
          return !(b < i || a > j) && (a < i || b > j);
        });
        if (cuts) continue;
        if (!lower.some((g) => g.span![0] >= i && g.span![1] <= j)) continue;
        if (level.some((g) => !(g.span![1] < i || g.span![0] > j))) continue;
        // every column under a heading has its leaf below it
        let above = false;
        for (let k = i; k <= j && !above; k++) above = !!leafOf[k] && leafOf[k]!.top <= h.bottom + 0.3 * h.size;
        if (above) continue;
        const d = Math.abs(colCenter(i, j) - c);
        if (d < dist - 1e-6) {
          dist = d;
          best = [i, j];
        }
      }
    }
    h.span = best;
  }
  // header rows: a heading sits one row below every heading above it that it overlaps
  const placed = hs.filter((h) => h.span).sort((a, b) => a.top - b.top || a.x0 - b.x0);
  for (const h of placed) {
    let lv = 0;
    for (const g of placed) {
      if (g === h || g.bottom >= h.top - 0.3 * h.size) continue;
      if (g.span![1] < h.span![0] || g.span![0] > h.span![1]) continue;
      lv = Math.max(lv, g.level + 1);
    }
    h.level = lv;
  }
}

function boundsOf(model: ColumnModel, extra: { x0: number; x1: number }[]): number[] {
  const n = model.centers.length;
  const b: number[] = [Math.min(model.x0[0], ...extra.map((e) => e.x0))];
  for (let i = 0; i + 1 < n; i++) {
    const a = model.x1[i];
    const c = model.x0[i + 1];
    b.push(a <= c ? (a + c) / 2 : (model.centers[i] + model.centers[i + 1]) / 2);
  }
  b.push(Math.max(model.x1[n - 1], ...extra.map((e) => e.x1)));
  return b;
}

// ---------------------------------------------------------------------------------------------
// rows

export interface TableState {
  model: ColumnModel;
  leafCount: number;
}

function makeCell(text: string, page: number, line: number, column: number): Cell {
  return { text, at: { page, line, column: column + 1 } };
}

/** Turns a table block into rows; `state` carries the columns over a page break. */
export function blockRows(block: Block, state: TableState | null): { rows: Row[]; state: TableState | null } {
  const rows: Row[] = [];
  const lines = block.lines;
  let i = 0;
  // meta lines: 编制单位：…   单位：元
  if (!block.continues) {
    while (i < lines.length && lines[i].meta) {
      const L = lines[i];
      rows.push({
        cells: L.cells.map((c, k) => makeCell(joinFrags(c), block.page, L.line.no, k)),
        at: { page: block.page, line: L.line.no },
      });
      i++;
    }
  }
  // header lines: up to the first line with figures or numbered labels ("一、…"), or after a wide gap
  const headerStart = i;
  const dataLike = (L: LineInfo) => L.figures || L.line.frags.some((f) => NUMBERED.test(f.text));
  while (i < lines.length && !dataLike(lines[i]) && !(i > headerStart && lines[i].line.y - lines[i - 1].line.y > 3 * lines[i].line.size)) i++;
  const headerLines = lines.slice(headerStart, i);
  const dataLines = lines.slice(i);
  const dataFrags = dataLines.flatMap((l) => l.line.frags);
  const cls = clusters(dataFrags);
  const headings = headingsOf(headerLines);
  markLeaves(headings);
  const leaves = headings.filter((h) => h.leaf);
  let model: ColumnModel;
  if (leaves.length >= 2 && !(state && block.continues && leaves.length !== state.leafCount)) model = modelFromLeaves(leaves);
  else if (state && block.continues) model = state.model;
  else if (leaves.length >= 1 && cls.length <= leaves.length) model = modelFromLeaves(leaves);
  else model = modelFromClusters(cls);
  if (model.centers.length === 0) {
    // nothing to align: keep the lines as they are
    for (const L of lines.slice(headerStart)) rows.push({ cells: L.cells.map((c, k) => makeCell(joinFrags(c), block.page, L.line.no, k)), at: { page: block.page, line: L.line.no } });
    return { rows, state };
  }
  for (const cl of cls) cl.column = columnOf(cl, model.centers);
  if (leaves.length && !block.continues) model = headlessColumns(model, cls, dataLines);
  const n = model.centers.length;
  const column = new Map<Frag, number>();
  for (const cl of cls) for (const f of cl.frags) column.set(f, cl.column);
  // the extent of each column, for the spans of the headings over them
  const ext = model.centers.map((_, c) => ({ x0: model.x0[c], x1: model.x1[c] }));
  for (const cl of cls) {
    ext[cl.column].x0 = Math.min(ext[cl.column].x0, cl.x0);
    ext[cl.column].x1 = Math.max(ext[cl.column].x1, cl.x1);
  }
  const extModel: ColumnModel = { centers: model.centers, x0: ext.map((e) => e.x0), x1: ext.map((e) => e.x1) };
  if (headings.length) {
    spanHeadings(headings, extModel, boundsOf(extModel, headings));
    rows.push(...headerRows(headings, n, block.page));
  }
  rows.push(...dataRows(dataLines, column, n, block.page));
  return { rows, state: { model, leafCount: leaves.length >= 2 ? leaves.length : (state?.leafCount ?? n) } };
}

/**
 * Columns of figures no heading stands over: when two columns of figures fall under one heading
 * and both have a figure on the same line, the one farther from the heading gets a column of
 * its own (cluster columns are renumbered in place).
 */
function headlessColumns(model: ColumnModel, cls: Cluster[], lines: LineInfo[]): ColumnModel {
  const lineOf = new Map<Frag, number>();
  lines.forEach((L, k) => L.line.frags.forEach((f) => lineOf.set(f, k)));
  const figures = (cl: Cluster) => cl.numeric && cl.frags.every((f) => isFigure(f.text));
  const extra: Cluster[] = [];
  for (let c = 0; c < model.centers.length; c++) {
    const here = cls.filter((cl) => cl.column === c && figures(cl)).sort((a, b) => Math.abs(center(a) - model.centers[c]) - Math.abs(center(b) - model.centers[c]));
    const kept: Set<number>[] = [];
    for (const cl of here) {
      const on = new Set(cl.frags.map((f) => lineOf.get(f)!));
      if (kept.some((k) => [...on].some((l) => k.has(l)))) extra.push(cl);
      else kept.push(on);
    }
  }
  if (!extra.length) return model;
  const cols = [
    ...model.centers.map((c, i) => ({ c, x0: model.x0[i], x1: model.x1[i], old: i as number | Cluster })),
    ...extra.map((cl) => ({ c: center(cl), x0: cl.x0, x1: cl.x1, old: cl as number | Cluster })),
  ].sort((a, b) => a.c - b.c);
  const index = new Map<number | Cluster, number>(cols.map((col, i) => [col.old, i]));
  for (const cl of cls) cl.column = index.get(extra.includes(cl) ? cl : cl.column)!;
  return { centers: cols.map((col) => col.c), x0: cols.map((col) => col.x0), x1: cols.map((col) => col.x1) };
}

function headerRows(hs: Heading[], n: number, page: number): Row[] {
  const placed = hs.filter((h) => h.span);
  const levels = Math.max(-1, ...placed.map((h) => h.level)) + 1;
  const rows: Row[] = [];
  for (let lv = 0; lv < levels; lv++) {
    const at = placed.filter((h) => h.level === lv).sort((a, b) => a.span![0] - b.span![0]);
    if (!at.length) continue;
    const line = Math.min(...at.map((h) => h.lineNo));
    const cells: Cell[] = Array.from({ length: n }, (_, c) => makeCell('', page, line, c));
    for (const h of at) {
      const [a, b] = h.span!;
      if (cells[a].text) cells[a].text += h.text;
      else cells[a].text = h.text;
      if (b > a) {
        cells[a].colSpan = b - a + 1;
        for (let c = a + 1; c <= b; c++) cells[c].covered = true;
      }
    }
    rows.push({ cells, at: { page, line } });
  }
  return rows;
}

/** Data lines → rows: text-only lines close to a line with figures are wrapped cells of its row. */
function dataRows(lines: LineInfo[], column: Map<Frag, number>, n: number, page: number): Row[] {
  if (!lines.length) return [];
  const colsOf = (L: LineInfo) => new Set(L.line.frags.map((f) => column.get(f) ?? 0));
  const anchor = lines.map((L) => L.figures || colsOf(L).size >= 2);
  const anchorYs = lines.filter((_, k) => anchor[k]).map((L) => L.line.y);
  const pitch = median(anchorYs.slice(1).map((y, k) => y - anchorYs[k]).filter((d) => d > 0));
  const group = lines.map((_, k) => k);
  const find = (k: number): number => (group[k] === k ? k : (group[k] = find(group[k])));
  const rooted = [...anchor];
  const hasAnchor = (g: number) => rooted[g];
  const pairs: { a: number; b: number; d: number }[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const d = lines[k + 1].line.y - lines[k].line.y;
    const size = Math.max(lines[k].line.size, lines[k + 1].line.size);
    const limit = Math.min(1.35 * size, Number.isFinite(pitch) ? 0.6 * pitch : Infinity);
    if (d <= limit && !(anchor[k] && anchor[k + 1])) pairs.push({ a: k, b: k + 1, d });
  }
  pairs.sort((p, q) => p.d - q.d);
  for (const p of pairs) {
    const ga = find(p.a);
    const gb = find(p.b);
    if (ga === gb || (hasAnchor(ga) && hasAnchor(gb))) continue;
    group[gb] = ga;
    rooted[ga] = rooted[ga] || rooted[gb];
  }
  const groups = new Map<number, LineInfo[]>();
  lines.forEach((L, k) => {
    const g = find(k);
    const list = groups.get(g) ?? [];
    list.push(L);
    groups.set(g, list);
  });
  const rows: Row[] = [];
  for (const members of groups.values()) {
    const line = Math.min(...members.map((m) => m.line.no));
    const parts: Frag[][][] = Array.from({ length: n }, () => []);
    for (const m of members) {
      const byCol = new Map<number, Frag[]>();
      for (const f of m.line.frags) {
        const c = column.get(f) ?? 0;
        const list = byCol.get(c) ?? [];
        list.push(f);
        byCol.set(c, list);
      }
      for (const [c, fs] of byCol) parts[c].push(fs);
    }
    const cells = parts.map((ls, c) => makeCell(ls.map((fs) => joinFrags(fs)).reduce((s, t) => (s ? joinWrapped(s, t) : t), ''), page, line, c));
    rows.push({ cells, at: { page, line } });
  }
  return rows.sort((a, b) => (a.at.line ?? 0) - (b.at.line ?? 0));
}
