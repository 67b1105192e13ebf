import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/incomplete-sentence', () => {
  it('fails (fail, text): a reason left empty, a doubled phrase', async () => {
    expect(of(await findings(fixture('rules/narrative/incomplete-sentence/fail.txt')), 'narrative/incomplete-sentence')).toEqual([
      { rule: "narrative/incomplete-sentence", severity: "warning", at: "line 382", expected: null, actual: "主要用于 主要用于" },
      { rule: "narrative/incomplete-sentence", severity: "warning", at: "line 403", expected: null, actual: "主要原因是。" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/incomplete-sentence')).toEqual([]);
  });
});
