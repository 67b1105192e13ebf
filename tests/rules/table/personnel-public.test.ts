import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('table/personnel-public', () => {
  it('fails: 表六 30201 办公费 split 3.00 人员经费 + 3.64 公用经费', async () => {
    expect(of(await findings(fixture('rules/table/personnel-public/fail.xlsx')), 'table/personnel-public')).toEqual([
      { rule: "table/personnel-public", severity: "warning", at: "表六!E19", expected: "0", actual: "3.00" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'table/personnel-public')).toEqual([]);
  });
});
