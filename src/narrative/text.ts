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
  for (const p of paragraphs) {
    const text = p.text.replace(/\s+$/, '');
    const prev = blocks[blocks.length - 1];
    const joinable = prev && !prev.cells && !p.cells && sameSource(prev.at, p.at);
    if (joinable && (CONTINUES.test(text) || (CUT.test(prev.text) && !/^[\s\-•]*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])/.test(text)))) {
      prev.text = prev.text + text.trim();
      prev.norm = toHalfWidth(prev.text);
      continue;
    }
    blocks.push({ text: text.trim(), norm: toHalfWidth(text.trim()), at: p.at, sections: [], index: blocks.length, ...(p.cells ? { cells: p.cells } : {}) });
  }
  return blocks;
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
