import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('structure/missing-table', () => {
  it('fails: 表八 removed', async () => {
    expect(of(await findings(fixture('rules/structure/missing-table/fail.xlsx')), 'structure/missing-table')).toEqual([
      { rule: "structure/missing-table", severity: "error", at: "表九!A2", expected: "一般公共预算“三公”经费支出情况表", actual: null },
    ]);
  });
  it('fails once for a narrative that comes without its tables, saying how to check them together', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(fixture('wuerhe-2022-clean/disclosure.txt'), 'utf8');
    const narrativeOnly = text.slice(0, text.indexOf('表一：')) + text.slice(text.lastIndexOf('第三部分'));
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'bc-')), 'narrative.txt');
    writeFileSync(file, narrativeOnly);
    expect(of(await findings(file), 'structure/missing-table')).toEqual([{ rule: 'structure/missing-table', severity: 'error', at: 'line 3', expected: null, actual: null }]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'structure/missing-table')).toEqual([]);
  });
});
