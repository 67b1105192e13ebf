import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/yoy', () => {
  it('fails (fail, text): §二 下降14.59% (86.52/636.52 = 13.59%)', async () => {
    expect(of(await findings(fixture('rules/narrative/yoy/fail.txt')), 'narrative/yoy')).toEqual([
      { rule: "narrative/yoy", severity: "error", at: "line 356", expected: "13.59%", actual: "14.59%" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/yoy')).toEqual([]);
  });
});
