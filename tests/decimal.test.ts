import { describe, expect, it } from 'vitest';
import { Dec, Ratio } from '../src/decimal.js';

describe('Dec', () => {
  it('parses and prints exactly', () => {
    expect(Dec.parse('448.43')!.toString()).toBe('448.43');
    expect(Dec.parse('-0.25')!.toFixed(2)).toBe('-0.25');
    expect(Dec.parse('1e3')).toBeNull();
    expect(Dec.parse('12.3.4')).toBeNull();
  });
  it('adds without binary-float error', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(Dec.parse('0.1')!.add(Dec.parse('0.2')!).eq(Dec.parse('0.3')!)).toBe(true);
    const parts = ['72.58', '117.40', '55.79', '25.04', '12.99', '3.13', '1.31', '47.04'].map((s) => Dec.parse(s)!);
    expect(parts.reduce((a, b) => a.add(b)).toFixed(2)).toBe('335.28');
  });
  it('reads stored spreadsheet numbers by their shortest decimal form', () => {
    expect(Dec.fromNumber(448.43).toString()).toBe('448.43');
    expect(Dec.fromNumber(5500000).toString()).toBe('5500000');
    expect(Dec.fromNumber(1e-7).toString()).toBe('0.0000001');
  });
  it('rounds half away from zero', () => {
    expect(Dec.parse('0.125')!.toFixed(2)).toBe('0.13');
    expect(Dec.parse('-0.125')!.toFixed(2)).toBe('-0.13');
    expect(Dec.parse('0.124999')!.toFixed(2)).toBe('0.12');
  });
  it('compares ratios exactly by cross-multiplication', () => {
    const r = new Ratio(Dec.parse('60.08')!, Dec.parse('388.35')!);
    expect(r.toDec(4).toString()).toBe('0.1547');
    expect(r.cmp(Dec.parse('0.167')!)).toBe(-1);
    expect(new Ratio(Dec.parse('1')!, Dec.parse('8')!).cmp(Dec.parse('0.125')!)).toBe(0);
  });
});
