import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('classification/legacy-name', () => {
  it('fails: 表一 210 under its pre-2018 name', async () => {
    expect(of(await findings(fixture('rules/classification/legacy-name/fail.xlsx')), 'classification/legacy-name')).toEqual([
      { rule: "classification/legacy-name", severity: "warning", at: "表一!C15", expected: "卫生健康支出", actual: "医疗卫生与计划生育支出" },
    ]);
  });
  it('fails (text, text): the text names 医疗卫生与计划生育支出', async () => {
    expect(of(await findings(fixture('rules/classification/legacy-name/text.txt')), 'classification/legacy-name')).toEqual([
      { rule: "classification/legacy-name", severity: "warning", at: "line 350", expected: "卫生健康支出", actual: "医疗卫生与计划生育支出" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'classification/legacy-name')).toEqual([]);
  });
});
