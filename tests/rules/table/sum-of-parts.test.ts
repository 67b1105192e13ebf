import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/load/index.js';
import { recognize } from '../../../src/recognize/index.js';
import { runRules } from '../../../src/rules/engine.js';
import { brief, findings, fixture, of } from '../../helpers.js';

/** The clean twin with 表三 20103 合计 set to `value`, checked in `rounding` mode. */
async function withTail(value: number, rounding: 'auto' | 'displayed') {
  const wb = XLSX.read(readFileSync(fixture('wuerhe-2022-clean/budget.xlsx')), { type: 'buffer', cellNF: true });
  const cell = wb.Sheets['表三'].E11 as XLSX.CellObject;
  cell.v = value;
  delete cell.w;
  const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return runRules(recognize(await loadDocument('tail.xlsx', buf), { rounding }))
    .filter((f) => f.ruleId === 'table/sum-of-parts')
    .map(brief);
}

describe('table/sum-of-parts', () => {
  it('fails: 表三 款 20103 合计 525.96 while its 项 add up to 524.96', async () => {
    expect(of(await findings(fixture('rules/table/sum-of-parts/fail.xlsx')), 'table/sum-of-parts')).toEqual([
      { rule: "table/sum-of-parts", severity: "error", at: "表三!E10", expected: "525.96", actual: "524.96" },
      { rule: "table/sum-of-parts", severity: "error", at: "表三!E11", expected: "524.96", actual: "525.96" },
    ]);
  });
  it('treats a stored 0.01 tail (尾差) as an error, and as displayed figures only where rounding cannot explain it', async () => {
    // 20103 = 448.43 + 74.53 + 2.00 = 524.96; stated 524.97
    expect(await withTail(524.97, 'auto')).toEqual([
      { rule: 'table/sum-of-parts', severity: 'error', at: '表三!E10', expected: '524.97', actual: '524.96' },
      { rule: 'table/sum-of-parts', severity: 'error', at: '表三!E11', expected: '524.96', actual: '524.97' },
    ]);
    // shown with two decimals, 20103 = three parts leaves ±0.02 of rounding, so 524.97 passes;
    // but 201 has 20103 as its only part, and one amount cannot round to both 524.96 and 524.97
    expect(await withTail(524.97, 'displayed')).toEqual([
      { rule: 'table/sum-of-parts', severity: 'error', at: '表三!E10', expected: '524.97', actual: '524.96' },
    ]);
    expect(await withTail(524.99, 'displayed')).toEqual([
      { rule: 'table/sum-of-parts', severity: 'error', at: '表三!E10', expected: '524.99', actual: '524.96' },
      { rule: 'table/sum-of-parts', severity: 'error', at: '表三!E11', expected: '524.96', actual: '524.99' },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'table/sum-of-parts')).toEqual([]);
  });
});
