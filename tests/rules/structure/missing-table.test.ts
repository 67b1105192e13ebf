import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/missing-table', () => {
  it('fails: 表八 removed', async () => {
    expect(of(await findings(fixture('rules/structure/missing-table/fail.xlsx')), 'structure/missing-table')).toEqual([
      { rule: "structure/missing-table", severity: "error", at: "表九!A2", expected: "一般公共预算“三公”经费支出情况表", actual: null },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'structure/missing-table')).toEqual([]);
  });
});
