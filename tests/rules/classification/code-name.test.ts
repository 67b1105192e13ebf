import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('classification/code-name', () => {
  it('fails: 表三 2010308 named 信访工作; 表六 30103 written as 30104', async () => {
    expect(of(await findings(fixture('rules/classification/code-name/fail.xlsx')), 'classification/code-name')).toEqual([
      { rule: "classification/code-name", severity: "error", at: "表三!D14", expected: "信访事务", actual: "信访工作" },
      { rule: "classification/code-name", severity: "error", at: "表六!C12", expected: null, actual: "30104" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'classification/code-name')).toEqual([]);
  });
});
