import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/operating-costs', () => {
  it('fails (fail, text): 机关运行经费 117.77 while 表六 公用经费 107.77', async () => {
    expect(of(await findings(fixture('rules/narrative/operating-costs/fail.txt')), 'narrative/operating-costs')).toEqual([
      { rule: "narrative/operating-costs", severity: "warning", at: "line 503", expected: "107.77", actual: "117.77" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/operating-costs')).toEqual([]);
  });
});
