import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/unreadable-table', () => {
  it('fails: 表三 header 基本支出 renamed', async () => {
    expect(of(await findings(fixture('rules/structure/unreadable-table/fail.xlsx')), 'structure/unreadable-table')).toEqual([
      { rule: "structure/unreadable-table", severity: "warning", at: "表三!A4", expected: null, actual: null },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'structure/unreadable-table')).toEqual([]);
  });
});
