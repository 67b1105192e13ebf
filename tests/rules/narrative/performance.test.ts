import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/performance', () => {
  it('fails (fail, text): 5 projects said, 6 listed; 区长专项准备经费 table: 总额 22 = 财政拨款 20 + 其他 0?', async () => {
    expect(of(await findings(fixture('rules/narrative/performance/fail.txt')), 'narrative/performance')).toEqual([
      { rule: "narrative/performance", severity: "error", at: "line 529", expected: "6", actual: "5" },
      { rule: "narrative/performance", severity: "error", at: "line 541", expected: "20.00", actual: "22.00" },
      { rule: "narrative/performance", severity: "error", at: "line 541", expected: "20.00", actual: "22.00" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/performance')).toEqual([]);
  });
});
