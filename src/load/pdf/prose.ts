/**
 * Running text of a PDF: lines that are not table rows, re-flowed into paragraphs. A line
 * continues the paragraph above it (also across a page break) unless the paragraph ended there:
 * the line above ends a sentence or a heading (。：；！？), stops short of the right margin by more
 * than this line's first word needs, or has another font size; or this line is indented or
 * numbered ("一、" "（一）" "1." …). A wider gap alone does not end a paragraph (exports leave
 * blank lines inside sentences). Chinese lines are joined without a blank.
 */
import type { Row } from '../../document.js';
import { emWidth, lineText, type Line, type PageLines } from './layout.js';

// list numbers have no leading zero and rarely three digits: "（05）" and "（208）" starting a line
// are codes continuing the sentence above ("…缴费支出" / "（05）:2022年预算数为…"), and "550 万元"
// is an amount, not item 550
const NUMBERED = /^([一二三四五六七八九十百]+[、.．]|[（(]([一二三四五六七八九十百]+|[1-9]\d?)[)）]|[1-9]\d?[、.．](?!\d)|[1-9]\d?\s+(?![万亿千]?元|%|％)|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分]|[•·●○■□◆▪-]\s*)/;
const ENDS = /[。：:；;！？!?][”’"」』)）]*$/;

interface Margins {
  left: number;
  right: number;
}

function margins(lines: Line[]): Margins | null {
  const long = lines.filter((l) => lineText(l).replace(/\s+/g, '').length >= 8);
  if (long.length < 2) return null;
  return { left: Math.min(...long.map((l) => l.x0)), right: Math.max(...long.map((l) => l.x1)) };
}

/**
 * Whether a line reaches the right margin: it ends within 1½ ems of it, or the first word of
 * the next line would not have fitted after it ("…协同化发展" / "180.00万，…": figures and Latin
 * words are not broken, and a comma may not start a line).
 */
function full(line: Line, next: string, right: number): boolean {
  if (line.x1 >= right - 1.5 * line.size) return true;
  const lead = /^[0-9A-Za-z.,%‰+\-/:()（）]*[^\s]?[，。、；：！？）)”’》」』%]*/.exec(next)?.[0] ?? '';
  return line.x1 + emWidth(lead) * line.size > right - 0.25 * line.size;
}

function joinText(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Paragraph rows of the lines not in `tableLines`, in page order. A paragraph is located at its
 * first line.
 */
export function paragraphRows(pages: PageLines[], tableLines: Set<Line>): Row[] {
  const perPage = new Map<number, Margins | null>();
  for (const p of pages) perPage.set(p.page, margins(p.lines.filter((l) => !tableLines.has(l))));
  // the right margin is where the text of the pages of that width ends: a page of short lines
  // (signatures and titles between tables) has no full line of its own
  const widths = new Map<number, number[]>();
  for (const p of pages) {
    const m = perPage.get(p.page);
    const key = Math.round(p.width);
    if (m) widths.set(key, [...(widths.get(key) ?? []), m.right]);
  }
  const typical = (width: number) => {
    const rights = [...(widths.get(Math.round(width)) ?? [])].sort((a, b) => a - b);
    return rights.length ? rights[Math.floor(rights.length / 2)] : undefined;
  };
  for (const p of pages) {
    const m = perPage.get(p.page);
    const right = typical(p.width);
    if (m && right !== undefined && right > m.right) perPage.set(p.page, { left: m.left, right });
  }
  const known = [...perPage.values()].filter((m): m is Margins => !!m);
  const fallback: Margins = known.length
    ? { left: Math.min(...known.map((m) => m.left)), right: Math.max(...known.map((m) => m.right)) }
    : { left: 0, right: Infinity };
  const rows: Row[] = [];
  let cur: { row: Row; last: Line; text: string } | null = null;
  let lastWasPageEnd = false;
  for (const p of pages) {
    const m = perPage.get(p.page) ?? fallback;
    p.lines.forEach((line, idx) => {
      if (tableLines.has(line)) {
        cur = null;
        return;
      }
      const text = lineText(line).trim();
      if (!text) return;
      const c: { row: Row; last: Line; text: string } | null = cur;
      let joins = false;
      if (c) {
        const prev = c.last;
        const pm = perPage.get(prev.page) ?? fallback;
        const samePage = prev.page === line.page;
        const size = Math.max(prev.size, line.size);
        joins =
          Math.abs(prev.size - line.size) <= 0.1 * size &&
          !ENDS.test(lineText(prev).trim()) &&
          full(prev, text, pm.right) &&
          line.x0 <= m.left + 0.8 * line.size &&
          !NUMBERED.test(text) &&
          (samePage ? line.y - prev.y <= 5 * size : lastWasPageEnd && idx === 0);
      }
      if (joins && c) {
        c.text = joinText(c.text, text);
        c.row.cells[0].text = c.text;
        c.last = line;
      } else {
        const row: Row = { cells: [{ text, at: { page: line.page, line: line.no } }], at: { page: line.page, line: line.no }, paragraph: true };
        rows.push(row);
        cur = { row, last: line, text };
      }
    });
    const lastLine = p.lines[p.lines.length - 1];
    lastWasPageEnd = !!cur && !!lastLine && (cur as { last: Line }).last === lastLine;
  }
  return rows;
}
