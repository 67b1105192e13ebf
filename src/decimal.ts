/**
 * Exact decimal numbers for money: a scaled bigint (value = units / 10^scale).
 * Amounts are never held in binary floats; see docs/architecture.md, "Arithmetic".
 */
/** 10^k as a bigint; the common ones are computed once. */
const POWERS: bigint[] = Array.from({ length: 40 }, (_, k) => 10n ** BigInt(k));
export function tenTo(k: number): bigint {
  return k < POWERS.length ? POWERS[k] : 10n ** BigInt(k);
}

export class Dec {
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Dec(0n, 0);

  static of(units: bigint, scale = 0): Dec {
    return new Dec(units, scale);
  }

  /** Parses "1234.5", "-0.25", "1e3" is not accepted. Returns null for anything else. */
  static parse(text: string): Dec | null {
    const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
    if (!m) return null;
    const frac = m[3] ?? '';
    const digits = (m[2] || '0') + frac;
    let units = BigInt(digits);
    if (m[1] === '-') units = -units;
    return new Dec(units, frac.length);
  }

  /** The shortest decimal that round-trips the float (what a spreadsheet cell stores). */
  static fromNumber(n: number): Dec {
    if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
    if (Number.isSafeInteger(n)) return new Dec(BigInt(n), 0);
    let s = String(n);
    if (/e/i.test(s)) s = expandExponent(s);
    const d = Dec.parse(s);
    if (!d) throw new RangeError(`cannot represent ${n}`);
    return d;
  }

  /** 10^-d / 2: half a unit in the d-th decimal place. */
  static halfUnit(decimals: number): Dec {
    return new Dec(5n, decimals + 1);
  }

  static pow10(exp: number): Dec {
    return exp >= 0 ? new Dec(tenTo(exp), 0) : new Dec(1n, -exp);
  }

  private rescale(scale: number): bigint {
    return scale === this.scale ? this.units : this.units * tenTo(scale - this.scale);
  }

  add(o: Dec): Dec {
    const s = Math.max(this.scale, o.scale);
    return new Dec(this.rescale(s) + o.rescale(s), s);
  }

  sub(o: Dec): Dec {
    const s = Math.max(this.scale, o.scale);
    return new Dec(this.rescale(s) - o.rescale(s), s);
  }

  mul(o: Dec): Dec {
    return new Dec(this.units * o.units, this.scale + o.scale);
  }

  neg(): Dec {
    return new Dec(-this.units, this.scale);
  }

  abs(): Dec {
    return this.units < 0n ? this.neg() : this;
  }

  cmp(o: Dec): -1 | 0 | 1 {
    const s = Math.max(this.scale, o.scale);
    const a = this.rescale(s);
    const b = o.rescale(s);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(o: Dec): boolean {
    return this.cmp(o) === 0;
  }
  lt(o: Dec): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Dec): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Dec): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Dec): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.units === 0n;
  }
  sign(): -1 | 0 | 1 {
    return this.units < 0n ? -1 : this.units > 0n ? 1 : 0;
  }

  /** Number of decimals needed to write this value exactly (trailing zeros dropped). */
  significantScale(): number {
    let u = this.units;
    let s = this.scale;
    while (s > 0 && u % 10n === 0n) {
      u /= 10n;
      s--;
    }
    return s;
  }

  /** Rounds half away from zero to `decimals` places and prints with exactly that many decimals. */
  toFixed(decimals: number): string {
    const r = this.round(decimals);
    const neg = r.units < 0n;
    let digits = (neg ? -r.units : r.units).toString();
    if (decimals > 0) {
      digits = digits.padStart(decimals + 1, '0');
      digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
    }
    return (neg && !/^[0.]+$/.test(digits) ? '-' : '') + digits;
  }

  round(decimals: number): Dec {
    if (decimals >= this.scale) return new Dec(this.rescale(decimals), decimals);
    const f = tenTo(this.scale - decimals);
    const q = this.units / f;
    const r = this.units % f;
    const twice = (r < 0n ? -r : r) * 2n;
    let out = q;
    if (twice >= f) out += this.units < 0n ? -1n : 1n;
    return new Dec(out, decimals);
  }

  /** Exact value as a plain string with the natural number of decimals. */
  toString(): string {
    return this.toFixed(this.significantScale());
  }

  /** Approximate float, for display-only uses such as sorting; never for comparing amounts. */
  toNumber(): number {
    return Number(this.toString());
  }
}

function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? '');
  const exp = Number(m[4]);
  const point = 1 + exp;
  if (point <= 0) return `${m[1]}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return m[1] + digits + '0'.repeat(point - digits.length);
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A ratio a/b compared exactly by cross-multiplication. Used for shares and growth rates.
 */
export class Ratio {
  constructor(
    readonly num: Dec,
    readonly den: Dec,
  ) {
    if (den.isZero()) throw new RangeError('ratio with zero denominator');
  }

  /** Compares num/den with a decimal value. */
  cmp(v: Dec): -1 | 0 | 1 {
    // num/den ? v  <=>  num ? v*den (den > 0), reversed when den < 0
    const c = this.num.cmp(v.mul(this.den));
    return this.den.sign() > 0 ? c : ((-c) as -1 | 0 | 1);
  }

  /** The ratio as a decimal rounded to `decimals` places (for messages). */
  toDec(decimals: number): Dec {
    const extra = decimals + 2;
    const scaleUp = tenTo(extra + this.den.scale);
    const n = this.num.units * scaleUp;
    const d = this.den.units * tenTo(this.num.scale);
    const q = n / d;
    return Dec.of(q, extra).round(decimals);
  }
}
