import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/delta-breakdown', () => {
  it('fails (fail, text): 三公 up 6.15 in all but 公务用车运行费 up 5.15 and the others 0', async () => {
    expect(of(await findings(fixture('rules/narrative/delta-breakdown/fail.txt')), 'narrative/delta-breakdown')).toEqual([
      { rule: "narrative/delta-breakdown", severity: "error", at: "line 493", expected: "5.15", actual: "6.15" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/delta-breakdown')).toEqual([]);
  });
});
