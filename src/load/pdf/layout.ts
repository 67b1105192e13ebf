/**
 * Page geometry for the PDF reader: text items → fragments (one per run of non-blank text, with
 * its horizontal extent) → lines (fragments sharing a baseline), and the removal of running
 * headers, footers and page numbers. Coordinates are viewport coordinates: x to the right, y
 * downwards, in points.
 */

/** A run of text without blanks, positioned on the page. */
export interface Frag {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, y downwards. */
  y: number;
  /** Font size (height of the text's em square). */
  size: number;
  /** The text item it came from (fragments of one item were separated by blanks in it). */
  item: number;
}

export interface Line {
  /** 1-based page. */
  page: number;
  /** 1-based line on the page, counted after running headers and footers are removed. */
  no: number;
  y: number;
  size: number;
  /** Sorted by x0. */
  frags: Frag[];
  x0: number;
  x1: number;
}

export interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: Line[];
  /** Horizontal and vertical rules the page draws (table borders), when they were read. */
  rules?: { x0: number; y0: number; x1: number; y1: number }[];
}

/** The parts of a pdf.js text item this reader uses. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

/** Whether a character is set full-width (one em) in CJK fonts. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x2010 && code <= 0x2027) ||
    code === 0x3000
  );
}

/** Estimated advance of a string, in ems: full-width characters 1, others ½ (a blank ⅓). */
export function emWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0xa0 || c === 0x09) w += 1 / 3;
    else if (isWide(c)) w += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      w += 1;
      i++;
    } else w += 0.5;
  }
  return w;
}

const BLANK = /[\s\u00a0\u3000]+/g;

/** The product of two PDF transformation matrices [a b c d e f]. */
export function multiply(m: number[], n: number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * Splits the text items of a page into fragments. pdf.js joins glyphs that follow each other
 * into one item and writes a blank where it saw a gap, so one item may hold several table
 * cells ("82,096,797.42 82,096,797.42"): each blank-separated run becomes a fragment, the first
 * anchored at the item's start, the last at its end, and the gaps share the rest of the width.
 * Text that is not horizontal (watermarks, stamps) is left out.
 */
export function pageFragments(items: readonly TextItemLike[], viewport: number[]): Frag[] {
  const out: Frag[] = [];
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    const str = item.str;
    if (!str || !/\S/.test(str)) continue;
    const m = multiply(viewport, item.transform);
    const scaleX = Math.hypot(m[0], m[1]);
    const size = Math.hypot(m[2], m[3]);
    if (scaleX === 0 || size === 0) continue;
    // horizontal text only (left to right after the page's rotation)
    if (Math.abs(m[1]) > 0.05 * scaleX || m[0] <= 0) continue;
    const x = m[4];
    const y = m[5];
    const width = Math.max(0, item.width * (scaleX / Math.hypot(item.transform[0], item.transform[1]) || 1));
    pushFragments(out, str, x, y, width, size, n);
  }
  return out;
}

function pushFragments(out: Frag[], str: string, x: number, y: number, width: number, size: number, item: number): void {
  BLANK.lastIndex = 0;
  if (!BLANK.test(str)) {
    out.push({ text: str, x0: x, x1: x + (width || emWidth(str) * size), y, size, item });
    return;
  }
  // runs: alternating blank / text, with estimated widths
  const runs: { text: string; blank: boolean; est: number }[] = [];
  let last = 0;
  BLANK.lastIndex = 0;
  for (let m = BLANK.exec(str); m; m = BLANK.exec(str)) {
    if (m.index > last) runs.push({ text: str.slice(last, m.index), blank: false, est: emWidth(str.slice(last, m.index)) });
    runs.push({ text: m[0], blank: true, est: Math.max(1 / 3, emWidth(m[0])) });
    last = m.index + m[0].length;
  }
  if (last < str.length) runs.push({ text: str.slice(last), blank: false, est: emWidth(str.slice(last)) });
  const textEm = runs.reduce((s, r) => (r.blank ? s : s + r.est), 0);
  const blankEm = runs.reduce((s, r) => (r.blank ? s + r.est : s), 0);
  const total = width > 0 ? width : (textEm + blankEm) * size;
  let textScale = size;
  let blankScale = size;
  if (textEm * size <= total) blankScale = blankEm > 0 ? (total - textEm * size) / blankEm : 0;
  else textScale = blankScale = total / (textEm + blankEm);
  let at = x;
  for (const r of runs) {
    const w = r.est * (r.blank ? blankScale : textScale);
    if (!r.blank) out.push({ text: r.text, x0: at, x1: at + w, y, size, item });
    at += w;
  }
}

