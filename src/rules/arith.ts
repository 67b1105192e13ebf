/**
 * Interval arithmetic on stated figures (docs/architecture.md, "Arithmetic"). A figure written
 * with d decimals stands for every value that rounds to it; an identity fails only when no values
 * inside the inputs' intervals can satisfy it.
 */
import { Dec } from '../decimal.js';
import { UNIT_EXPONENT, type AmountUnit, type Figure } from '../model.js';

export interface Interval {
  value: Dec;
  half: Dec;
  /** Some input was exact: its interval is a closed point, so a gap equal to the slack can occur. */
  anyExact: boolean;
  /** Figures that went into it (for locations and decimals). */
  figures: Figure[];
}

export function interval(f: Figure): Interval {
  return { value: f.value, half: f.half, anyExact: f.half.isZero(), figures: [f] };
}

/**
 * When figures of different units meet (万元 beside 元), a figure in the coarser unit is only as
 * precise as it is shown, even if stored exactly: its half-width is at least half its last digit.
 */
function widened(a: Interval, b: Interval): [Interval, Interval] {
  const exps = [...a.figures, ...b.figures].map((f) => UNIT_EXPONENT[f.unit]);
  const finest = Math.min(...exps);
  if (exps.every((e) => e === finest)) return [a, b];
  const widen = (x: Interval): Interval => {
    let half = Dec.ZERO;
    let anyExact = false;
    for (const f of x.figures) {
      const h = UNIT_EXPONENT[f.unit] > finest && f.shownHalf.gt(f.half) ? f.shownHalf : f.half;
      half = half.add(h);
      anyExact ||= h.isZero();
    }
    return { ...x, half, anyExact };
  };
  return [widen(a), widen(b)];
}

/** Σ of figures with signs (+1 / −1); blank (null) figures contribute nothing. */
export function sum(figs: (Figure | null | undefined)[], signs?: number[]): Interval | null {
  let value = Dec.ZERO;
  let half = Dec.ZERO;
  let anyExact = false;
  const figures: Figure[] = [];
  figs.forEach((f, i) => {
    if (!f) return;
    value = (signs?.[i] ?? 1) < 0 ? value.sub(f.value) : value.add(f.value);
    half = half.add(f.half);
    anyExact ||= f.half.isZero();
    figures.push(f);
  });
  return figures.length ? { value, half, anyExact, figures } : null;
}

/** Whether two intervals admit a common value. Rounded intervals are half-open, exact ones closed. */
export function overlaps(x: Interval, y: Interval): boolean {
  const [a, b] = widened(x, y);
  const gap = a.value.sub(b.value).abs();
  const slack = a.half.add(b.half);
  if (gap.isZero()) return true;
  if (slack.isZero()) return false;
  return gap.lt(slack) || (gap.eq(slack) && (a.anyExact || b.anyExact));
}

/** True when `a` can be at most `b`: some value in a ≤ some value in b. */
export function canBeAtMost(x: Interval, y: Interval): boolean {
  const [a, b] = widened(x, y);
  return a.value.sub(a.half).lte(b.value.add(b.half));
}

export interface Mismatch {
  /** The stated figure (null when the cell is blank). */
  stated: Figure | null;
  computed: Interval | null;
  expected: string;
  actual: string;
  gap: string;
  unit: AmountUnit;
  decimals: number;
}

const BLANK = '';

/**
 * Compares a stated figure with what the other figures say it should be. Blank means "not
 * stated": a blank total with non-zero parts is a mismatch, a blank part contributes nothing.
 */
export function compare(stated: Figure | null | undefined, computed: Interval | null, unitHint?: AmountUnit): Mismatch | null {
  const s = stated ?? null;
  if (!s && (!computed || computed.value.isZero())) return null;
  if (s && !computed && s.value.isZero()) return null;
  if (s && computed && overlaps(interval(s), computed)) return null;
  const unit = s?.unit ?? computed?.figures[0]?.unit ?? unitHint ?? '元';
  const decimals = Math.max(s?.decimals ?? 0, ...(computed?.figures.filter((f) => f.unit === unit).map((f) => f.decimals) ?? [0]), unit === '元' ? 2 : 2);
  const computedValue = computed?.value ?? Dec.ZERO;
  const statedValue = s?.value ?? Dec.ZERO;
  return {
    stated: s,
    computed,
    expected: formatAmount(computedValue, unit, decimals),
    actual: s ? formatAmount(statedValue, unit, decimals) : BLANK,
    gap: formatAmount(statedValue.sub(computedValue), unit, decimals),
    unit,
    decimals,
  };
}

/** An amount in 元 printed in `unit` with `decimals` decimals (no thousands separators). */
export function formatAmount(valueYuan: Dec, unit: AmountUnit, decimals: number): string {
  return valueYuan.mul(Dec.pow10(-UNIT_EXPONENT[unit])).toFixed(decimals);
}

/** Decimals to print a figure with in its own unit. */
export function decimalsOf(figs: Figure[]): number {
  return Math.max(0, ...figs.map((f) => f.decimals));
}

export function isZero(f: Figure | null | undefined): boolean {
  return !f || f.value.isZero();
}
