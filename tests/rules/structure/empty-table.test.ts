import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/empty-table', () => {
  it('fails (contradiction, text): the text says no 政府性基金 money, but 表四 政府性基金预算 column totals 5.00', async () => {
    expect(of(await findings(fixture('rules/structure/empty-table/contradiction.txt')), 'structure/empty-table')).toEqual([
      { rule: "structure/empty-table", severity: "error", at: "line 340", expected: "0", actual: "5.00" },
    ]);
  });
  it('fails (fail, text): 表九 is empty and nothing says so', async () => {
    expect(of(await findings(fixture('rules/structure/empty-table/fail.txt')), 'structure/empty-table')).toEqual([
      { rule: "structure/empty-table", severity: "error", at: "line 327", expected: null, actual: null },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'structure/empty-table')).toEqual([]);
  });
});
