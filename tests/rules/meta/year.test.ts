import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('meta/year', () => {
  it('fails: 表六 is for 2021', async () => {
    expect(of(await findings(fixture('rules/meta/year/fail.xlsx')), 'meta/year')).toEqual([
      { rule: "meta/year", severity: "error", at: "表六!D3", expected: "2022", actual: "2021" },
    ]);
  });
  it('fails (text, text): a performance target written for 2021', async () => {
    expect(of(await findings(fixture('rules/meta/year/text.txt')), 'meta/year')).toEqual([
      { rule: "meta/year", severity: "error", at: "line 734", expected: "2022", actual: "2021" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'meta/year')).toEqual([]);
  });
});
