import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('narrative/assets', () => {
  it('fails (fail, text): 截至2020年底; 车辆2辆 but 1 + 0 + 0 by kind', async () => {
    expect(of(await findings(fixture('rules/narrative/assets/fail.txt')), 'narrative/assets')).toEqual([
      { rule: "narrative/assets", severity: "warning", at: "line 513", expected: "2021", actual: "2020" },
      { rule: "narrative/assets", severity: "warning", at: "line 517", expected: "1", actual: "2" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'narrative/assets')).toEqual([]);
  });
});
