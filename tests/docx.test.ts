import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Document as WordDocument, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell, Document, Row } from '../src/document.js';
import { checkFile } from '../src/index.js';
import { loadDocx } from '../src/load/docx.js';
import { LoadError, loadDocument } from '../src/load/index.js';
import type { Table as BudgetTable } from '../src/model.js';
import { recognize } from '../src/recognize/index.js';
import { fixture } from './helpers.js';

const load = (p: string): Document => loadDocx(p, readFileSync(fixture(p)));
const rows = (d: Document): Row[] => d.streams[0].rows;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
/** A cell as [text, location] plus its merge marks. */
const cell = (c: Cell) => ({ text: c.text, at: c.at, ...(c.colSpan ? { colSpan: c.colSpan } : {}), ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}), ...(c.covered ? { covered: true } : {}) });

describe('docx: the narrative of the reference disclosure (fixtures/wuerhe-2022/budget.docx)', () => {
  const doc = load('wuerhe-2022/budget.docx');
  const all = rows(doc);

  it('is one body stream of text written for reading', () => {
    expect(doc.format).toBe('docx');
    expect(doc.storedValues).toBe(false);
    expect(doc.streams.map((s) => s.name)).toEqual(['正文']);
  });

  it('numbers the paragraphs with text in body order; empty paragraphs are breaks', () => {
    expect(all.slice(0, 5)).toEqual([
      { cells: [{ text: '新疆维吾尔自治区乌鲁木齐市人民政府办公室', at: { paragraph: 1 } }], at: { paragraph: 1 }, paragraph: true },
      { cells: [{ text: '2022年单位预算公开', at: { paragraph: 2 } }], at: { paragraph: 2 }, paragraph: true },
      { cells: [{ text: '目录', at: { paragraph: 3 } }], at: { paragraph: 3 }, paragraph: true, breakBefore: true },
      { cells: [{ text: '第一部分 乌尔禾区人民政府办公室概况', at: { paragraph: 4 } }], at: { paragraph: 4 }, paragraph: true, breakBefore: true },
      { cells: [{ text: '- 一、主要职能', at: { paragraph: 5 } }], at: { paragraph: 5 }, paragraph: true, breakBefore: true },
    ]);
    // every paragraph row has the next number, whatever lies between
    const numbers = all.filter((r) => r.paragraph).map((r) => r.at.paragraph);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('keeps the narrative and leaves out the tables section', () => {
    const texts = all.filter((r) => r.paragraph).map((r) => r.cells[0].text);
    // the table of contents keeps its entry; the section itself is gone
    expect(texts.filter((t) => t === '第二部分 2022年单位预算公开表')).toHaveLength(1);
    expect(texts).not.toContain('单位收支总体情况表');
    expect(texts).not.toContain('表三：');
    const part3 = texts.lastIndexOf('第三部分 2022年单位预算情况说明');
    expect(texts.slice(part3 - 2, part3 + 3)).toEqual([
      '乌尔禾区人民政府办公室无下属预算单位，下设 10 个办公室，分别是：政府办领导、党建室、信访局、外事办、政务公开办、文书科、综合科、督查室、秘书科、民团办',
      '乌尔禾区人民政府办公室单位编制数 15 ，实有人数 15 人，其中：在职 15 人，增加0人；退休 0 人，增加0人；离休 0 人，增加0人。',
      '第三部分 2022年单位预算情况说明',
      '一、关于乌尔禾区人民政府办公室2022年收支预算情况的总体说明',
      '按照全口径预算的原则，乌尔禾区人民政府办公室2022年所有收入和支出均纳入单位预算管理。收支总预算550万元。',
    ]);
    expect(all[all.length - 1]).toEqual({ cells: [{ text: '2022年1月21日', at: { paragraph: 237 } }], at: { paragraph: 237 }, paragraph: true, breakBefore: true });
  });

  it('reads the 绩效目标表 as Word tables located by table, row and grid column', () => {
    const first = all.findIndex((r) => r.at.table === 1);
    expect(all[first - 1]).toMatchObject({ cells: [{ text: '(2022年度)' }], paragraph: true });
    expect(all.slice(first, first + 3).map((r) => ({ at: r.at, breakBefore: r.breakBefore, cells: r.cells.map(cell) }))).toEqual([
      {
        at: { table: 1, row: 1 },
        breakBefore: true,
        cells: [
          { text: '项目名称', at: { table: 1, row: 1, column: 1 } },
          { text: '', at: { table: 1, row: 1, column: 2 } },
          { text: '区长专项准备经费', at: { table: 1, row: 1, column: 3 } },
          { text: '', at: { table: 1, row: 1, column: 4 } },
          { text: '', at: { table: 1, row: 1, column: 5 } },
        ],
      },
      {
        at: { table: 1, row: 2 },
        breakBefore: undefined,
        cells: [
          { text: '预算单位', at: { table: 1, row: 2, column: 1 } },
          { text: '', at: { table: 1, row: 2, column: 2 } },
          { text: '乌尔禾区政府办公室', at: { table: 1, row: 2, column: 3 } },
          { text: '', at: { table: 1, row: 2, column: 4 } },
          { text: '', at: { table: 1, row: 2, column: 5 } },
        ],
      },
      {
        at: { table: 1, row: 3 },
        breakBefore: undefined,
        cells: [
          { text: '项目资金 (万元)', at: { table: 1, row: 3, column: 1 } },
          { text: '', at: { table: 1, row: 3, column: 2 } },
          { text: '年度资金总额:20万元。', at: { table: 1, row: 3, column: 3 } },
          { text: '', at: { table: 1, row: 3, column: 4 } },
          { text: '', at: { table: 1, row: 3, column: 5 } },
        ],
      },
    ]);
    const t1 = all.filter((r) => r.at.table === 1);
    expect(t1).toHaveLength(15);
    expect(t1.every((r) => !r.paragraph)).toBe(true);
    expect(t1[7].cells.map((c) => c.text)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '指标值(包含数字及文字描述)']);
    expect(t1[14].cells.map((c) => c.text)).toEqual(['满意度指标', '满意度指标', '群众满意率', '≥99%', '']);
    // the paragraph after the table goes on counting
    expect(all[first + 15]).toEqual({ cells: [{ text: '项目负责人:', at: { paragraph: 152 } }], at: { paragraph: 152 }, paragraph: true, breakBefore: true });
    // a blank line inside a 绩效目标表 of the source splits it into two Word tables
    expect(all.filter((r) => r.at.table === 2 && r.at.row === 1)[0].cells.map((c) => c.text)).toEqual(['项目名称', '', '网站建设经费']);
    expect(all.filter((r) => r.at.table === 3 && r.at.row === 1)[0].cells.map((c) => c.text)).toEqual(['总体目标', '年度目标', '', '', '']);
    expect(Math.max(...all.map((r) => r.at.table ?? 0))).toBe(8);
  });
});

describe('docx: merged cells, tab rows, breaks and tracked changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const c = (text: string, opts: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}) =>
    new TableCell({ children: text === '' ? [] : text.split('\n').map((t) => new Paragraph(t)), ...opts });

  it('gridSpan gives colSpan and covered cells, vMerge gives rowSpan and covered cells, at grid columns', async () => {
    // | 项目 (2 rows)    | 支出预算 (3 columns)          |
    // |                  | 合计 | 基本支出 | 项目支出   |
    // | 合计             | 550.00 | 473.47 | 76.53    |
    const doc = new WordDocument({
      sections: [
        {
          children: [
            new Paragraph('表三：'),
            new Table({
              rows: [
                new TableRow({ children: [c('项目', { verticalMerge: VerticalMergeType.RESTART }), c('支出预算', { columnSpan: 3 })] }),
                new TableRow({ children: [c('', { verticalMerge: VerticalMergeType.CONTINUE }), c('合计'), c('基本\n支出'), c('项目支出')] }),
                new TableRow({ children: [c('合计'), c('550.00'), c('473.47'), c('76.53')] }),
              ],
            }),
          ],
        },
      ],
    });
    const file = join(dir, 'merged.docx');
    const d = loadDocx(file, await Packer.toBuffer(doc));
    expect(rows(d).map((r) => ({ at: r.at, cells: r.cells.map(cell) }))).toEqual([
      { at: { paragraph: 1 }, cells: [{ text: '表三：', at: { paragraph: 1 } }] },
      {
        at: { table: 1, row: 1 },
        cells: [
          { text: '项目', at: { table: 1, row: 1, column: 1 }, rowSpan: 2 },
          { text: '支出预算', at: { table: 1, row: 1, column: 2 }, colSpan: 3 },
          { text: '', at: { table: 1, row: 1, column: 3 }, covered: true },
          { text: '', at: { table: 1, row: 1, column: 4 }, covered: true },
        ],
      },
      {
        at: { table: 1, row: 2 },
        cells: [
          { text: '', at: { table: 1, row: 2, column: 1 }, covered: true },
          { text: '合计', at: { table: 1, row: 2, column: 2 } },
          { text: '基本\n支出', at: { table: 1, row: 2, column: 3 } },
          { text: '项目支出', at: { table: 1, row: 2, column: 4 } },
        ],
      },
      {
        at: { table: 1, row: 3 },
        cells: [
          { text: '合计', at: { table: 1, row: 3, column: 1 } },
          { text: '550.00', at: { table: 1, row: 3, column: 2 } },
          { text: '473.47', at: { table: 1, row: 3, column: 3 } },
          { text: '76.53', at: { table: 1, row: 3, column: 4 } },
        ],
      },
    ]);
  });

  it('a vertical merge over a spanned cell covers every grid column below it', async () => {
    const doc = new WordDocument({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [c('A'), c('B', { columnSpan: 2, verticalMerge: VerticalMergeType.RESTART })] }),
                new TableRow({ children: [c('C'), c('', { columnSpan: 2, verticalMerge: VerticalMergeType.CONTINUE })] }),
                new TableRow({ children: [c('D'), c('', { columnSpan: 2, verticalMerge: VerticalMergeType.CONTINUE })] }),
                new TableRow({ children: [c('E'), c('F'), c('G')] }),
              ],
            }),
          ],
        },
      ],
    });
    const d = loadDocx('x.docx', await Packer.toBuffer(doc));
    expect(rows(d).map((r) => r.cells.map((x) => [x.text, x.at.column, x.colSpan ?? 1, x.rowSpan ?? 1, x.covered ?? false]))).toEqual([
      [['A', 1, 1, 1, false], ['B', 2, 2, 3, false], ['', 3, 1, 1, true]],
      [['C', 1, 1, 1, false], ['', 2, 1, 1, true], ['', 3, 1, 1, true]],
      [['D', 1, 1, 1, false], ['', 2, 1, 1, true], ['', 3, 1, 1, true]],
      [['E', 1, 1, 1, false], ['F', 2, 1, 1, false], ['G', 3, 1, 1, false]],
    ]);
  });

  it('reads tab rows, line and page breaks, fields, insertions; skips deletions and gridBefore columns stay empty', () => {
    const body = [
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',
      '<w:p/>',
      '<w:p><w:r><w:tab/><w:tab/><w:t>209 社会保险基金支出</w:t><w:tab/><w:t xml:space="preserve">0.00 </w:t><w:tab/></w:r></w:p>',
      '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
      '<w:p><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>、标记</w:t></w:r></w:smartTag>',
      '<w:ins w:id="1" w:author="a"><w:r><w:t>、插入</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>、域结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:fldSimple w:instr="NUMPAGES"><w:r><w:t>、简单域</w:t></w:r></w:fldSimple><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>',
      '<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件&#x4E2D;</w:t></w:r></w:p></w:sdtContent></w:sdt>',
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>',
      '<w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr>',
      '<w:bookmarkStart w:id="0" w:name="x"/>',
      '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>D</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>E</w:t><w:tab/><w:t>F</w:t></w:r></w:p></w:tc></w:tr>',
      '<w:tr><w:trPr><w:del w:id="3" w:author="a"/></w:trPr><w:tc><w:p><w:r><w:t>deleted row</w:t></w:r></w:p></w:tc></w:tr>',
      '<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>n1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>n2</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>n3</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>',
      '</w:tbl>',
      '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>末段</w:t></w:r></w:p>',
    ].join('');
    const d = loadDocx('hand.docx', handMadeDocx(body));
    expect(rows(d).map((r) => ({ at: r.at, p: r.paragraph ?? false, br: r.breakBefore ?? false, cells: r.cells.map((x) => [x.text, x.at]) }))).toEqual([
      { at: { paragraph: 1 }, p: true, br: false, cells: [['第一行\n第二行', { paragraph: 1 }]] },
      {
        at: { paragraph: 2 },
        p: false,
        br: true,
        cells: [
          ['', { paragraph: 2, column: 1 }],
          ['', { paragraph: 2, column: 2 }],
          ['209 社会保险基金支出', { paragraph: 2, column: 3 }],
          ['0.00', { paragraph: 2, column: 4 }],
        ],
      },
      { at: { paragraph: 3 }, p: true, br: true, cells: [['链接、标记、插入、域结果、简单域', { paragraph: 3 }]] },
      { at: { paragraph: 4 }, p: true, br: false, cells: [['内容控件中', { paragraph: 4 }]] },
      {
        at: { table: 1, row: 1 },
        p: false,
        br: false,
        cells: [
          ['A', { table: 1, row: 1, column: 1 }],
          ['B', { table: 1, row: 1, column: 2 }],
          ['C', { table: 1, row: 1, column: 3 }],
        ],
      },
      {
        at: { table: 1, row: 2 },
        p: false,
        br: false,
        cells: [
          ['', { table: 1, row: 2, column: 1 }],
          ['D\n\nE F', { table: 1, row: 2, column: 2 }],
          ['', { table: 1, row: 2, column: 3 }],
        ],
      },
      { at: { table: 1, row: 3 }, p: false, br: false, cells: [['n1 n2\nn3', { table: 1, row: 3, column: 1 }]] },
      { at: { paragraph: 5 }, p: true, br: true, cells: [['末段', { paragraph: 5 }]] },
    ]);
    expect(rows(d)[5].cells[1].colSpan).toBe(2);
    expect(rows(d)[5].cells[2].covered).toBe(true);
  });

  it('splits a tab paragraph with line breaks into one row per line', () => {
    const d = loadDocx('tabs.docx', handMadeDocx('<w:p><w:r><w:t>项目</w:t><w:tab/><w:t>金额</w:t><w:br/><w:t>工资</w:t><w:tab/><w:t>100.00</w:t></w:r></w:p>'));
    expect(rows(d)).toEqual([
      { cells: [{ text: '项目', at: { paragraph: 1, line: 1, column: 1 } }, { text: '金额', at: { paragraph: 1, line: 1, column: 2 } }], at: { paragraph: 1, line: 1 } },
      { cells: [{ text: '工资', at: { paragraph: 1, line: 2, column: 1 } }, { text: '100.00', at: { paragraph: 1, line: 2, column: 2 } }], at: { paragraph: 1, line: 2 } },
    ]);
  });
});

