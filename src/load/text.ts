import type { Cell, Document, Row } from '../document.js';
import { decodeText } from './encoding.js';

/**
 * Plain text exported from Word or PDF: a line with tabs is a table row (one cell per tab
 * field); a line whose fields are separated by runs of spaces and that carries figures is a
 * table row too; any other non-blank line is running text. Blank lines mark breaks.
 */
export function loadText(file: string, bytes: Uint8Array): Document {
  const { text } = decodeText(bytes);
  return { file, format: 'txt', storedValues: false, streams: [{ name: '正文', rows: textRows(text) }] };
}

const FIGURE = /^[-+(（]?[\d,，]+(\.\d+)?[)）]?%?$/;

export function textRows(text: string): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows: Row[] = [];
  let blank = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/\s+$/, '');
    if (content.trim() === '') {
      blank = true;
      return;
    }
    let fields: string[] | null = null;
    if (content.includes('\t')) fields = content.split('\t');
    else {
      const spaced = content.trim().split(/ {2,}|\u3000{2,}/);
      if (spaced.length >= 3 && spaced.filter((f) => FIGURE.test(f.trim())).length >= 1) fields = spaced;
    }
    const row: Row = fields
      ? { cells: fields.map((f, c): Cell => ({ text: f.trim(), at: { line, column: c + 1 } })), at: { line } }
      : { cells: [{ text: content.trim(), at: { line } }], at: { line }, paragraph: true };
    if (blank) row.breakBefore = true;
    blank = false;
    rows.push(row);
  });
  return rows;
}
