/** Helpers of the narrative rules: the table figure a statement speaks of, and ratio intervals. */
import { Dec, tenTo } from '../decimal.js';
import type { Location } from '../document.js';
import type { Disclosure, Figure, Table, TableRow } from '../model.js';
import type { Narrative, Percent, Statement, TableRef } from '../narrative/types.js';
import { interval, type Interval } from './arith.js';
import { figureAt, tableName } from './query.js';

export function narrativeOf(d: Disclosure): Narrative | null {
  return d.narrative ?? null;
}

export interface TableCell {
  table: Table;
  row: TableRow;
  figure: Figure | null;
  at: Location;
  name: string;
}

/** The table cell a reference points at, when the table and the row exist. */
export function cellOf(d: Disclosure, ref: TableRef): TableCell | null {
  const table = d.tables.find((t) => t.kind === ref.kind && t.columns.some((c) => c.role === ref.role));
  if (!table) return null;
  const side = table.kind === 'income-expenditure' || table.kind === 'fiscal' ? (ref.income ? 'income' : 'expenditure') : undefined;
  let row: TableRow | undefined;
  if (ref.income) row = table.rows.find((r) => r.side === 'income' && (ref.income === 'total' ? r.kind === 'total' : r.incomeRole === ref.income));
  else if (ref.code) row = table.rows.find((r) => r.code === ref.code && (!side || r.side === side));
  else if (ref.name) row = table.rows.find((r) => r.project === ref.name || r.name === ref.name);
  else if (ref.total) row = table.rows.find((r) => r.kind === 'total' && (!side || r.side === side)) ?? (table.kind === 'sangong' ? table.rows[0] : undefined);
  if (!row) return null;
  const figure = row.values[ref.role] ?? null;
  const col = table.columns.find((c) => c.role === ref.role && (!side || c.side === side));
  return { table, row, figure, at: figureAt(table, row, ref.role, figure), name: `${tableName(table)}「${row.label || col?.label.split('/').pop() || ''}」${row.label ? col?.label.split('/').pop() ?? '' : ''}` };
}

/** The current amount a statement's change is about: its own, else the same line stated elsewhere, else the table's. */
export function currentAmount(d: Disclosure, n: Narrative, s: Statement): Figure | null {
  if (s.amount) return s.amount;
  // the same subject stated with its amount just before ("收、支总计各是…" then "各减少…")
  // (not one said of another year: "2021年度…决算…公务接待12.39万元" before "2022年…公务接待较上年减少…")
  const sameYear = (o: Statement) => o.year === undefined || s.year === undefined || o.year === s.year;
  const before = n.statements.slice(0, n.statements.indexOf(s)).reverse().find((o) => o.amount && o.subject === s.subject && sameYear(o) && (o.section[0] === s.section[0] || s.year !== undefined));
  if (before?.amount) return before.amount;
  if (s.ref) {
    const same = n.statements.find((o) => o !== s && o.amount && o.ref && sameRef(o.ref, s.ref!));
    if (same?.amount) return same.amount;
    return cellOf(d, s.ref)?.figure ?? null;
  }
  return null;
}

export function sameRef(a: TableRef, b: TableRef): boolean {
  return a.kind === b.kind && a.role === b.role && a.code === b.code && a.income === b.income && a.name === b.name && !!a.total === !!b.total;
}

/** Half-width of a stated percentage, in percent. */
function percentHalf(p: Percent): Dec {
  return Dec.halfUnit(p.decimals);
}

const HUNDRED = Dec.of(100n);

/**
 * Whether a stated percentage can equal 100·a/b for values inside a's and b's intervals, where
 * a may rise with b (pass `dependent` for a growth rate a/(c−a), given as c and a).
 */
export function percentFits(p: Percent, lo: { num: Dec; den: Dec }, hi: { num: Dec; den: Dec } | 'infinite'): boolean {
  const h = percentHalf(p);
  const top = p.value.add(h);
  const bottom = p.value.sub(h);
  // min ratio ≤ top:  lo.num·100 ≤ top·lo.den
  const minOk = lo.den.sign() <= 0 ? false : lo.num.mul(HUNDRED).lte(top.mul(lo.den));
  if (!minOk) return false;
  if (hi === 'infinite') return true;
  return hi.den.sign() <= 0 ? true : hi.num.mul(HUNDRED).gte(bottom.mul(hi.den));
}

/** Bounds of the share a/b for a in [a±], b in [b±]. */
export function shareBounds(a: Interval, b: Interval): { lo: { num: Dec; den: Dec }; hi: { num: Dec; den: Dec } | 'infinite' } {
  const aLo = maxZero(a.value.sub(a.half));
  const aHi = a.value.add(a.half);
  const bLo = b.value.sub(b.half);
  const bHi = b.value.add(b.half);
  return { lo: { num: aLo, den: bHi }, hi: bLo.sign() <= 0 ? 'infinite' : { num: aHi, den: bLo } };
}

/** Bounds of a growth rate Δ/(C∓Δ): the smallest at (Δ low, C high), the largest at (Δ high, C low). */
export function rateBounds(current: Interval, delta: Interval, up: boolean): { lo: { num: Dec; den: Dec }; hi: { num: Dec; den: Dec } | 'infinite' } {
  const dLo = maxZero(delta.value.sub(delta.half));
  const dHi = delta.value.add(delta.half);
  const cLo = current.value.sub(current.half);
  const cHi = current.value.add(current.half);
  const prior = (c: Dec, d: Dec) => (up ? c.sub(d) : c.add(d));
  const hiDen = prior(cLo, dHi);
  return { lo: { num: dLo, den: prior(cHi, dLo) }, hi: hiDen.sign() <= 0 ? 'infinite' : { num: dHi, den: hiDen } };
}

function maxZero(x: Dec): Dec {
  return x.sign() < 0 ? Dec.ZERO : x;
}

/** 100·a/b rounded to `decimals`, for messages. */
export function percentText(a: Dec, b: Dec, decimals: number): string | null {
  if (b.isZero()) return null;
  const q = a.mul(HUNDRED);
  // exact division to decimals+2 places, then round
  const scale = decimals + 2;
  const num = q.units * tenTo(scale + b.scale);
  const den = b.units * tenTo(q.scale);
  const neg = num < 0n !== den < 0n;
  const v = (num < 0n ? -num : num) / (den < 0n ? -den : den);
  return Dec.of(neg ? -v : v, scale).toFixed(decimals);
}

export function iv(f: Figure): Interval {
  return interval(f);
}

export function amountText(f: Figure): string {
  return f.text;
}

/** A statement's subject for messages: "行政运行（2010301）" rather than the whole name path. */
export function shortSubject(s: Statement): string {
  if (!s.code) return s.subject;
  const parts = s.subject.split(/[(（]\d+[)）]/).map((x) => x.trim()).filter(Boolean);
  const last = parts[parts.length - 1] ?? s.subject;
  return `${last}（${s.code}）`;
}
