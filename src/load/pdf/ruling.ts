/**
 * Ruled tables: the cell borders a PDF draws, read from the page's drawing operations, and the
 * text laid out in the cells they enclose.
 *
 * Text positions alone cannot tell where a row of a bordered table ends when its cells wrap
 * (a Word table of narrow columns: "区长专项准备经" / "费" / "乌尔禾区政府办" …, or a row whose
 * first line holds one cell only), and a cell of several lines reads as running text. The
 * borders can: every program that prints a table draws them, as stroked lines (LibreOffice) or
 * as thin filled rectangles (WPS, Word). So a page's horizontal and vertical rules are
 * collected; rules that cross form a grid; the grid's rows and columns are where its rules lie,
 * and a missing border between two grid cells merges them, as merged cells in a workbook. Each
 * text fragment goes to the cell it lies in, and a cell's lines are joined.
 *
 * Coordinates are viewport coordinates, as in ./layout.ts: x to the right, y downwards, points.
 */
import type { Cell, Row } from '../../document.js';
import { isFigure } from './grid.js';
import { emWidth, joinFrags, multiply, type Frag, type Line } from './layout.js';

/** A horizontal or vertical rule. Horizontal: y0 = y1; vertical: x0 = x1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The pdf.js operator codes this reader needs (pdfjs-dist's OPS). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

/** pdf.js's path commands inside a constructPath buffer (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thickest a filled rectangle may be to be a rule, in points. */
const THIN = 2.5;
/** Shortest rule, in points. */
const SHORT = 2;


function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * The horizontal and vertical rules a page draws: stroked straight segments, and filled
 * rectangles thinner than THIN. `viewport` maps PDF user space to viewport coordinates.
 */
