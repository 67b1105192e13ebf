import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('table/row-identity', () => {
  it('fails: 表六 30101 小计 72.68 while 人员经费 72.58 + 公用经费 0.00', async () => {
    expect(of(await findings(fixture('rules/table/row-identity/fail.xlsx')), 'table/row-identity')).toEqual([
      { rule: "table/row-identity", severity: "error", at: "表六!D10", expected: "72.58", actual: "72.68" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'table/row-identity')).toEqual([]);
  });
});
