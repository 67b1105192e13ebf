import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/table-figure', () => {
  it('fails (fail, text): §四 gives 社会保障和就业支出 as 25.40 while 表四 says 25.04', async () => {
    expect(of(await findings(fixture('rules/narrative/table-figure/fail.txt')), 'narrative/table-figure')).toEqual([
      { rule: "narrative/table-figure", severity: "error", at: "line 382", expected: "25.04", actual: "25.40" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/table-figure')).toEqual([]);
  });
});
