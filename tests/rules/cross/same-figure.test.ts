import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('cross/same-figure', () => {
  it('fails: 表七 信访业务经费 3.00 (and its total 77.53)', async () => {
    expect(of(await findings(fixture('rules/cross/same-figure/fail.xlsx')), 'cross/same-figure')).toEqual([
      { rule: "cross/same-figure", severity: "error", at: "表五!G14", expected: "3.00", actual: "2.00" },
      { rule: "cross/same-figure", severity: "error", at: "表七!F6", expected: "76.53", actual: "77.53" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'cross/same-figure')).toEqual([]);
  });
});