describe('docx: the whole reference disclosure through the real pipeline', () => {
  /** What the recognizer read, without locations. */
  const summary = (tables: BudgetTable[]) =>
    tables.map((t) => ({
      kind: t.kind,
      label: t.label,
      rows: t.rows.map((r) => ({
        code: r.code,
        label: r.label,
        values: Object.entries(r.values).map(([role, f]) => [role, f?.text ?? null]),
      })),
    }));

  it('fixtures/wuerhe-2022/disclosure.docx gives the same tables as disclosure.txt', async () => {
    const fromDocx = recognize(await loadDocument(fixture('wuerhe-2022/disclosure.docx')));
    const fromText = recognize(await loadDocument(fixture('wuerhe-2022/disclosure.txt')));
    expect(fromDocx.format).toBe('docx');
    // the reference disclosure was published without 表二 and 表七
    expect(fromDocx.tables.map((t) => `${t.label} ${t.kind}`)).toEqual([
      '表一 income-expenditure',
      '表三 expenditure',
      '表四 fiscal',
      '表五 gpb-expenditure',
      '表六 gpb-basic',
      '表八 sangong',
      '表九 fund-expenditure',
    ]);
    expect(summary(fromDocx.tables)).toEqual(summary(fromText.tables));
    expect(fromDocx.unit.name).toBe(fromText.unit.name);
    expect(fromDocx.year).toBe(2022);
    // figures point into Word tables
    const figure = fromDocx.tables[0].rows.flatMap((r) => Object.values(r.values)).find((f) => f);
    expect(figure?.at.table).toBeGreaterThanOrEqual(1);
  });

  it('the clean twin too', async () => {
    const fromDocx = recognize(await loadDocument(fixture('wuerhe-2022-clean/disclosure.docx')));
    const fromText = recognize(await loadDocument(fixture('wuerhe-2022-clean/disclosure.txt')));
    expect(fromDocx.tables).toHaveLength(9);
    expect(summary(fromDocx.tables)).toEqual(summary(fromText.tables));
  });
});

