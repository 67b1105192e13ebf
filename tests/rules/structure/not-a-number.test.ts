import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/not-a-number', () => {
  it('fails: 表三 201 合计 written in words', async () => {
    expect(of(await findings(fixture('rules/structure/not-a-number/fail.xlsx')), 'structure/not-a-number')).toEqual([
      { rule: "structure/not-a-number", severity: "error", at: "表三!E10", expected: null, actual: "五百二十四点九六" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'structure/not-a-number')).toEqual([]);
  });
});
