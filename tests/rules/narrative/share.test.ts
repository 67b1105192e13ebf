import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/share', () => {
  it('fails (fail, text): §三 基本支出 占85.09% (473.47/550 = 86.09%)', async () => {
    expect(of(await findings(fixture('rules/narrative/share/fail.txt')), 'narrative/share')).toEqual([
      { rule: "narrative/share", severity: "error", at: "line 366", expected: "86.09%", actual: "85.09%" },
      { rule: "narrative/share", severity: "error", at: "line 366", expected: "100%", actual: "99.00%" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/share')).toEqual([]);
  });
});