describe('docx: files that cannot be read', () => {
  it('truncated.docx → E_CORRUPT, and the file is left as it was', async () => {
    const file = fixture('bad/truncated.docx');
    const before = sha(file);
    const r = await checkFile(file);
    expect(r.error?.code).toBe('E_CORRUPT');
    expect(r.error?.message).toMatch(/已损坏或不完整/);
    expect(r.findings).toEqual([]);
    expect(sha(file)).toBe(before);
  });

  it('any cut of a real docx is E_CORRUPT, never another exception', () => {
    const whole = readFileSync(fixture('wuerhe-2022/budget.docx'));
    for (let n = 0; n < whole.length; n += 397) {
      let error: unknown;
      try {
        loadDocx('cut.docx', whole.subarray(0, n));
      } catch (e) {
        error = e;
      }
      expect(error, `cut at ${n}`).toBeInstanceOf(LoadError);
      expect((error as LoadError).code).toBe('E_CORRUPT');
    }
  });

  it('damaged bytes inside the package are E_CORRUPT (checked, not inflated forever)', () => {
    const whole = readFileSync(fixture('wuerhe-2022/budget.docx'));
    const codes = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const b = Buffer.from(whole);
      for (let k = 0; k < 4; k++) b[(i * 7919 + k * 104729) % b.length] ^= 0x5a;
      try {
        loadDocx('damaged.docx', b);
        codes.add('ok');
      } catch (e) {
        codes.add(e instanceof LoadError ? e.code : `other: ${(e as Error).message}`);
      }
    }
    expect([...codes].filter((c) => c !== 'ok' && c !== 'E_CORRUPT')).toEqual([]);
  });

  it('a zip without a Word document is E_CORRUPT', async () => {
    const xlsx = readFileSync(fixture('wuerhe-2022/budget.xlsx'));
    expect(() => loadDocx('workbook.docx', xlsx)).toThrow(expect.objectContaining({ code: 'E_CORRUPT' }));
    const notXml = handMadeDocx('<w:p><w:r><w:t>unclosed</w:r></w:p>');
    expect(() => loadDocx('bad-xml.docx', notXml)).toThrow(expect.objectContaining({ code: 'E_CORRUPT' }));
  });
});

// ---------------------------------------------------------------------------------------------
// A minimal .docx written by hand (stored zip, no compression) for WordprocessingML the docx
// package does not write: tracked changes, fields, content controls, gridBefore, nested tables.

function handMadeDocx(body: string): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`],
  ];
  return storedZip(files.map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
}

function storedZip(files: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(cd, n);
    offset += 30 + n.length + data.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
