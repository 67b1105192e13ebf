import { describe, expect, it } from 'vitest';
import { Dec } from '../src/decimal.js';
import { makeFigure } from '../src/recognize/amount.js';
import { compare, overlaps, sum, interval } from '../src/rules/arith.js';

const shown = (t: string, unit: '万元' | '元' = '万元') => makeFigure(Dec.parse(t)!, t.split('.')[1]?.length ?? 0, t, unit, false, {});
const exact = (t: string, unit: '万元' | '元' = '万元') => makeFigure(Dec.parse(t)!, t.split('.')[1]?.length ?? 0, t, unit, true, {});

describe('interval arithmetic', () => {
  it('accepts a total that rounding of its parts explains', () => {
    // 0.004 + 0.004 = 0.008: shown 0.00 + 0.00, total shown 0.01
    expect(compare(shown('0.01'), sum([shown('0.00'), shown('0.00')]))).toBeNull();
  });
  it('rejects a gap rounding cannot explain', () => {
    const mm = compare(shown('0.02'), sum([shown('0.00'), shown('0.00')]));
    expect(mm).not.toBeNull();
    expect(mm!.expected).toBe('0.00');
    expect(mm!.actual).toBe('0.02');
    expect(mm!.gap).toBe('0.02');
  });
  it('never lets two different figures of the same precision stand for one value', () => {
    expect(overlaps(interval(shown('448.43')), interval(shown('448.44')))).toBe(false);
  });
  it('treats stored workbook figures as exact: a 0.01 gap is an error', () => {
    expect(compare(exact('524.97'), sum([exact('448.43'), exact('74.53'), exact('2.00')]))).not.toBeNull();
    expect(compare(exact('524.96'), sum([exact('448.43'), exact('74.53'), exact('2.00')]))).toBeNull();
  });
  it('widens an exact 万元 figure beside 元 figures to what it shows', () => {
    // 三公表 机关运行经费 213.28 万元 vs 基本支出表 公用经费 2,132,777.54 元
    expect(compare(exact('213.28'), sum([exact('2132777.54', '元')]))).toBeNull();
    expect(compare(exact('213.29'), sum([exact('2132777.54', '元')]))).not.toBeNull();
  });
  it('blank is not zero: a blank total with non-zero parts is a mismatch, blank with blank is not', () => {
    expect(compare(null, sum([shown('1.00')]))!.actual).toBe('');
    expect(compare(null, sum([null, null]))).toBeNull();
  });
});
