import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('table/sangong', () => {
  it('fails: 表八 合计 67.20', async () => {
    expect(of(await findings(fixture('rules/table/sangong/fail.xlsx')), 'table/sangong')).toEqual([
      { rule: "table/sangong", severity: "error", at: "表八!A6", expected: "67.10", actual: "67.20" },
    ]);
  });
  it('fails: 公务用车购置及运行费 not split into 购置费 and 运行费', async () => {
    expect(of(await findings(fixture('rules/table/sangong/not-split.xlsx')), 'table/sangong')).toEqual([
      { rule: 'table/sangong', severity: 'error', at: '表八!A2', expected: null, actual: null },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'table/sangong')).toEqual([]);
  });
});
