import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { departmentWorkbook, sequence } from '../scripts/departments.js';
import { readSource } from '../scripts/make-fixtures.js';
import { brief, findings, fixture } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bc-dept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = readSource(fixture('src/wuerhe-2022-clean'));

function write(name: string, wb: XLSX.WorkBook): string {
  const file = join(dir, name);
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

/** The cell of a sheet whose text is `text` (the first one, row by row). */
function cellWith(ws: XLSX.WorkSheet, test: (v: unknown) => boolean): string {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  for (let r = range.s.r; r <= range.e.r; r++)
    for (let c = range.s.c; c <= range.e.c; c++) {
      const a = XLSX.utils.encode_cell({ r, c });
      if (ws[a] && test(ws[a].v)) return a;
    }
  throw new Error('no such cell');
}

describe('departments: the lines of several units under one department', () => {
  it('raises no false alarm on departments of 2 to 40 units, or on single units', async () => {
    const rnd = sequence(7);
    for (const [units, n] of [
      [1, 0],
      [2, 1],
      [5, 2],
      [13, 3],
      [40, 4],
    ]) {
      const file = write(`d${units}.xlsx`, departmentWorkbook(base, units, n, rnd));
      expect((await findings(file)).map(brief), `${units} units`).toEqual([]);
    }
  });

  it('compares each code of 表七 with the sum of that code over the units of 表五', async () => {
    const wb = departmentWorkbook(base, 3, 5, sequence(11));
    // one project of the second unit is raised by 1.00 in 表七; its 合计 too, so only the cross-table check can see it
    const ws = wb.Sheets['表七'];
    const project = cellWith(ws, (v) => v === '驻外办事处经费（2）');
    const amount = XLSX.utils.encode_cell({ r: XLSX.utils.decode_cell(project).r, c: XLSX.utils.decode_cell(project).c + 1 });
    const total = XLSX.utils.encode_cell({ r: XLSX.utils.decode_cell(cellWith(ws, (v) => v === '合计')).r, c: XLSX.utils.decode_cell(project).c + 1 });
    const before = { amount: ws[amount].v as number, total: ws[total].v as number };
    ws[amount] = { t: 'n', v: before.amount + 1, z: '0.00' };
    ws[total] = { t: 'n', v: before.total + 1, z: '0.00' };
    const file = write('mutated.xlsx', wb);
    const found = await findings(file);
    expect(found.map(brief)).toEqual([
      // 2010302 under the three units of 表五 adds up to 1341.54; its projects in 表七 to 1342.54
      { rule: 'cross/same-figure', severity: 'error', at: '表五!G13', expected: '1342.54', actual: '1341.54' },
      // and 表七's 合计 is no longer 表五's 项目支出 合计
      { rule: 'cross/same-figure', severity: 'error', at: '表七!F6', expected: '1377.54', actual: '1378.54' },
    ]);
    expect(found[0].message).toMatch(/^表五 一般公共预算支出情况表中各单位科目2010302的项目支出之和为1341\.54，表七 一般公共预算项目支出情况表中科目2010302各项目之和为1342\.54/);
    // the other units' lines are shown with it
    expect(found[0].locations.filter((l) => l.sheet === '表五').map((l) => l.cell)).toHaveLength(3);
  });
});
