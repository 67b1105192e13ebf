import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('table/balance', () => {
  it('fails: 表一 支出总计 551.00', async () => {
    expect(of(await findings(fixture('rules/table/balance/fail.xlsx')), 'table/balance')).toEqual([
      { rule: "table/balance", severity: "error", at: "表一!D36", expected: "550.00", actual: "551.00" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'table/balance')).toEqual([]);
  });
});
