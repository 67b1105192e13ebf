import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('cross/sangong-economic', () => {
  it('fails: 表六 30217 公务接待费 19.50 (30299 lowered so 表六 still adds up) exceeds 表八 公务接待费 18.50', async () => {
    expect(of(await findings(fixture('rules/cross/sangong-economic/fail.xlsx')), 'cross/sangong-economic')).toEqual([
      { rule: "cross/sangong-economic", severity: "error", at: "表六!D23", expected: "18.50", actual: "19.50" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'cross/sangong-economic')).toEqual([]);
  });
});
