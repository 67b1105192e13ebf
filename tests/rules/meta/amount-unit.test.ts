import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('meta/amount-unit', () => {
  it('fails: 表八 declares no amount unit', async () => {
    expect(of(await findings(fixture('rules/meta/amount-unit/fail.xlsx')), 'meta/amount-unit')).toEqual([
      { rule: "meta/amount-unit", severity: "error", at: "表八!A2", expected: null, actual: null },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'meta/amount-unit')).toEqual([]);
  });
});
