import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('classification/parent-code', () => {
  it('fails: 表三 a 项 row under 201 03 written 208 03 01', async () => {
    expect(of(await findings(fixture('rules/classification/parent-code/fail.xlsx')), 'classification/parent-code')).toEqual([
      { rule: "classification/parent-code", severity: "error", at: "表三!D12", expected: "20103", actual: "2080301" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'classification/parent-code')).toEqual([]);
  });
});
