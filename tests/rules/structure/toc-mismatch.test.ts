import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/toc-mismatch', () => {
  it('fails (fail, text): 表九 titled 政府性基金预算支出表, the contents say …情况表', async () => {
    expect(of(await findings(fixture('rules/structure/toc-mismatch/fail.txt')), 'structure/toc-mismatch')).toEqual([
      { rule: "structure/toc-mismatch", severity: "error", at: "line 327", expected: "政府性基金预算支出情况表", actual: "政府性基金预算支出表" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'structure/toc-mismatch')).toEqual([]);
  });
});
