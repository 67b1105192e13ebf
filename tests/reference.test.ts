import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../src/load/index.js';
import { recognize } from '../src/recognize/index.js';
import { runRules } from '../src/rules/engine.js';
import { brief, findings, fixture } from './helpers.js';

describe('the reference workbook (fixtures/wuerhe-2022/budget.xlsx)', () => {
  it('reports the missing tables and the other unit name in 表三–表六, and nothing else', async () => {
    const list = (await findings(fixture('wuerhe-2022/budget.xlsx'))).map(brief);
    expect(list).toEqual([
      { rule: 'structure/missing-table', severity: 'error', at: '表三!A2', expected: '单位收入总体情况表', actual: null },
      { rule: 'structure/missing-table', severity: 'error', at: '表八!A2', expected: '一般公共预算项目支出情况表', actual: null },
      { rule: 'meta/unit-name', severity: 'error', at: '表三!A3', expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室' },
      { rule: 'meta/unit-name', severity: 'error', at: '表三!D9', expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室' },
      { rule: 'meta/unit-name', severity: 'error', at: '表四!A3', expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室' },
      { rule: 'meta/unit-name', severity: 'error', at: '表五!A3', expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室' },
      { rule: 'meta/unit-name', severity: 'error', at: '表五!D9', expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室' },
      { rule: 'meta/unit-name', severity: 'error', at: '表六!A3', expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室' },
      { rule: 'meta/unit-name', severity: 'error', at: '表六!C8', expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室' },
    ]);
  });

  it('recognizes every table by title and header, with unit, code, year and amount unit', async () => {
    const d = recognize(await loadDocument(fixture('wuerhe-2022/budget.xlsx')));
    expect(d.unit).toMatchObject({ name: '乌尔禾区政府办公室', code: '002002' });
    expect(d.year).toBe(2022);
    expect(d.tables.map((t) => [t.label, t.kind, t.unit])).toEqual([
      ['表一', 'income-expenditure', '万元'],
      ['表三', 'expenditure', '万元'],
      ['表四', 'fiscal', '万元'],
      ['表五', 'gpb-expenditure', '万元'],
      ['表六', 'gpb-basic', '万元'],
      ['表八', 'sangong', '万元'],
      ['表九', 'fund-expenditure', '万元'],
    ]);
    const t3 = d.tables[1];
    expect(t3.columns.map((c) => c.role)).toEqual(['lei', 'kuan', 'xiang', 'name', 'total', 'basic', 'project']);
    expect(t3.rows.filter((r) => r.code).map((r) => r.code)).toEqual(['201', '20103', '2010301', '2010302', '2010308', '208', '20805', '2080505']);
    expect(t3.rows.filter((r) => r.kind === 'unit').map((r) => r.unitCode)).toEqual(['002', '002002']);
    const t9 = d.tables[6];
    expect(t9.rows).toEqual([]);
    expect(t9.notes[0].text).toMatch(/为空表。$/);
  });
});

describe('the clean twin (fixtures/wuerhe-2022-clean/budget.xlsx)', () => {
  it('has no findings at all', async () => {
    expect(await findings(fixture('wuerhe-2022-clean/budget.xlsx'))).toEqual([]);
  });

  it('reads all nine tables', async () => {
    const d = recognize(await loadDocument(fixture('wuerhe-2022-clean/budget.xlsx')));
    expect(d.tables.map((t) => t.label)).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九']);
  });

  it('names the changed cell in an error whenever any amount changes by 0.01 or more', async () => {
    const bytes = readFileSync(fixture('wuerhe-2022-clean/budget.xlsx'));
    const wb = XLSX.read(bytes, { type: 'buffer' });
    const cells: [string, string][] = [];
    for (const name of wb.SheetNames) for (const [addr, c] of Object.entries(wb.Sheets[name])) if (!addr.startsWith('!') && (c as XLSX.CellObject).t === 'n') cells.push([name, addr]);
    expect(cells.length).toBeGreaterThan(300);
    // a fixed pseudo-random sample of cells and changes, so a failure can be replayed
    let seed = 20221;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const deltas = [0.01, -0.01, 0.1, 1, -5.5, 100];
    const missed: string[] = [];
    for (let i = 0; i < 60; i++) {
      const [sheet, addr] = cells[Math.floor(rnd() * cells.length)];
      const delta = deltas[Math.floor(rnd() * deltas.length)];
      const copy = XLSX.read(bytes, { type: 'buffer', cellNF: true });
      const cell = copy.Sheets[sheet][addr] as XLSX.CellObject;
      cell.v = Math.round(((cell.v as number) + delta) * 100) / 100;
      delete cell.w;
      const buf = XLSX.write(copy, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
      const list = runRules(recognize(await loadDocument('mutated.xlsx', buf)));
      if (!list.some((f) => f.severity === 'error' && f.locations.some((l) => l.sheet === sheet && l.cell === addr))) missed.push(`${sheet}!${addr}${delta > 0 ? '+' : ''}${delta}`);
    }
    expect(missed).toEqual([]);
  });
});
