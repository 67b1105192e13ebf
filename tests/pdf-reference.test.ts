/**
 * The reference disclosure and its clean twin as a unit publishes them: the narrative (budget.docx)
 * and the tables (budget.xlsx) printed into one PDF by LibreOffice (scripts/make-pdf.ts; the PDFs
 * are committed, so these tests need no LibreOffice). Read from the PDF, the disclosure must give
 * what it gives read from the workbook and the Word file: the same findings, located by page and
 * line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../src/index.js';
import { loadDocument } from '../src/load/index.js';
import type { Disclosure, Table } from '../src/model.js';
import { recognize } from '../src/recognize/index.js';
import type { Finding } from '../src/rules/types.js';
import { fixture } from './helpers.js';

const REFERENCE_PDF = fixture('wuerhe-2022/disclosure.pdf');
const CLEAN_PDF = fixture('wuerhe-2022-clean/disclosure.pdf');

/** What must agree between the readings: rule, severity, expected and actual. */
const key = (f: Finding) => JSON.stringify([f.ruleId, f.severity, f.expected ?? null, f.actual ?? null]);
const multiset = (fs: Finding[]) => fs.map(key).sort();

describe('the reference disclosure printed to PDF', () => {
  let pdf: Finding[];
  let workbook: Finding[];
  beforeAll(async () => {
    const [a, b] = await Promise.all([checkFile(REFERENCE_PDF), checkFile(fixture('wuerhe-2022/budget.xlsx'))]);
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    pdf = a.findings;
    workbook = b.findings;
  });

  it('gives the findings of the workbook and the Word file beside it', () => {
    // the workbook's reading takes budget.docx beside it as its narrative
    expect(workbook.some((f) => f.locations.some((l) => l.file?.endsWith('budget.docx')))).toBe(true);
    expect(workbook.length).toBe(24);
    expect(multiset(pdf)).toEqual(multiset(workbook));
  });

  it('locates every finding by page', () => {
    for (const f of pdf) {
      expect(f.locations.length, f.ruleId).toBeGreaterThan(0);
      for (const at of f.locations) {
        expect(at.page, `${f.ruleId} ${f.message}`).toBeGreaterThanOrEqual(1);
        expect(at.line, `${f.ruleId} ${f.message}`).toBeGreaterThanOrEqual(1);
        expect(at.file).toBeUndefined();
      }
    }
  });

  it('locates table findings at their page, line and column', () => {
    const at = (rule: string, actual: string, n = 0) => {
      const list = pdf.filter((f) => f.ruleId === rule && f.actual === actual);
      expect(list.length, `${rule} ${actual}`).toBeGreaterThan(n);
      const l = list[n].locations[0];
      return { page: l.page, line: l.line, column: l.column };
    };
    // the unit named wrongly in the header lines of 表三 to 表六 (编码及名称 wrapped over two lines,
    // the name on the second: column 1) and in their unit rows ("[002002]乌鲁木齐区政府办公室", in the
    // 科目名称 column: 4, or 3 in 表六, which has no 项 column)
    const named = pdf
      .filter((f) => f.ruleId === 'meta/unit-name' && f.actual === '乌鲁木齐区政府办公室')
      .map((f) => `${f.locations[0].page}:${f.locations[0].line}:${f.locations[0].column}`)
      .sort();
    expect(named).toEqual(['10:10:3', '10:4:1', '6:11:4', '6:4:1', '7:4:1', '9:11:4', '9:4:1']);
    expect(at('meta/unit-name', '乌鲁木齐区政府办公室', 0)).toEqual({ page: 6, line: 4, column: 1 });
    // table titles against the table of contents (page 1)
    const toc = pdf.find((f) => f.ruleId === 'structure/toc-mismatch' && f.actual === '财政拨款预算收支总体情况表')!;
    expect(toc.locations.map((l) => ({ page: l.page, line: l.line }))).toEqual([
      { page: 7, line: 2 },
      { page: 1, line: 11 },
    ]);
    // cells of the 绩效目标表 (Word tables): a blank amount, a target written for the year before
    expect(at('structure/placeholder', '资金 万元')).toEqual({ page: 23, line: 18, column: 3 });
    expect(at('meta/year', '2021')).toEqual({ page: 24, line: 26, column: 2 });
  });
});

describe('the tables read from the PDF are the workbook’s', () => {
  let fromPdf: Disclosure;
  let fromWorkbook: Disclosure;
  beforeAll(async () => {
    fromPdf = recognize(await loadDocument(REFERENCE_PDF));
    fromWorkbook = recognize(await loadDocument(fixture('wuerhe-2022/budget.xlsx')));
  });

  const rows = (t: Table) =>
    t.rows.map((r) => [
      r.kind,
      r.side ?? '',
      r.code ?? '',
      r.label.replace(/\s+/g, ''),
      Object.entries(r.values)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${v!.text}`)
        .join(' '),
    ]);

  it('same tables, columns, rows and figures', () => {
    expect(fromPdf.unit.name).toBe(fromWorkbook.unit.name);
    expect(fromPdf.year).toBe(2022);
    expect(fromPdf.tables.map((t) => [t.kind, t.label, t.unit])).toEqual(fromWorkbook.tables.map((t) => [t.kind, t.label, t.unit]));
    for (const t of fromWorkbook.tables) {
      const p = fromPdf.tables.find((x) => x.id === t.id)!;
      expect(p.columns.map((c) => [c.role, c.side ?? '']), t.id).toEqual(t.columns.map((c) => [c.role, c.side ?? '']));
      expect(rows(p), t.id).toEqual(rows(t));
      expect(p.problems, t.id).toEqual([]);
      expect(p.notes.map((n) => n.text), t.id).toEqual(t.notes.map((n) => n.text));
    }
  });

  it('a table over a page break: 表一 runs from page 4 to page 5 under its repeated header', () => {
    const t = fromPdf.tables.find((x) => x.kind === 'income-expenditure')!;
    const total = t.rows.find((r) => r.label === '支出总计')!;
    expect(total.values.total?.text).toBe('550.00');
    expect(total.values.total?.at).toMatchObject({ page: 5 });
    expect(t.rows.find((r) => r.code === '201')!.at).toMatchObject({ page: 4 });
  });
});

describe('the clean twin printed to PDF', () => {
  it('gives no finding', async () => {
    const r = await checkFile(CLEAN_PDF);
    expect(r.error).toBeNull();
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
    expect(r.findings).toHaveLength(0);
  });
});