/** Groups fragments into lines by baseline (tolerance relative to the font size), top to bottom. */
export function groupLines(frags: Frag[], page: number): Line[] {
  const sorted = [...frags].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const f of sorted) {
    if (cur && Math.abs(f.y - cur.y) <= 0.3 * Math.min(cur.size, f.size)) {
      cur.frags.push(f);
      if (f.size > cur.size) cur.size = f.size;
      continue;
    }
    cur = { page, no: 0, y: f.y, size: f.size, frags: [f], x0: 0, x1: 0 };
    lines.push(cur);
  }
  for (const l of lines) {
    l.frags.sort((a, b) => a.x0 - b.x0);
    l.x0 = l.frags[0].x0;
    l.x1 = Math.max(...l.frags.map((f) => f.x1));
  }
  return lines;
}

/**
 * Narrowest gap that is a blank: the narrowest common space glyph is 0.224 em (the U+0020 of
 * CJK fonts such as Noto CJK / Source Han); Times has 0.25 em, SimSun 0.5 em. Narrower gaps are
 * letter-spacing or the automatic spacing between CJK and Latin text that word processors add
 * without a blank in the text (LibreOffice: 0.2 em): "2022年", not "2022 年".
 */
const BLANK_GAP = 0.21;

/** The text of fragments in reading order: blanks only where the gap is a blank's width or between Latin words. */
export function joinFrags(frags: readonly Frag[]): string {
  let s = '';
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    if (i > 0) {
      const p = frags[i - 1];
      const gap = f.x0 - p.x1;
      const latin = /[A-Za-z0-9.,%)]$/.test(p.text) && /^[A-Za-z0-9(]/.test(f.text);
      if (gap > BLANK_GAP * Math.min(p.size, f.size) || (latin && (p.item === f.item || gap > 0.1 * f.size))) s += ' ';
    }
    s += f.text;
  }
  return s;
}

export function lineText(line: Line): string {
  return joinFrags(line.frags);
}

const PAGE_NUMBER = [
  /^[-—–－_~·•]*\s*\d{1,4}\s*[-—–－_~·•]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^[-—–－]?\s*[ivxlc]{1,6}\s*[-—–－]?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\u3000/g, ' ').trim();
  return PAGE_NUMBER.some((p) => p.test(t));
}

/** Text of a line with its digits generalized, to recognize a running header that carries numbers. */
function runningKey(line: Line): string {
  return lineText(line).replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * Removes running headers and footers: a line at the top or bottom edge of a page is one when
 * its text (digits aside) recurs at the same edge on several pages, or when it is a page number
 * ("- 3 -", "第3页", a bare number). Then numbers the remaining lines of each page.
 */
export function removeRunning(pages: PageLines[]): void {
  const EDGE_LINES = 2;
  const candidates = (p: PageLines) => {
    const out: { line: Line; edge: 'top' | 'bottom' }[] = [];
    const zone = 0.1 * p.height;
    for (let i = 0; i < Math.min(EDGE_LINES, p.lines.length); i++) {
      const l = p.lines[i];
      if (l.y - l.size <= zone) out.push({ line: l, edge: 'top' });
    }
    for (let i = p.lines.length - 1; i >= Math.max(0, p.lines.length - EDGE_LINES); i--) {
      const l = p.lines[i];
      if (p.height - l.y <= zone && !out.some((c) => c.line === l)) out.push({ line: l, edge: 'bottom' });
    }
    return out;
  };
  const perPage = pages.map(candidates);
  const counts = new Map<string, number>();
  for (const list of perPage) {
    const seen = new Set<string>();
    for (const c of list) {
      const k = `${c.edge}|${runningKey(c.line)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.4));
  pages.forEach((p, i) => {
    const drop = new Set<Line>();
    for (const c of perPage[i]) {
      const text = lineText(c.line);
      // running headers and page numbers are set apart from the text they frame
      const list = p.lines;
      const idx = list.indexOf(c.line);
      const outermost = c.edge === 'top' ? idx === 0 : idx === list.length - 1;
      const neighbour = c.edge === 'top' ? list[idx + 1] : list[idx - 1];
      const apart = !neighbour || Math.abs(neighbour.y - c.line.y) > 1.3 * Math.max(neighbour.size, c.line.size);
      const repeated = pages.length >= 2 && (counts.get(`${c.edge}|${runningKey(c.line)}`) ?? 0) >= minRepeats;
      if ((repeated && (apart || !outermost)) || (outermost && apart && isPageNumber(text))) drop.add(c.line);
    }
    if (drop.size) p.lines = p.lines.filter((l) => !drop.has(l));
    p.lines.forEach((l, n) => (l.no = n + 1));
  });
}
