import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/term', () => {
  it('fails (fail, text): §六 says 公务招待费', async () => {
    expect(of(await findings(fixture('rules/narrative/term/fail.txt')), 'narrative/term')).toEqual([
      { rule: "narrative/term", severity: "info", at: "line 413", expected: "公务接待费", actual: "公务招待费" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/term')).toEqual([]);
  });
});
