import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/placeholder', () => {
  it('fails (fail, text): 其他资金 left blank; XX left in a heading', async () => {
    expect(of(await findings(fixture('rules/structure/placeholder/fail.txt')), 'structure/placeholder')).toEqual([
      { rule: "structure/placeholder", severity: "error", at: "line 695", expected: null, actual: "资金 万元" },
      { rule: "structure/placeholder", severity: "error", at: "line 756", expected: null, actual: "XX" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'structure/placeholder')).toEqual([]);
  });
});
