import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/repeated-figure', () => {
  it('fails (fail, text): §五 says 基本支出 up 62.59 (15.23%), §三 up 62.95 (15.33%)', async () => {
    expect(of(await findings(fixture('rules/narrative/repeated-figure/fail.txt')), 'narrative/repeated-figure')).toEqual([
      { rule: "narrative/repeated-figure", severity: "error", at: "line 388", expected: "增加62.95万元，增长15.33%", actual: "增加62.59万元，增长15.23%" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/repeated-figure')).toEqual([]);
  });
});
