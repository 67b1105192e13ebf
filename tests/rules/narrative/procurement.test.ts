import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/procurement', () => {
  it('fails (fail, text): 采购 10 = 货物 5 + 工程 0 + 服务 3? and 小微 6 > 中小 4', async () => {
    expect(of(await findings(fixture('rules/narrative/procurement/fail.txt')), 'narrative/procurement')).toEqual([
      { rule: "narrative/procurement", severity: "error", at: "line 507", expected: "8.00", actual: "10.00" },
      { rule: "narrative/procurement", severity: "error", at: "line 509", expected: "≤ 4万元", actual: "6万元" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/procurement')).toEqual([]);
  });
});
