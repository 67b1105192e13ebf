import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePdf, type PdfText } from '../scripts/make-bad-pdfs.js';
import type { Document, Row } from '../src/document.js';
import { checkDisclosure, checkFile, RULES } from '../src/index.js';
import { loadDocument } from '../src/load/index.js';
import { loadPdf } from '../src/load/pdf.js';
import { readNarrative } from '../src/narrative/index.js';
import { isPageNumber, type Line } from '../src/load/pdf/layout.js';
import { findGrids, gridRows, inGrid, pageRules, type OpCodes } from '../src/load/pdf/ruling.js';
import type { Disclosure, Table } from '../src/model.js';
import { recognize } from '../src/recognize/index.js';
import { fixture } from './helpers.js';

const REAL = fileURLToPath(new URL('../../shared/real/', import.meta.url));
const GOV = `${REAL}shanghai-putuo-govoffice-unit-2025.pdf`;
const COMMERCE = `${REAL}shanghai-putuo-commerce-dept-2025.pdf`;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** The rules about tables (what the PDF loader feeds); narrative rules read running text. */
const TABLE_RULES = RULES.map((r) => r.id).filter((id) => /^(table|cross|structure|classification)\//.test(id));

const ALL_TABLES = [
  'income-expenditure',
  'income',
  'expenditure',
  'fiscal',
  'gpb-expenditure',
  'fund-expenditure',
  'soe-expenditure',
  'gpb-basic',
  'sangong',
];

/** A row of a table as the tests pin it down: code, label and the figure texts by column role. */
function rowOf(t: Table, label: string, side?: 'income' | 'expenditure') {
  const r = t.rows.find((x) => (x.label === label || x.name === label) && (!side || x.side === side));
  if (!r) throw new Error(`${t.kind}: no row ${label} in ${t.rows.map((x) => x.label).join(' / ')}`);
  return { code: r.code ?? null, kind: r.kind, values: Object.fromEntries(Object.entries(r.values).filter(([, v]) => v).map(([k, v]) => [k, v!.text])) };
}

function tableOf(d: Disclosure, kind: string): Table {
  const t = d.tables.find((x) => x.kind === kind);
  if (!t) throw new Error(`no ${kind}`);
  return t;
}

const paragraphs = (doc: Document) => doc.streams.flatMap((s) => s.rows).filter((r) => r.paragraph);

describe.skipIf(!existsSync(GOV))('上海市普陀区人民政府办公室 2025 单位预算 (real PDF)', () => {
  let doc: Document;
  let d: Disclosure;
  beforeAll(async () => {
    doc = await loadDocument(GOV);
    d = recognize(doc);
  });

  it('finds the nine tables with their kind, unit, year and amount unit', () => {
    expect(d.unit.name).toBe('上海市普陀区人民政府办公室');
    expect(d.year).toBe(2025);
    expect(d.tables.map((t) => t.kind)).toEqual(ALL_TABLES);
    expect(d.tables.map((t) => t.unit)).toEqual(['元', '元', '元', '元', '元', '元', '元', '元', '万元']);
    for (const t of d.tables) {
      expect(t.meta.unitName?.value, t.kind).toBe('上海市普陀区人民政府办公室');
      expect(t.meta.year?.value, t.kind).toBe(2025);
      expect(t.problems, t.kind).toEqual([]);
      expect(t.invalidCells, t.kind).toEqual([]);
    }
    expect(tableOf(d, 'income-expenditure').at).toMatchObject({ page: 8, line: 1 });
  });

  it('maps every column', () => {
    const roles = (kind: string) => tableOf(d, kind).columns.map((c) => (c.side ? `${c.side[0]}:${c.role}` : c.role));
    expect(roles('income-expenditure')).toEqual(['i:name', 'i:total', 'e:name', 'e:total', 'e:personnel', 'e:public', 'e:project']);
    expect(roles('income')).toEqual(['lei', 'kuan', 'xiang', 'name', 'total', 'fiscal', 'business', 'operating', 'other']);
    expect(roles('expenditure')).toEqual(['lei', 'kuan', 'xiang', 'name', 'total', 'basic', 'project']);
    expect(roles('fiscal')).toEqual(['i:name', 'i:total', 'e:name', 'e:total', 'e:gpb', 'e:fund', 'e:soe']);
    expect(roles('gpb-expenditure')).toEqual(['lei', 'kuan', 'xiang', 'name', 'total', 'basic', 'project']);
    expect(roles('fund-expenditure')).toEqual(['lei', 'kuan', 'xiang', 'name', 'total', 'basic', 'project']);
    expect(roles('gpb-basic')).toEqual(['lei', 'kuan', 'name', 'total', 'personnel', 'public']);
    expect(roles('sangong')).toEqual(['total', 'abroad', 'reception', 'vehicle', 'vehicle-purchase', 'vehicle-operation', 'opex']);
  });

  it('reads the rows with their codes and figures', () => {
    const ie = tableOf(d, 'income-expenditure');
    expect(ie.rows).toHaveLength(13);
    expect(rowOf(ie, '1、一般公共预算资金', 'income')).toEqual({ code: null, kind: 'item', values: { total: '91,016,775.35' } });
    expect(rowOf(ie, '201 一般公共服务支出', 'expenditure')).toEqual({
      code: '201',
      kind: 'item',
      values: { total: '82,096,797.42', personnel: '13,819,399.88', public: '1,867,397.54', project: '66,410,000.00' },
    });
    expect(rowOf(ie, '支出总计', 'expenditure').values).toEqual({ total: '91,016,775.35', personnel: '22,473,997.81', public: '2,132,777.54', project: '66,410,000.00' });

    const inc = tableOf(d, 'income');
    expect(inc.rows.map((r) => r.code ?? r.label)).toEqual([
      '201', '20103', '2010301', '2010302', '2010350', '2010399', '208', '20805', '2080501', '2080505', '2080506', '2080599',
      '210', '21011', '2101101', '2101102', '221', '22102', '2210201', '2210203', '合计',
    ]);
    // a name wrapped in its cell ("其他政府办公厅（室）及相关机构事" / "务支出") is one cell
    expect(rowOf(inc, '2010399 其他政府办公厅（室）及相关机构事务支出')).toEqual({ code: '2010399', kind: 'item', values: { total: '20,120,000.00', fiscal: '20,120,000.00' } });

    const exp = tableOf(d, 'expenditure');
    expect(exp.rows).toHaveLength(21);
    expect(rowOf(exp, '2010301 行政运行').values).toEqual({ total: '12,029,501.84', basic: '11,919,501.84', project: '110,000.00' });
    // continued on the next page without a header
    expect(rowOf(exp, '2210203 购房补贴').values).toEqual({ total: '1,867,680.00', basic: '1,867,680.00' });
    expect(rowOf(exp, '合计').values).toEqual({ total: '91,016,775.35', basic: '24,606,775.35', project: '66,410,000.00' });

    const fiscal = tableOf(d, 'fiscal');
    expect(rowOf(fiscal, '一、一般公共预算资金', 'income')).toEqual({ code: null, kind: 'item', values: { total: '91,016,775.35' } });
    expect(rowOf(fiscal, '221 住房保障支出', 'expenditure').values).toEqual({ total: '3,609,125.22', gpb: '3,609,125.22' });

    const gpb = tableOf(d, 'gpb-expenditure');
    expect(gpb.rows).toHaveLength(21);
    // the header repeated on page 15 is skipped, the rows after it are read
    expect(rowOf(gpb, '2101101 行政单位医疗')).toMatchObject({ code: '2101101', values: { total: '782,855.28', basic: '782,855.28' } });
    expect(gpb.rows.find((r) => r.code === '2101101')!.at).toEqual({ page: 15, line: 6 });

    for (const kind of ['fund-expenditure', 'soe-expenditure']) {
      const t = tableOf(d, kind);
      expect(t.rows.map((r) => [r.kind, r.label])).toEqual([['total', '合计']]);
      expect(t.notes.map((n) => n.text)[0]).toMatch(/^注:本单位2025年无.*预算财政拨款安排的预算，故本表为空表。$/);
    }

    const basic = tableOf(d, 'gpb-basic');
    expect(basic.rows).toHaveLength(30);
    expect(rowOf(basic, '30101 基本工资').values).toEqual({ total: '2,540,192.00', personnel: '2,540,192.00' });
    expect(rowOf(basic, '30204 手续费')).toEqual({ code: '30204', kind: 'item', values: { total: '2,000.00', public: '2,000.00' } });
    expect(rowOf(basic, '合计').values).toEqual({ total: '24,606,775.35', personnel: '22,473,997.81', public: '2,132,777.54' });

    const sg = tableOf(d, 'sangong');
    expect(sg.rows).toHaveLength(1);
    expect(sg.rows[0].values).toMatchObject({ total: { text: '867.50' }, abroad: { text: '839.00' }, reception: { text: '28.50' }, vehicle: null, opex: { text: '213.28' } });
  });

  it('locates cells by page, line and column', () => {
    const r = tableOf(d, 'income').rows.find((x) => x.code === '2010301')!;
    expect(r.at).toEqual({ page: 9, line: 11 });
    expect(r.values.total!.at).toEqual({ page: 9, line: 11, column: 5 });
  });

  it('re-flows running text into paragraphs located at their first line', () => {
    const ps = paragraphs(doc);
    const p = ps.find((x) => x.cells[0].text.startsWith('2025年，上海市普陀区人民政府办公室收入预算9,101.68万元'))!;
    expect(p.at).toEqual({ page: 6, line: 2 });
    expect(p.cells[0].text).toBe('2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。');
    const next = ps[ps.indexOf(p) + 1];
    expect(next.at).toEqual({ page: 6, line: 4 });
    expect(next.cells[0].text).toMatch(/^支出预算9,101\.68万元，.*国有资本经营预算拨款支出预算0万元，比2024年预算持平。$/);
    expect(ps.find((x) => x.at.page === 7 && x.at.line === 1)!.cells[0].text).toBe(
      '8. “社会保障和就业支出-行政事业单位养老支出-其他行政事业单位养老支出”科目1.48万元，主要用于实行归口管理的行政单位（包括实行公务员管理的事业单位）开支的其他养老支出。',
    );
    // headings and list items stay apart
    expect(ps.filter((x) => x.at.page === 3).map((x) => x.cells[0].text.slice(0, 4))).toEqual([
      '上海市普', '上海市普', '主要职能', '1.根据', '2.研究', '3.负责', '4.组织', '5.负责', '6.负责', '7.负责', '8.负责', '9.推进', '10.根', '11.起', '12.贯', '13.管', '14.完',
    ]);
    expect(d.paragraphs.map((x) => x.text)).toContain('（三）公务接待费28.50万元，与2024年预算持平。');
  });

  it('leaves no running header, footer or page number', () => {
    const texts = doc.streams.flatMap((s) => s.rows).map((r) => r.cells.map((c) => c.text).join(''));
    expect(texts.filter((t) => isPageNumber(t))).toEqual([]);
    // every page's text starts at line 1
    const first = new Map<number, number>();
    for (const r of doc.streams[0].rows) if (!first.has(r.at.page!)) first.set(r.at.page!, r.at.line!);
    expect([...first.values()].every((l) => l === 1)).toBe(true);
    expect(first.size).toBe(21);
  });

  it('reports no table finding: the tables are consistent', async () => {
    const r = await checkFile(GOV, { rules: TABLE_RULES });
    expect(r.error).toBeNull();
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('reports nothing at all with every rule on: tables and narrative are consistent', async () => {
    const r = await checkFile(GOV);
    expect(r.error).toBeNull();
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('reports a changed figure at its page, line and column', () => {
    // the 人员经费 total of the 财务收支预算总表, changed by one yuan (a cent is within rounding for text)
    const copy: Document = structuredClone(doc);
    const row = copy.streams[0].rows.find((x) => x.at.page === 8 && x.cells[2]?.text === '支出总计')!;
    row.cells[4].text = '22,473,998.81';
    const report = checkDisclosure(recognize(copy), { rules: TABLE_RULES });
    const f = report.findings.find((x) => x.ruleId === 'table/sum-of-parts' && x.locations[0].column === 5);
    expect(f?.locations[0]).toMatchObject({ page: 8, line: 15, column: 5 });
    expect(f?.actual).toBe('22473998.81');
  });
});

describe.skipIf(!existsSync(COMMERCE))('上海市普陀区商务委员会 2025 部门预算 (real PDF)', () => {
  let doc: Document;
  let d: Disclosure;
  beforeAll(async () => {
    doc = await loadDocument(COMMERCE);
    d = recognize(doc);
  });

  it('finds the nine tables with their kind, unit, year and amount unit', () => {
    expect(d.unit.name).toBe('上海市普陀区商务委员会');
    expect(d.year).toBe(2025);
    expect(d.tables.map((t) => t.kind)).toEqual(ALL_TABLES);
    expect(d.tables.map((t) => t.unit)).toEqual(['元', '元', '元', '元', '元', '元', '元', '元', '万元']);
    for (const t of d.tables) {
      expect(t.meta.unitName?.value, t.kind).toBe('上海市普陀区商务委员会');
      expect(t.meta.year?.value, t.kind).toBe(2025);
      expect(t.problems, t.kind).toEqual([]);
      expect(t.invalidCells, t.kind).toEqual([]);
    }
  });

  it('reads the rows with their codes and figures', () => {
    const ie = tableOf(d, 'income-expenditure');
    expect(ie.columns.map((c) => `${c.side![0]}:${c.role}`)).toEqual(['i:name', 'i:total', 'e:name', 'e:total']);
    expect(rowOf(ie, '1. 一般公共预算资金', 'income')).toEqual({ code: null, kind: 'item', values: { total: '371,514,655.00' } });
    expect(rowOf(ie, '215 资源勘探工业信息等支出', 'expenditure')).toEqual({ code: '215', kind: 'item', values: { total: '293,810,000.00' } });

    const inc = tableOf(d, 'income');
    expect(inc.columns.map((c) => c.label)).toContain('收入预算/事业单位经营收入');
    expect(inc.rows).toHaveLength(31);
    expect(rowOf(inc, '2169999 其他商业服务业等支出').values).toEqual({ total: '31,364,000.00', fiscal: '31,364,000.00' });

    const exp = tableOf(d, 'expenditure');
    expect(rowOf(exp, '2060503 科技条件专项').values).toEqual({ total: '17,200,000.00', project: '17,200,000.00' });
    expect(rowOf(exp, '合计').values).toEqual({ total: '371,514,655.00', basic: '19,830,655.00', project: '351,684,000.00' });

    expect(rowOf(tableOf(d, 'fiscal'), '216 商业服务业等支出', 'expenditure').values).toEqual({ total: '31,364,000.00', gpb: '31,364,000.00' });
    expect(rowOf(tableOf(d, 'gpb-expenditure'), '2080599 其他行政事业单位养老支出').values).toEqual({ total: '13,260.00', basic: '13,260.00' });

    const basic = tableOf(d, 'gpb-basic');
    expect(basic.columns.map((c) => c.label)).toEqual([
      '项目/部门预算经济分类科目编码/类',
      '项目/部门预算经济分类科目编码/款',
      '项目/经济分类科目名称',
      '一般公共预算基本支出/合计',
      '一般公共预算基本支出/人员经费',
      '一般公共预算基本支出/公用经费',
    ]);
    expect(rowOf(basic, '30213 维修（护）费').values).toEqual({ total: '10,000.00', public: '10,000.00' });
    expect(rowOf(basic, '合计').values).toEqual({ total: '19,830,655.00', personnel: '18,120,593.00', public: '1,710,062.00' });

    for (const kind of ['fund-expenditure', 'soe-expenditure']) {
      const t = tableOf(d, kind);
      expect(t.rows.map((r) => [r.kind, r.label])).toEqual([['total', '合计']]);
      expect(t.notes.map((n) => n.text)[0]).toMatch(/^注:本部门2025年无.*故本表为空表。$/);
    }

    const sg = tableOf(d, 'sangong');
    expect(sg.rows[0].values).toMatchObject({ total: { text: '1.00' }, abroad: null, reception: { text: '1.00' }, opex: { text: '171.01' } });
  });

  it('leaves no running header, footer or page number', () => {
    const rows = doc.streams.flatMap((s) => s.rows);
    expect(rows.filter((r) => isPageNumber(r.cells.map((c) => c.text).join('')))).toEqual([]);
    expect(new Set(rows.map((r) => r.at.page)).size).toBe(26);
  });

  it('re-flows a paragraph that continues on the next page', () => {
    const ps = paragraphs(doc);
    const p = ps.find((x) => x.cells[0].text.startsWith('12、负责贯彻执行有关粮食流通') && x.at.page === 3)!;
    expect(p.at).toEqual({ page: 3, line: 30 });
    // page 3 ends in "…监测和应急供应；负责", page 4 goes on with "导本区相关企业技术创新；…"
    expect(p.cells[0].text).toMatch(/监督检查；负责本区粮食市场供需和价格情况的监测和应急供应；负责导本区相关企业技术创新；.*推进现代服务业综合发展。$/);
    const income = ps.find((x) => x.cells[0].text.startsWith('2025年，上海市普陀区商务委员会收入预算37,151.47万元'))!;
    expect(income.at).toEqual({ page: 7, line: 2 });
    // the line broke early because "24,558.18万元；" did not fit after "执行数增加"
    expect(income.cells[0].text).toContain('比2024年预算执行数增加24,558.18万元；事业收入0万元；');
    expect(ps.find((x) => x.at.page === 24 && x.at.line === 14)!.cells[0].text).toBe(
      '2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。',
    );
  });

  it('reports no table finding: the tables are consistent', async () => {
    const r = await checkFile(COMMERCE, { rules: TABLE_RULES });
    expect(r.error).toBeNull();
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('reads each project list of amounts whole: "合计" restates the total, "稳增长" is part of a name', () => {
    const figure = (t?: string) => t?.replace(/万元?$/, '') ?? null;
    const lists = readNarrative(d)
      .lists.filter((l) => l.total.subject === '项目总预算')
      .map((l) => [figure(l.total.amount?.text), l.items.map((i) => `${i.subject} ${figure(i.amount?.text) ?? '?'}`), figure(l.restated?.amount?.text)]);
    expect(lists).toEqual([
      ['1720.00', ['各级企业技术中心及专精特新认定 1720.00'], null],
      ['1170.00', ['支持企业规模化发展 870.00', '支持企业创新化发展 70.00', '支持企业协同化发展 180.00', '支持企业国际化发展 50.00'], '1170.00'],
      ['1410.00', ['支持引进品牌集聚 340.00', '支持打造示范地标 120.00', '支持促消费提质提升 800.00', '支持商业数字化创新 70.00', '支持商业综合服务能力提升 80.00'], '1410.00'],
      ['2921.00', ['支持外贸发展 370.00', '支持商销稳增长 30.00', '区级支持总部经济 1106.00', '市级支持总部经济 1262.00', '进博会推进专项 153.00'], '2921.00'],
    ]);
  });

  it('reports nothing at all with every rule on: tables and narrative are consistent', async () => {
    const r = await checkFile(COMMERCE);
    expect(r.error).toBeNull();
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });
});

describe('PDFs that cannot be read', () => {
  const cases: [string, string, RegExp][] = [
    ['bad/scan.pdf', 'E_NO_TEXT', /没有文字层/],
    ['bad/encrypted.pdf', 'E_ENCRYPTED', /密码保护/],
    ['bad/truncated.pdf', 'E_CORRUPT', /已损坏或不完整/],
  ];
  for (const [file, code, message] of cases) {
    it(`${file} → ${code}`, async () => {
      const before = sha(fixture(file));
      const r = await checkFile(fixture(file));
      expect(r.error?.code).toBe(code);
      expect(r.error?.message).toMatch(message);
      expect(r.findings).toEqual([]);
      expect(sha(fixture(file))).toBe(before);
    });
  }
  it('a PDF cut anywhere is E_CORRUPT, never another exception', async () => {
    const full = readFileSync(fixture('bad/scan.pdf'));
    for (const n of [0.1, 0.5, 0.9, 0.999]) {
      const bytes = new Uint8Array(full.subarray(0, Math.floor(full.length * n)));
      await expect(loadPdf('cut.pdf', bytes)).rejects.toMatchObject({ name: 'LoadError', code: 'E_CORRUPT' });
    }
    const garbage = new Uint8Array(Buffer.from('%PDF-1.7\nthis is not a pdf at all\n%%EOF\n', 'latin1'));
    await expect(loadPdf('garbage.pdf', garbage)).rejects.toMatchObject({ name: 'LoadError', code: 'E_CORRUPT' });
  });
  it.skipIf(!existsSync(GOV))('does not change its input', async () => {
    const files = [GOV, COMMERCE].filter(existsSync);
    const before = files.map(sha);
    for (const f of files) await checkFile(f, { rules: TABLE_RULES });
    expect(files.map(sha)).toEqual(before);
    const bytes = new Uint8Array(readFileSync(GOV));
    const copy = Buffer.from(bytes);
    await loadPdf(GOV, bytes);
    expect(Buffer.from(bytes).equals(copy)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// layouts written for the test: running headers and footers, a paragraph and a table over page
// breaks, a wrapped cell, figures pdf.js merges into one text item

const em = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 0.5 : 1), 0);
const at = (text: string, x: number, y: number, size = 12): PdfText => ({ text, x, y, size });
const right = (text: string, x1: number, y: number, size = 12) => at(text, x1 - em(text) * size, y, size);
const middle = (text: string, x0: number, x1: number, y: number, size = 12) => at(text, (x0 + x1) / 2 - (em(text) * size) / 2, y, size);

/** Columns of the test table: 类 款 项 | 科目名称 | 合计 基本支出 项目支出. */
const COLS = [
  [60, 95],
  [95, 130],
  [130, 165],
  [165, 420],
  [420, 520],
  [520, 620],
  [620, 720],
];

function tableRow(y: number, codes: string[], name: string, figures: (string | null)[]): PdfText[] {
  const out: PdfText[] = [];
  codes.forEach((c, i) => c && out.push(middle(c, COLS[i][0], COLS[i][1], y)));
  if (name) out.push(at(name, COLS[3][0] + 6, y));
  figures.forEach((f, i) => f && out.push(right(f, COLS[4 + i][1] - 6, y)));
  return out;
}

/** A running header on every page, and the page number in three styles: "- 1 -", "第2页", "3". */
function running(page: number): PdfText[] {
  const number = [`- ${page} -`, `第${page}页`, `${page}`][(page - 1) % 3];
  return [middle('上海市某区2025年区级单位预算', 0, 842, 570, 10), middle(number, 0, 842, 24, 10)];
}

/** Running text of the test PDF: 60 ems to a full line. */
const T = '这是用来检验段落合并的文字'.repeat(20);
const L1 = `2025年，某单位收入预算100.00万元，${T.slice(0, 41)}`;
const L2 = T.slice(41, 101);
const L4 = `一、${T.slice(0, 56)}`;
const L5 = T.slice(56, 116);

function syntheticPdf(): Uint8Array {
  const p1: PdfText[] = [
    ...running(1),
    middle('2025年单位预算编制说明', 0, 842, 520, 18),
    at(L1, 84, 480),
    at(L2, 60, 464),
    at('短句结束。', 60, 448),
    at(L4, 84, 420),
    at(L5, 60, 404),
  ];
  const p2: PdfText[] = [
    ...running(2),
    at('跨页继续的最后一行。', 60, 540),
    at('二、下一段以编号开始。', 84, 520),
    middle('2025年单位支出预算总表', 0, 842, 470, 18),
    at('编制单位：某单位', 60, 445),
    right('单位：元', 720, 445),
    middle('项目', 60, 420, 420),
    middle('支出预算', 420, 720, 420),
    middle('功能分类科目编码', 60, 165, 400),
    middle('功能分类科目名称', 165, 420, 390),
    middle('合计', 420, 520, 390),
    middle('基本支出', 520, 620, 390),
    middle('项目支出', 620, 720, 390),
    middle('类', ...(COLS[0] as [number, number]), 380),
    middle('款', ...(COLS[1] as [number, number]), 380),
    middle('项', ...(COLS[2] as [number, number]), 380),
    ...tableRow(355, ['201'], '一般公共服务支出', ['300.00', '100.00', '200.00']),
    ...tableRow(330, ['201', '03'], '政府办公厅（室）及相关机构事务', ['300.00', '100.00', '200.00']),
    // 合计 and 基本支出 of this row drawn as one string, as pdf.js then reports them
    ...tableRow(305, ['201', '03', '01'], '行政运行', []),
    at(`100.00${' '.repeat(11)}100.00`, COLS[4][1] - 6 - em('100.00') * 12, 305),
    // a name wrapped in its cell: one line above the row's figures, one below
    ...tableRow(280, ['201', '03', '99'], '', ['200.00', null, '200.00']),
    at('其他政府办公厅（室）及相关机构事', COLS[3][0] + 6, 286),
    at('务支出', COLS[3][0] + 6, 271),
    ...tableRow(80, ['208'], '社会保障和就业支出', ['50.00', '50.00', null]),
  ];
  const p3: PdfText[] = [
    ...running(3),
    ...tableRow(540, ['208', '05'], '行政事业单位养老支出', ['50.00', '50.00', null]),
    ...tableRow(515, ['208', '05', '05'], '机关事业单位基本养老保险缴费支出', ['50.00', '50.00', null]),
    middle('合计', 60, 420, 490),
    ...tableRow(490, [], '', ['350.00', '150.00', '200.00']),
    at('注：本表为测试表。', 60, 460),
  ];
  return makePdf([{ texts: p1 }, { texts: p2 }, { texts: p3 }]);
}

describe('layout of a PDF written for the test', () => {
  let doc: Document;
  let rows: Row[];
  const printed: string[] = [];
  const spies: { mockRestore(): void }[] = [];
  beforeAll(async () => {
    // nothing pdf.js says may reach the terminal
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) spies.push(vi.spyOn(console, method).mockImplementation((...a: unknown[]) => void printed.push(a.join(' '))));
    const write = (chunk: unknown) => (printed.push(String(chunk)), true);
    spies.push(vi.spyOn(process.stdout, 'write').mockImplementation(write), vi.spyOn(process.stderr, 'write').mockImplementation(write));
    try {
      doc = await loadPdf('synthetic.pdf', syntheticPdf());
      if (existsSync(GOV)) await loadPdf(GOV, new Uint8Array(readFileSync(GOV)));
    } finally {
      for (const s of spies) s.mockRestore();
    }
    rows = doc.streams[0].rows;
  });
  afterAll(() => vi.restoreAllMocks());

  it('prints nothing', () => {
    expect(printed).toEqual([]);
  });

  it('prints nothing in a fresh process either (pdf.js warns while it is imported), and keeps native built-ins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-quiet-'));
    try {
      const pdf = join(dir, 'synthetic.pdf');
      writeFileSync(pdf, syntheticPdf());
      const script = join(dir, 'load.mts');
      const loader = pathToFileURL(fileURLToPath(new URL('../src/load/pdf.ts', import.meta.url))).href;
      // and leaves the process's built-ins as they were (pdf.js's legacy build polyfills push, JSON.parse …)
      writeFileSync(
        script,
        [
          `import { readFileSync } from 'node:fs';`,
          `const before = [Array.prototype.push, JSON.parse, JSON.stringify];`,
          `const { loadPdf } = await import(${JSON.stringify(loader)});`,
          `for (const f of process.argv.slice(2)) await loadPdf(f, new Uint8Array(readFileSync(f)));`,
          `if ([Array.prototype.push, JSON.parse, JSON.stringify].some((m, i) => m !== before[i])) process.stdout.write('built-ins replaced');`,
        ].join('\n'),
      );
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, pdf, ...[GOV].filter(existsSync)], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops running headers, footers and page numbers and numbers the lines after them', () => {
    const texts = rows.map((r) => r.cells.map((c) => c.text).join('|'));
    expect(texts.filter((t) => /区级单位预算|- \d -|第\d页|^\d$/.test(t))).toEqual([]);
    expect(rows[0].at).toEqual({ page: 1, line: 1 });
    expect(rows[0].cells[0].text).toBe('2025年单位预算编制说明');
  });

  it('re-flows paragraphs: within a page, over a page break, and not after a full stop, indentation or numbering', () => {
    const ps = rows.filter((r) => r.paragraph).map((r) => [r.at.page, r.at.line, r.cells[0].text]);
    expect(ps).toEqual([
      [1, 1, '2025年单位预算编制说明'],
      [1, 2, `${L1}${L2}短句结束。`],
      [1, 5, `${L4}${L5}跨页继续的最后一行。`],
      [2, 2, '二、下一段以编号开始。'],
      [2, 3, '2025年单位支出预算总表'],
      [3, 4, '注：本表为测试表。'],
    ]);
  });

  it('rebuilds the table grid, over the page break', () => {
    const grid = rows.filter((r) => !r.paragraph).map((r) => r.cells.map((c) => (c.covered ? '^' : c.text + (c.colSpan ? `{${c.colSpan}}` : ''))));
    expect(grid).toEqual([
      ['编制单位：某单位', '单位：元'],
      ['项目{4}', '^', '^', '^', '支出预算{3}', '^', '^'],
      ['功能分类科目编码{3}', '^', '^', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', '', '', '', ''],
      ['201', '', '', '一般公共服务支出', '300.00', '100.00', '200.00'],
      ['201', '03', '', '政府办公厅（室）及相关机构事务', '300.00', '100.00', '200.00'],
      ['201', '03', '01', '行政运行', '100.00', '100.00', ''],
      ['201', '03', '99', '其他政府办公厅（室）及相关机构事务支出', '200.00', '', '200.00'],
      ['208', '', '', '社会保障和就业支出', '50.00', '50.00', ''],
      ['208', '05', '', '行政事业单位养老支出', '50.00', '50.00', ''],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '50.00', '50.00', ''],
      ['', '', '', '合计', '350.00', '150.00', '200.00'],
    ]);
    const wrapped = rows.find((r) => r.cells[3]?.text.startsWith('其他政府办公厅'))!;
    expect(wrapped.at).toEqual({ page: 2, line: 12 });
    expect(wrapped.cells[4].at).toEqual({ page: 2, line: 12, column: 5 });
  });

  it('keeps a numbered first row out of the header, and gives figures without a heading a column', async () => {
    const texts = [
      at('编制单位：某单位', 60, 500),
      right('单位：元', 400, 500),
      middle('项目', 60, 200, 470),
      middle('金额', 200, 300, 470),
      at('一、第一项', 66, 445),
      at('二、第二项', 66, 420),
      right('100.00', 294, 420),
      right('200.00', 394, 420),
      at('三、第三项', 66, 395),
      right('7.00', 294, 395),
    ];
    const d = await loadPdf('headless.pdf', makePdf([{ texts }]));
    expect(d.streams[0].rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['编制单位：某单位', '单位：元'],
      ['项目', '金额', ''],
      ['一、第一项', '', ''],
      ['二、第二项', '100.00', '200.00'],
      ['三、第三项', '7.00', ''],
    ]);
  });

  it('reads text whose font uses a predefined CMap (GBK-EUC-H, no ToUnicode)', async () => {
    const gbk = makePdf([{ texts: [at('2025年单位预算公开：', 60, 500), at('合计 1,234.50', 60, 480)] }], { encoding: 'gbk' });
    const d = await loadPdf('gbk.pdf', gbk);
    expect(d.streams[0].rows.map((r) => r.cells.map((c) => c.text).join('|'))).toEqual(['2025年单位预算公开：', '合计 1,234.50']);
  });

  it('is read by the recognizer like any other table', () => {
    const d = recognize(doc);
    const t = tableOf(d, 'expenditure');
    expect(t.meta.unitName?.value).toBe('某单位');
    expect(t.rows.map((r) => r.code ?? r.label)).toEqual(['201', '20103', '2010301', '2010399', '208', '20805', '2080505', '合计']);
    expect(t.notes.map((n) => n.text)).toEqual(['注：本表为测试表。']);
    const rules = checkDisclosure(d, { rules: ['table/sum-of-parts', 'table/row-identity'] });
    expect(rules.findings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// bordered tables: rules drawn as strokes (LibreOffice) and as thin filled rectangles (WPS, Word)

describe('ruled tables', () => {
  // operator codes as pageRules is told them (any numbers will do); path commands as pdf.js writes them
  const OPS: OpCodes = { save: 1, restore: 2, transform: 3, constructPath: 4, stroke: 5, closeStroke: 6, fill: 7, eoFill: 8, fillStroke: 9, eoFillStroke: 10, closeFillStroke: 11, closeEOFillStroke: 12, paintFormXObjectBegin: 13, paintFormXObjectEnd: 14 };
  const M = 0;
  const L = 1;
  const C = 4;
  /** PDF user space (y up) → viewport (y down) of a page 800 pt high. */
  const VIEWPORT = [1, 0, 0, -1, 0, 800];
  const fn: number[] = [];
  const args: unknown[] = [];
  const stroke = (...segs: [number, number, number, number][]) => {
    fn.push(OPS.constructPath);
    args.push([OPS.stroke, [new Float32Array(segs.flatMap(([a, b, c, d]) => [M, a, b, L, c, d]))], null]);
  };
  const fillRect = (x: number, y: number, w: number, h: number) => {
    fn.push(OPS.constructPath);
    args.push([OPS.eoFill, [new Float32Array([M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, C])], null]);
  };
  // columns 100 | 200 | 300 | 400; rows (viewport y) 100 | 120 | 140 | 180
  stroke([100, 700, 400, 700], [100, 680, 400, 680], [100, 660, 400, 660], [100, 620, 400, 620]);
  fn.push(OPS.save, OPS.transform);
  args.push(null, [1, 0, 0, 1, 0, 0]);
  stroke([100, 700, 100, 620], [300, 700, 300, 620], [400, 700, 400, 620]);
  fn.push(OPS.restore);
  args.push(null);
  // the border between the first two columns only in the last row: 项目 and 合计 are merged over them
  fillRect(199.75, 620, 0.5, 40);

  let no = 0;
  const line = (y: number, ...cells: [string, number][]): Line => {
    const frags = cells.map(([text, x0], item) => ({ text, x0, x1: x0 + em(text) * 10, y, size: 10, item }));
    return { page: 1, no: ++no, y, size: 10, frags, x0: frags[0].x0, x1: frags[frags.length - 1].x1 };
  };
  const lines = [
    line(114, ['项目', 190], ['金额', 340]),
    line(134, ['合计', 190], ['550.00', 364]),
    line(155, ['一般公共', 205]),
    line(164, ['201', 105], ['524.96', 364]),
    line(173, ['服务支出', 205]),
  ];

  it('reads rules drawn either way, in page coordinates', () => {
    const rules = pageRules(fn, args, OPS, VIEWPORT);
    expect(rules.filter((r) => r.y0 === r.y1).map((r) => r.y0)).toEqual([100, 120, 140, 180]);
    expect(rules.filter((r) => r.x0 === r.x1).map((r) => [r.x0, r.y0, r.y1])).toEqual([
      [100, 100, 180],
      [300, 100, 180],
      [400, 100, 180],
      [200, 140, 180],
    ]);
  });

  it('gives rows of cells: headings merged as drawn, a label over merged cells in its column, wrapped text joined', () => {
    const grids = findGrids(pageRules(fn, args, OPS, VIEWPORT));
    expect(grids).toHaveLength(1);
    expect(lines.every((l) => inGrid(grids[0], l))).toBe(true);
    const rows = gridRows(grids[0], lines, 1);
    expect(rows.map((r) => r.cells.map((c) => (c.covered ? '^' : c.text + (c.colSpan ? `{${c.colSpan}}` : ''))))).toEqual([
      ['项目{2}', '^', '金额'],
      ['', '合计', '550.00'],
      ['201', '一般公共服务支出', '524.96'],
    ]);
    // a row is located at its first line, a cell at the first line of its text
    expect(rows.map((r) => r.at.line)).toEqual([1, 2, 3]);
    expect(rows[2].cells.map((c) => c.at)).toEqual([
      { page: 1, line: 4, column: 1 },
      { page: 1, line: 3, column: 2 },
      { page: 1, line: 4, column: 3 },
    ]);
  });
});
