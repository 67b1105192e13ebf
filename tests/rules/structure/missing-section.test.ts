import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/missing-section', () => {
  it('fails (fail, text): the 政府采购 section removed', async () => {
    expect(of(await findings(fixture('rules/structure/missing-section/fail.txt')), 'structure/missing-section')).toEqual([
      { rule: "structure/missing-section", severity: "error", at: "line 40", expected: "政府采购情况", actual: null },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'structure/missing-section')).toEqual([]);
  });
});
