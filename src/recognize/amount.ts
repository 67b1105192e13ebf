import { Dec } from '../decimal.js';
import type { Cell, Location } from '../document.js';
import { UNIT_EXPONENT, type AmountUnit, type Figure } from '../model.js';
import { toHalfWidth } from './text.js';

export type AmountReading = { kind: 'figure'; figure: Figure } | { kind: 'blank' } | { kind: 'invalid'; text: string };

/** Dashes that budget tables print for "nothing here". */
const NIL = /^[-－—–‐_]+$/;

/**
 * Reads an amount as written: "1,234.50", "（12.00）" or "-12.00" for negatives, "-" for nil.
 * Returns the value and the number of decimals written.
 */
export function parseNumberText(text: string): { value: Dec; decimals: number } | null {
  let s = toHalfWidth(text).replace(/[\s\u00a0]/g, '').replace(/[，]/g, ',');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (/^-/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(s)) return null;
  const plain = s.replace(/,/g, '');
  const d = Dec.parse(plain);
  if (!d) return null;
  return { value: negative ? d.neg() : d, decimals: d.scale };
}

export interface FigureOptions {
  unit: AmountUnit;
  /** True when the cell's stored value is exact (auto mode on a workbook, or exact mode). */
  exact: boolean;
}

/** Turns a decimal written in `unit` with `decimals` decimals into a Figure. */
export function makeFigure(value: Dec, decimals: number, text: string, unit: AmountUnit, exact: boolean, at: Location): Figure {
  const toYuan = Dec.pow10(UNIT_EXPONENT[unit]);
  const shownHalf = halfIn(unit, decimals);
  return {
    value: value.mul(toYuan),
    half: exact ? Dec.ZERO : shownHalf,
    shownHalf,
    text,
    unit,
    decimals,
    at,
  };
}

/** Half a unit of the last shown decimal, in 元 (Dec values are immutable: shared by all figures). */
const halves = new Map<string, Dec>();
function halfIn(unit: AmountUnit, decimals: number): Dec {
  const key = unit + decimals;
  let h = halves.get(key);
  if (!h) halves.set(key, (h = Dec.halfUnit(decimals).mul(Dec.pow10(UNIT_EXPONENT[unit]))));
  return h;
}

/** Reads a table cell as an amount. A blank cell is "not stated", never zero. */
export function readAmountCell(cell: Cell | undefined, opts: FigureOptions): AmountReading {
  if (!cell || cell.text === '') {
    if (cell?.numeric && typeof cell.value === 'number') return readStoredNumber(cell, cell.value, opts);
    return { kind: 'blank' };
  }
  if (cell.numeric && typeof cell.value === 'number') return readStoredNumber(cell, cell.value, opts);
  const t = cell.text.trim();
  if (NIL.test(t)) return { kind: 'figure', figure: makeFigure(Dec.ZERO, 0, t, opts.unit, true, cell.at) };
  const parsed = parseNumberText(t);
  if (!parsed) return { kind: 'invalid', text: t };
  return { kind: 'figure', figure: makeFigure(parsed.value, parsed.decimals, t, opts.unit, opts.exact, cell.at) };
}

function readStoredNumber(cell: Cell, n: number, opts: FigureOptions): AmountReading {
  if (!Number.isFinite(n)) return { kind: 'invalid', text: cell.text };
  const stored = Dec.fromNumber(n);
  // The displayed text tells the precision the reader sees; the stored value is the figure.
  const shown = cell.decimals !== undefined ? { value: stored.round(cell.decimals), decimals: cell.decimals } : parseNumberText(cell.text);
  const decimals = shown ? shown.decimals : stored.significantScale();
  if (opts.exact) return { kind: 'figure', figure: makeFigure(stored, decimals, cell.text || stored.toString(), opts.unit, true, cell.at) };
  const value = shown ? shown.value : stored;
  return { kind: 'figure', figure: makeFigure(value, decimals, cell.text || stored.toString(), opts.unit, false, cell.at) };
}

/** Prints a figure's value in a unit with a number of decimals, e.g. for messages. */
export function formatIn(valueYuan: Dec, unit: AmountUnit, decimals: number): string {
  const v = valueYuan.mul(Dec.pow10(-UNIT_EXPONENT[unit]));
  return v.toFixed(decimals);
}
