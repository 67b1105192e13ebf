import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/list-sum', () => {
  it('fails (fail, text): 人员经费 365.7 but its items add up to 368.70 (基本工资 75.58)', async () => {
    expect(of(await findings(fixture('rules/narrative/list-sum/fail.txt')), 'narrative/list-sum')).toEqual([
      { rule: "narrative/list-sum", severity: "error", at: "line 411", expected: "368.70", actual: "365.70" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/list-sum')).toEqual([]);
  });
});
