/** Running text: re-flowing lines that an export broke, and a half-width copy for matching. */
import type { Location } from '../document.js';
import type { Paragraph } from '../model.js';
import { toHalfWidth } from '../recognize/text.js';
import type { TextBlock } from './types.js';

/** A line that starts like this continues the previous one ("76.53" / "万元，比上年…"). */
const CONTINUES = /^\s*(万元|亿元|千元|元|%|％|[，,。；;、)）])/;
/** A line that ends like this is cut mid-sentence. */
const CUT = /([，,、（(]|[\u4e00-\u9fa5]\d+(\.\d+)?|\d+\.)$/;

export function reflow(paragraphs: Paragraph[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  const wrapAt = wrapWidth(paragraphs);
  let lastWidth = 0;
  let lastLine = '';
  for (const p of paragraphs) {
    const text = (p.cells ? p.text : unspace(p.text)).replace(/\s+$/, '');
    const printed = width(p.text);
    const prev = blocks[blocks.length - 1];
    const joinable = prev && !prev.cells && !p.cells && sameSource(prev.at, p.at);
    const numbered = /^[\s\-•]*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))/.test(text);
    // "2019" / "年本部门…": a year cut from its 年
    const cutYear = /\d$/.test(prev?.text ?? '') && /^\s*[年月日]/.test(text);
    // "…同比增加" / "1000000.00 元,增长 25%": an amount cut from the words that introduce it
    const cutAmount = /[\u4e00-\u9fa5]$/.test(prev?.text ?? '') && /^\s*\d[\d,，]*(\.\d+)?\s*(万元|亿元|千元|元|%|％)/.test(text);
    // text exported with a line break at every line of the page: a full line that does not end a
    // sentence goes on in the next one
    // (a first line is indented, a line with a comma is inside a sentence, not a heading)
    const fullLine = wrapAt > 0 && !/[。！？；：:!?;]$/.test(prev?.text ?? '') && (lastWidth >= 0.8 * wrapAt || (lastWidth >= 0.6 * wrapAt && /[，,、]/.test(lastLine)));
    if (joinable && (CONTINUES.test(text) || cutYear || cutAmount || ((CUT.test(prev.text) || fullLine) && !numbered))) {
      prev.text = prev.text + text.trim();
      prev.norm = toHalfWidth(prev.text);
      lastWidth = printed;
      lastLine = text;
      continue;
    }
    blocks.push({ text: text.trim(), norm: toHalfWidth(text.trim()), at: p.at, sections: [], index: blocks.length, ...(p.cells ? { cells: p.cells } : {}) });
    lastWidth = p.cells ? 0 : printed;
    lastLine = text;
  }
  return blocks;
}

/** How wide a line is printed: a Chinese character counts 1, a digit, a Latin letter or a space ½. */
function width(text: string): number {
  let w = 0;
  for (const ch of text.trim()) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/**
 * The width at which the text's lines were broken, when they were: most lines of a hard-wrapped
 * export are about as long as the page is wide (Word or a web page gives one line per paragraph,
 * much longer and of every length). 0 when the lines do not look wrapped.
 */
function wrapWidth(paragraphs: Paragraph[]): number {
  const widths = paragraphs
    .filter((p) => !p.cells)
    .map((p) => width(p.text))
    .filter((n) => n >= 12)
    .sort((a, b) => a - b);
  if (widths.length < 5) return 0;
  const typical = widths[Math.floor(widths.length * 0.75)];
  const near = widths.filter((n) => n >= 0.8 * typical && n <= typical * 1.1).length;
  return typical <= 60 && near >= widths.length * 0.4 ? typical : 0;
}

const SPACED = /[\u3400-\u9fff][ \t\u3000][\u3400-\u9fff][ \t\u3000][\u3400-\u9fff][ \t\u3000][\u3400-\u9fff]/;

/** "2025 年 政 府 采 购 预 算": characters spread out by a PDF export, put back together. */
function unspace(text: string): string {
  if (!SPACED.test(text)) return text;
  return text.replace(/([\u3400-\u9fff，。、；：（）,;:()])[ \t\u3000]+(?=[\u3400-\u9fff，。、；：（）,;:()])/g, '$1');
}

function sameSource(a: Location, b: Location): boolean {
  return a.sheet === b.sheet;
}

/** A short quote around [start, end) of a block, for a finding's excerpt. */
export function excerpt(block: TextBlock, start: number, end: number, pad = 12): string {
  const a = Math.max(0, start - pad);
  const b = Math.min(block.text.length, end + pad);
  return (a > 0 ? '…' : '') + block.text.slice(a, b) + (b < block.text.length ? '…' : '');
}

/** Location of a span of a block: the block's location with an excerpt. */
export function spanAt(block: TextBlock, start: number, end: number): Location {
  return { ...block.at, excerpt: excerpt(block, start, end) };
}