export function pageRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OpCodes, viewport: number[]): Rule[] {
  const out: Rule[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const push = (ax: number, ay: number, bx: number, by: number, m: number[]) => {
    const [x0, y0] = apply(m, ax, ay);
    const [x1, y1] = apply(m, bx, by);
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dy <= 0.5 && dx >= SHORT) out.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (dx <= 0.5 && dy >= SHORT) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const matrix = args[0] as number[] | null;
      if (matrix && matrix.length === 6) ctm = multiply(ctm, Array.from(matrix));
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const op = args[0] as number;
      const buffer = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!buffer || (!strokeOps.has(op) && !fillOps.has(op))) continue;
      const m = multiply(viewport, ctm);
      // subpaths of straight segments; a subpath with curves is not a rule
      let points: number[][] = [];
      let curved = false;
      const flush = (closed: boolean) => {
        if (points.length >= 2 && !curved) {
          if (strokeOps.has(op)) {
            for (let k = 1; k < points.length; k++) push(points[k - 1][0], points[k - 1][1], points[k][0], points[k][1], m);
            if (closed && points.length > 2) push(points[points.length - 1][0], points[points.length - 1][1], points[0][0], points[0][1], m);
          }
          if (fillOps.has(op) && points.length >= 4) {
            // a thin axis-aligned rectangle: a rule along its long side, through its middle
            const ts = points.map((p) => apply(m, p[0], p[1]));
            const xs = ts.map((p) => p[0]);
            const ys = ts.map((p) => p[1]);
            const x0 = Math.min(...xs);
            const x1 = Math.max(...xs);
            const y0 = Math.min(...ys);
            const y1 = Math.max(...ys);
            const rect = ts.every((p) => (Math.abs(p[0] - x0) < 0.1 || Math.abs(p[0] - x1) < 0.1) && (Math.abs(p[1] - y0) < 0.1 || Math.abs(p[1] - y1) < 0.1));
            if (rect) {
              if (y1 - y0 <= THIN && x1 - x0 >= SHORT) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
              else if (x1 - x0 <= THIN && y1 - y0 >= SHORT) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
            }
          }
        }
        points = [];
        curved = false;
      };
      for (let k = 0; k < buffer.length; ) {
        const cmd = buffer[k++];
        if (cmd === MOVE) {
          flush(false);
          points.push([buffer[k], buffer[k + 1]]);
          k += 2;
        } else if (cmd === LINE) {
          points.push([buffer[k], buffer[k + 1]]);
          k += 2;
        } else if (cmd === CURVE) {
          curved = true;
          k += 6;
        } else if (cmd === QUAD) {
          curved = true;
          k += 4;
        } else if (cmd === CLOSE) flush(true);
        else break;
      }
      flush(false);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// grids

/** A ruled table on a page. */
export interface Grid {
  /** Row boundaries (top to bottom) and column boundaries (left to right). */
  ys: number[];
  xs: number[];
  /** vbar[r][c]: a border between column c−1 and c in row r (c = 1 … cols−1). */
  vbar: boolean[][];
  /** hbar[r][c]: a border between row r−1 and r in column c (r = 1 … rows−1). */
  hbar: boolean[][];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Positions within `tol` of each other are one (their mean). */
function cluster(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** How much of [a, b] the segments cover. */
function covered(segs: [number, number][], a: number, b: number): number {
  let total = 0;
  const sorted = segs.filter(([s, e]) => e > a && s < b).sort((p, q) => p[0] - q[0]);
  let at = a;
  for (const [s, e] of sorted) {
    const from = Math.max(at, s);
    const to = Math.min(b, e);
    if (to > from) {
      total += to - from;
      at = to;
    }
  }
  return b > a ? total / (b - a) : 0;
}

/**
 * Grids formed by the rules: rules that touch or cross (within TOUCH) are one grid; a grid needs
 * two rows or two columns of cells at least (a frame around a paragraph, an underline, a rule
 * under a running header are not tables).
 */
export function findGrids(rules: Rule[]): Grid[] {
  const TOUCH = 2;
  const h = rules.filter((r) => r.y0 === r.y1);
  const v = rules.filter((r) => r.x0 === r.x1);
  const all = [...h, ...v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i];
      const b = v[j];
      if (b.x0 >= a.x0 - TOUCH && b.x0 <= a.x1 + TOUCH && a.y0 >= b.y0 - TOUCH && a.y0 <= b.y1 + TOUCH) parent[find(i)] = find(h.length + j);
    }
  }
  // collinear rules that meet (a border drawn cell by cell) belong together too
  for (let i = 0; i < h.length; i++)
    for (let j = i + 1; j < h.length; j++)
      if (Math.abs(h[i].y0 - h[j].y0) <= 1 && h[j].x0 <= h[i].x1 + TOUCH && h[i].x0 <= h[j].x1 + TOUCH) parent[find(i)] = find(j);
  for (let i = 0; i < v.length; i++)
    for (let j = i + 1; j < v.length; j++)
      if (Math.abs(v[i].x0 - v[j].x0) <= 1 && v[j].y0 <= v[i].y1 + TOUCH && v[i].y0 <= v[j].y1 + TOUCH) parent[find(h.length + i)] = find(h.length + j);
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => {
    const g = find(i);
    const list = groups.get(g) ?? [];
    list.push(r);
    groups.set(g, list);
  });
  const grids: Grid[] = [];
  for (const list of groups.values()) {
    const hs = list.filter((r) => r.y0 === r.y1);
    const vs = list.filter((r) => r.x0 === r.x1);
    if (hs.length < 2 || vs.length < 2) continue;
    const ys = cluster(hs.map((r) => r.y0), 1.5);
    const xs = cluster(vs.map((r) => r.x0), 1.5);
    if (ys.length < 2 || xs.length < 2 || (ys.length < 3 && xs.length < 3)) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
    const vbar = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols + 1 }, (_, c) => covered(vs.filter((s) => near(s.x0, xs[c])).map((s) => [s.y0, s.y1]), ys[r], ys[r + 1]) >= 0.5),
    );
    const hbar = Array.from({ length: rows + 1 }, (_, r) =>
      Array.from({ length: cols }, (_, c) => covered(hs.filter((s) => near(s.y0, ys[r])).map((s) => [s.x0, s.x1]), xs[c], xs[c + 1]) >= 0.5),
    );
    grids.push({ ys, xs, vbar, hbar, x0: xs[0], x1: xs[cols], y0: ys[0], y1: ys[rows] });
  }
  return grids.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Whether a line of text lies inside a grid (its baseline between the grid's top and bottom rules). */
export function inGrid(g: Grid, line: Line): boolean {
  const middle = line.y - 0.35 * line.size;
  return middle > g.y0 && middle < g.y1 && line.x1 > g.x0 && line.x0 < g.x1;
}

function joinLines(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Rows of a grid: one per grid row that holds text, cells located at their first line, merged
 * cells as colSpan / rowSpan with covered cells, like a workbook's merged cells.
 */
export function gridRows(g: Grid, lines: Line[], page: number): Row[] {
  const rows = g.ys.length - 1;
  const cols = g.xs.length - 1;
  // merged cells: from each top-left grid cell, right while there is no border, down likewise
  const owner: [number, number][][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => [-1, -1] as [number, number]));
  const span = new Map<string, [number, number]>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r][c][0] >= 0) continue;
      let c2 = c;
      while (c2 + 1 < cols && !g.vbar[r][c2 + 1] && owner[r][c2 + 1][0] < 0) c2++;
      let r2 = r;
      for (;;) {
        if (r2 + 1 >= rows) break;
        let open = true;
        for (let k = c; k <= c2 && open; k++) open = !g.hbar[r2 + 1][k] && owner[r2 + 1][k][0] < 0;
        if (!open) break;
        r2++;
      }
      for (let i = r; i <= r2; i++) for (let k = c; k <= c2; k++) owner[i][k] = [r, c];
      span.set(`${r},${c}`, [r2 - r + 1, c2 - c + 1]);
    }
  }
  // text: each fragment to the cell its first character lies in
  const cellLines = new Map<string, Map<Line, Frag[]>>();
  const rowOf = (y: number) => {
    for (let r = 0; r < rows; r++) if (y < g.ys[r + 1]) return r;
    return rows - 1;
  };
  const colOf = (x: number) => {
    for (let c = 0; c < cols; c++) if (x < g.xs[c + 1]) return c;
    return cols - 1;
  };
  for (const line of lines) {
    const middle = line.y - 0.35 * line.size;
    const r = rowOf(middle);
    for (const f of line.frags) {
      if (f.x1 <= g.x0 || f.x0 >= g.x1) continue;
      const first = f.x0 + 0.5 * Math.min(f.x1 - f.x0, (emWidth(f.text[0] ?? '') || 0.5) * f.size);
      const [orow, ocol] = owner[r][colOf(first)];
      const key = `${orow},${ocol}`;
      const byLine = cellLines.get(key) ?? new Map<Line, Frag[]>();
      const list = byLine.get(line) ?? [];
      list.push(f);
      byLine.set(line, list);
      cellLines.set(key, byLine);
    }
  }
  const text = new Map<string, { text: string; line: number; center: number }>();
  for (const [key, byLine] of cellLines) {
    const ls = [...byLine.entries()].sort((a, b) => a[0].y - b[0].y);
    const fs = ls[0][1];
    const center = (Math.min(...fs.map((f) => f.x0)) + Math.max(...fs.map((f) => f.x1))) / 2;
    text.set(key, { text: ls.map(([, fs]) => joinFrags(fs)).reduce((s, t) => (s ? joinLines(s, t) : t), ''), line: ls[0][0].no, center });
  }
  // grid rows without text are left out (rowSpans count the rows that remain)
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    let any = false;
    for (let c = 0; c < cols && !any; c++) any = text.has(`${r},${c}`);
    if (any) kept.push(r);
  }
  // below the header a cell merged across columns is a label set over them ("合计" over 类 款 项
  // 科目名称): it goes to the column it stands in, unmerged, as in a table without borders. The
  // header ends at the first row with a figure; in a table without figures (an empty table, whose
  // 合计 row is blank) at the first row with a blank cell, as headings fill their rows.
  const rowHas = (r: number, test: (t: string | undefined) => boolean) =>
    [...Array(cols).keys()].some((c) => {
      const [orow, ocol] = owner[r][c];
      return test(text.get(`${orow},${ocol}`)?.text);
    });
  const firstData = kept.find((r) => rowHas(r, (t) => t !== undefined && isFigure(t))) ?? kept.find((r) => rowHas(r, (t) => t === undefined));
  const out: Row[] = [];
  for (const r of kept) {
    if (firstData !== undefined && r >= firstData) {
      for (let c = 0; c < cols; c++) {
        const [orow, ocol] = owner[r][c];
        if (orow !== r || ocol !== c) continue;
        const [rs, cs] = span.get(`${r},${c}`)!;
        const t = text.get(`${r},${c}`);
        if (cs < 2) continue;
        const at = t ? Math.min(c + cs - 1, Math.max(c, colOf(t.center))) : c;
        for (let k = c; k < c + cs; k++) for (let i = r; i < r + rs; i++) owner[i][k] = [r, k];
        for (let k = c; k < c + cs; k++) span.set(`${r},${k}`, [rs, 1]);
        if (t && at !== c) {
          text.set(`${r},${at}`, t);
          text.delete(`${r},${c}`);
        }
      }
    }
    const line = Math.min(...[...Array(cols).keys()].map((c) => text.get(`${r},${c}`)?.line ?? Infinity));
    const cells: Cell[] = [];
    for (let c = 0; c < cols; c++) {
      const [orow, ocol] = owner[r][c];
      const at = { page, line: text.get(`${orow},${ocol}`)?.line ?? line, column: c + 1 };
      if (orow !== r || ocol !== c) {
        cells.push({ text: '', covered: true, at });
        continue;
      }
      const [rs, cs] = span.get(`${r},${c}`)!;
      const cell: Cell = { text: text.get(`${r},${c}`)?.text ?? '', at };
      const keptSpan = kept.filter((k) => k >= r && k < r + rs).length;
      if (cs > 1) cell.colSpan = cs;
      if (keptSpan > 1) cell.rowSpan = keptSpan;
      cells.push(cell);
    }
    out.push({ cells, at: { page, line } });
  }
  return out;
}
