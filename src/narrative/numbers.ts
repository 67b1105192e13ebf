/** Amounts and percentages as written in running text, with the precision they were written with. */
import { Dec } from '../decimal.js';
import type { Location } from '../document.js';
import type { AmountUnit, Figure } from '../model.js';
import { makeFigure } from '../recognize/amount.js';
import type { Percent } from './types.js';

/** A number: thousands separators allowed, also in percentages ("1,055.4%"). */
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** An amount with its unit; "万" alone means 万元 ("1720.00万"). */
export const AMOUNT = new RegExp(String.raw`(${NUM})\s*(亿元|万元|千元|元|万(?![\u4e00-\u9fa5]))`, 'g');
export const PERCENT = new RegExp(String.raw`(${NUM})\s*%`, 'g');

export function parseNum(text: string): { value: Dec; decimals: number } | null {
  const plain = text.replace(/,/g, '');
  const d = Dec.parse(plain);
  return d ? { value: d, decimals: d.scale } : null;
}

export function amountFigure(numText: string, unitText: string, at: Location): Figure | null {
  const n = parseNum(numText);
  if (!n) return null;
  const unit = (unitText === '万' ? '万元' : unitText) as AmountUnit;
  return makeFigure(n.value, n.decimals, `${numText}${unitText}`, unit, false, at);
}

export function percentOf(numText: string): Percent | null {
  const n = parseNum(numText);
  return n ? { value: n.value, decimals: n.decimals, text: `${numText}%` } : null;
}
