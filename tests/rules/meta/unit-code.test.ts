import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('meta/unit-code', () => {
  it('fails: 表五 header gives another code', async () => {
    expect(of(await findings(fixture('rules/meta/unit-code/fail.xlsx')), 'meta/unit-code')).toEqual([
      { rule: "meta/unit-code", severity: "error", at: "表五!A3", expected: "002002", actual: "002003" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'meta/unit-code')).toEqual([]);
  });
});
