import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { run, scratch } from './helpers.js';

describe('a whole bureau in one command', () => {
  it('checks a directory of references, variants and a corrupt file: exit 2, a summary row per file, stable order', () => {
    const dir = scratch({
      'units/a-wuerhe/budget.xlsx': 'wuerhe-2022/budget.xlsx',
      'units/b-clean/budget.xlsx': 'wuerhe-2022-clean/budget.xlsx',
      'units/c-yuan/budget.xlsx': 'variants/yuan/clean.xlsx',
      'units/d-xls/budget.xls': 'variants/xls/clean.xls',
      'units/e-broken/budget.xlsx': 'bad/truncated.xlsx',
    });
    const r = run(['--jobs', '2', 'units'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('budget-check: units/e-broken/budget.xlsx：文件已损坏或不完整，无法读取（E_CORRUPT）\n');
    const rows = r.out.split('\n').filter((l) => l.startsWith('│ units/'));
    expect(rows.map((l) => l.split('│').map((c) => c.trim()).filter(Boolean))).toEqual([
      ['units/a-wuerhe/budget.xlsx', '乌尔禾区政府办公室', '2022', '9', '0', '0', '不通过'],
      ['units/b-clean/budget.xlsx', '乌尔禾区政府办公室', '2022', '0', '0', '0', '通过'],
      ['units/c-yuan/budget.xlsx', '乌尔禾区政府办公室', '2022', '0', '0', '0', '通过'],
      ['units/d-xls/budget.xls', '乌尔禾区政府办公室', '2022', '0', '0', '0', '通过'],
      ['units/e-broken/budget.xlsx', '0', '0', '0', '无法读取（E_CORRUPT）'],
    ]);
    // without the broken file the gate is decided by the findings: 1
    expect(run(['units/a-wuerhe', 'units/b-clean'], dir).code).toBe(1);
    expect(run(['units/b-clean', 'units/c-yuan/*.xlsx'], dir).code).toBe(0);
  });

  it('gives the same report with one worker and with two', () => {
    const dir = scratch({ 'a.xlsx': 'wuerhe-2022/budget.xlsx', 'b.xlsx': 'rules/table/balance/fail.xlsx', 'c.csv': 'variants/csv-gbk/reference.csv' });
    const one = run(['-j', '1', '-f', 'json', '.'], dir);
    const two = run(['-j', '2', '-f', 'json', '.'], dir);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
    expect(JSON.parse(one.out).files.map((f: { file: string }) => f.file)).toEqual(['a.xlsx', 'b.xlsx', 'c.csv']);
  });

  it('reads a narrative beside its workbook with it, not on its own', () => {
    const dir = scratch({ 'budget.xlsx': 'wuerhe-2022/budget.xlsx' });
    writeFileSync(join(dir, 'budget.txt'), '八、三公经费情况说明\n“三公”经费预算数为67.2万元，与上年持平。\n');
    const report = JSON.parse(run(['-f', 'json', '.'], dir).out);
    expect(report.files.map((f: { file: string; companions?: string[] }) => [f.file, f.companions])).toEqual([['budget.xlsx', ['budget.txt']]]);
    const tf = report.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'narrative/table-figure');
    expect(tf.map((f: { locations: { file?: string; line?: number }[]; expected: string; actual: string }) => [f.locations[0].file, f.locations[0].line, f.expected, f.actual])).toEqual([['budget.txt', 2, '67.10', '67.20']]);
  });
});

describe('--annotate', () => {
  it('writes a copy of each workbook with a comment on every cell in question, never over the input', () => {
    const dir = scratch({ 'budget.xlsx': 'rules/table/balance/fail.xlsx' });
    const before = createHash('sha256').update(readFileSync(join(dir, 'budget.xlsx'))).digest('hex');
    mkdirSync(join(dir, 'out'));
    const r = run(['--annotate', 'out', 'budget.xlsx'], dir);
    expect(r.err).toContain('已写入 1 个加批注的工作簿到 out');
    expect(readdirSync(join(dir, 'out'))).toEqual(['budget.xlsx']);
    const wb = XLSX.read(readFileSync(join(dir, 'out/budget.xlsx')), { type: 'buffer' });
    const comment = (wb.Sheets['表一'].D36 as XLSX.CellObject).c?.[0]?.t ?? '';
    expect(comment).toContain('[错误] 表一 单位收支总体情况表：支出总计为551.00，收入总计为550.00，收支不平衡，相差1.00（万元） (table/balance)');
    expect(createHash('sha256').update(readFileSync(join(dir, 'budget.xlsx'))).digest('hex')).toBe(before);
    // annotating into the input's own folder writes beside it under another name
    run(['--annotate', '.', 'budget.xlsx'], dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort()).toEqual(['budget.annotated.xlsx', 'budget.xlsx']);
    expect(createHash('sha256').update(readFileSync(join(dir, 'budget.xlsx'))).digest('hex')).toBe(before);
  });
});
