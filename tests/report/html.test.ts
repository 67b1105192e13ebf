import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/document.js';
import { formatHtml } from '../../src/report/html.js';
import type { TableView } from '../../src/report/types.js';
import { checked, fileReport, finding, referenceAndTruncated, report } from './helpers.js';

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parses the page (HTML written as well-formed markup; meta and br are void) into a tree. */
function parse(html: string): El {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const body = html.slice('<!DOCTYPE html>\n'.length);
  expect(XMLValidator.validate(body, { unpairedTags: ['meta', 'br'] })).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', unpairedTags: ['meta', 'br'], stopNodes: ['*.style'], preserveOrder: true, htmlEntities: true, parseAttributeValue: false, parseTagValue: false, trimValues: false });
  const convert = (node: Record<string, unknown>): El | null => {
    const tag = Object.keys(node).find((k) => k !== ':@')!;
    if (tag === '#text') return { tag, attrs: {}, children: [], text: String(node[tag]) };
    const children = (node[tag] as Record<string, unknown>[]).map(convert).filter((x): x is El => !!x);
    return { tag, attrs: (node[':@'] as Record<string, string>) ?? {}, children, text: children.map((c) => c.text).join('') };
  };
  const roots = (parser.parse(body) as Record<string, unknown>[]).map(convert).filter((x): x is El => !!x);
  return { tag: '#root', attrs: {}, children: roots, text: '' };
}

function all(el: El, pick: (e: El) => boolean, out: El[] = []): El[] {
  if (pick(el)) out.push(el);
  for (const c of el.children) all(c, pick, out);
  return out;
}

const flagged = (root: El) => all(root, (e) => e.tag === 'td' && /\bflag-/.test(e.attrs.class ?? ''));

describe('HTML report', () => {
  it('marks exactly the cells the findings name, with severity class and rule ids', async () => {
    const r = await referenceAndTruncated();
    const root = parse(formatHtml(r, { lang: 'zh' }));
    const named = new Map<string, Set<string>>();
    for (const f of r.files[0].findings)
      for (const at of f.locations) {
        if (!at.cell) continue;
        const key = `${at.sheet}!${at.cell}`;
        named.set(key, new Set([...(named.get(key) ?? []), f.ruleId]));
      }
    const cells = flagged(root);
    expect(cells.map((c) => c.attrs['data-at']).sort()).toEqual([...named.keys()].sort());
    expect(cells).toHaveLength(9);
    for (const c of cells) {
      expect(c.attrs.class).toContain('flag-error');
      expect(new Set(c.attrs['data-rules'].split(' '))).toEqual(named.get(c.attrs['data-at']));
    }
    const a3 = cells.find((c) => c.attrs['data-at'] === '表三!A3')!;
    expect(a3.attrs.colspan).toBe('3');
    expect(a3.text).toBe('预算单位编码及名称：(002002)乌鲁木齐区政府办公室'); // the newline is a <br>
    expect(a3.attrs.title).toContain('错误：表三表头的单位名称「乌鲁木齐区政府办公室」');
    // no other cell carries a flag, not even one word of it
    const unflagged = all(root, (e) => e.tag === 'td' && !/\bflag-/.test(e.attrs.class ?? ''));
    expect(unflagged.length).toBeGreaterThan(100);
    for (const c of unflagged) expect(c.attrs['data-rules']).toBeUndefined();
  });

  it('draws each table with its merged cells and no covered cells', async () => {
    const r = await referenceAndTruncated();
    const root = parse(formatHtml(r, { lang: 'zh' }));
    const tables = all(root, (e) => e.tag === 'table');
    const views = r.files[0].views!;
    expect(tables).toHaveLength(views.length);
    views.forEach((v, i) => {
      const rows = all(tables[i], (e) => e.tag === 'tr');
      expect(rows).toHaveLength(v.rows.length);
      rows.forEach((tr, j) => expect(tr.children.filter((c) => c.tag === 'td')).toHaveLength(v.rows[j].filter((c) => !c.covered).length));
    });
    // 表三: title across 7 columns, the 功能分类科目名称 heading down 2 rows
    const t3 = tables[views.findIndex((v) => v.id === 'expenditure')];
    const tds = all(t3, (e) => e.tag === 'td');
    expect(tds[0]).toMatchObject({ text: '单位支出总体情况表', attrs: expect.objectContaining({ colspan: '7' }) });
    expect(tds.find((t) => t.text === '功能分类科目名称')!.attrs.rowspan).toBe('2');
  });

  it('lists each table’s findings under it, linking to the marked cells', async () => {
    const r = await referenceAndTruncated();
    const root = parse(formatHtml(r, { lang: 'zh' }));
    const ids = new Map(all(root, (e) => !!e.attrs.id).map((e) => [e.attrs.id, e]));
    const items = all(root, (e) => e.tag === 'li' && (e.attrs.class ?? '').includes('finding'));
    expect(items).toHaveLength(r.files[0].findings.length);
    for (const li of items) {
      const a = all(li, (e) => e.tag === 'a')[0];
      const target = ids.get(a.attrs.href.slice(1))!;
      expect(target.tag).toBe('td');
      expect(target.attrs.class).toContain('flag-error');
      expect(target.attrs['data-at']).toBe(a.text);
    }
    const t3 = all(root, (e) => e.tag === 'section' && e.attrs.class === 'table' && all(e, (h) => h.tag === 'h3' && h.text.startsWith('表三 单位支出总体情况表')).length > 0)[0];
    const t3items = all(t3, (e) => e.tag === 'li').map((li) => all(li, (e) => e.tag === 'a')[0].text);
    expect(t3items).toEqual(['表三!A2', '表三!A3', '表三!D9']);
    const unit = items.find((li) => li.text.includes('表三表头'))!;
    expect(unit.text).toContain('表三!A3 错误 表三表头的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致');
    expect(unit.text).toContain('meta/unit-name');
    // the unreadable file has its own section with the reason
    const bad = all(root, (e) => e.tag === 'section' && e.attrs.id === 'f2')[0];
    expect(bad.text).toContain('无法读取：文件已损坏或不完整，无法读取 E_CORRUPT');
  });

  it('shows expected, stated and gap and links every cell of an arithmetic finding', async () => {
    const r = await checked(['fixtures/rules/table/balance/fail.xlsx']);
    const root = parse(formatHtml(r, { lang: 'zh' }));
    const li = all(root, (e) => e.tag === 'li' && e.text.includes('收支不平衡'))[0];
    expect(li.text).toContain('应为 550.00 万元，实为 551.00 万元，相差 1.00 万元');
    const links = all(li, (e) => e.tag === 'a').map((a) => a.text);
    expect(links).toEqual(r.files[0].findings.find((f) => f.ruleId === 'table/balance')!.locations.map((l) => formatLocation(l, 'zh')));
  });

  it('is self-contained: no external reference, no script', async () => {
    const r = await checked(['fixtures/wuerhe-2022/budget.xlsx', 'fixtures/wuerhe-2022/disclosure.txt']);
    const html = formatHtml(r, { lang: 'zh' });
    const root = parse(html);
    expect(all(root, (e) => ['script', 'link', 'img', 'iframe', 'object', 'embed'].includes(e.tag))).toEqual([]);
    for (const e of all(root, (x) => x.tag !== '#text')) for (const v of Object.values(e.attrs)) expect(v).not.toMatch(/https?:|\/\//i);
    const css = all(root, (e) => e.tag === 'style')[0].text;
    expect(css).not.toMatch(/url\(|@import|https?:/i);
    // a URL inside a message stays text
    const withUrl = report([fileReport('u.xlsx', [finding({ message: '见 https://example.com/a?b=1&c=<2>', locations: [{ sheet: 'S', cell: 'A1' }] })])]);
    const page = formatHtml(withUrl, { lang: 'zh' });
    expect(page).toContain('见 https://example.com/a?b=1&amp;c=&lt;2&gt;');
    const r2 = parse(page);
    for (const e of all(r2, (x) => x.tag !== '#text')) for (const v of Object.values(e.attrs)) expect(v).not.toMatch(/https?:/i);
    expect(page.match(/https?:\/\//g)).toHaveLength(1);
  });

  it('escapes everything that comes from the input', () => {
    const view: TableView = {
      id: 'x',
      title: '<b>表</b>',
      rows: [[{ text: '<script>alert(1)</script>', at: { sheet: 'S"1', cell: 'A1' } }, { text: 'a & "b"', at: { sheet: 'S"1', cell: 'B1' } }]],
    };
    const r = report([
      fileReport('<x>.xlsx', [finding({ message: '<img src=x onerror=alert(1)>', ruleId: 'meta/unit-name', locations: [{ sheet: 'S"1', cell: 'A1' }], table: 'x' })], {
        views: [view],
        tables: [{ id: 'x', title: '<b>表</b>', at: { sheet: 'S"1', range: 'A1:B1' } }],
        unit: { name: '<u>单位</u>', code: null },
      }),
    ]);
    const html = formatHtml(r, { lang: 'zh' });
    expect(html).not.toMatch(/<script|<img|<b>|<u>|<x>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const root = parse(html);
    const cell = flagged(root)[0];
    expect(cell.text).toBe('<script>alert(1)</script>');
    expect(cell.attrs['data-at']).toBe('S"1!A1');
    expect(all(root, (e) => e.tag === 'h2')[0].text).toBe('<x>.xlsx');
  });

  it('follows merged cells, text lines and columns; lists findings without a drawn cell for the whole file', () => {
    const view: TableView = {
      id: 't',
      title: '表',
      rows: [
        [
          { text: '标题', at: { sheet: 'S', cell: 'A1' }, colSpan: 2 },
          { text: '', at: { sheet: 'S', cell: 'B1' }, covered: true },
        ],
        [
          { text: '1', at: { sheet: 'S', cell: 'A2' } },
          { text: '2', at: { sheet: 'S', cell: 'B2' } },
        ],
      ],
    };
    const text: TableView = {
      id: 'u',
      title: '文本表',
      rows: [
        [
          { text: '项目', at: { line: 5, column: 1 } },
          { text: '金额', at: { line: 5, column: 2 } },
        ],
      ],
    };
    const r = report([
      fileReport(
        'm.xlsx',
        [
          finding({ message: 'covered', severity: 'warning', locations: [{ sheet: 'S', cell: 'B1' }], table: 't' }),
          finding({ message: 'line col', severity: 'info', locations: [{ line: 5, column: 2 }], table: 'u' }),
          finding({ message: 'elsewhere', locations: [{ sheet: 'Other', cell: 'C3' }] }),
          finding({ message: 'no place', locations: [] }),
        ],
        { views: [view, text], tables: [] },
      ),
    ]);
    const root = parse(formatHtml(r, { lang: 'en' }));
    const cells = flagged(root);
    expect(cells.map((c) => [c.text, c.attrs.class, c.attrs['data-at']])).toEqual([
      ['标题', 'flag-warning', 'S!A1'],
      ['金额', 'flag-info', 'line 5'],
    ]);
    const whole = all(root, (e) => e.tag === 'section' && e.attrs.class === 'file-level')[0];
    expect(all(whole, (e) => e.tag === 'h3')[0].text).toBe('Whole disclosure');
    expect(all(whole, (e) => e.tag === 'li').map((li) => all(li, (x) => x.attrs.class === 'msg')[0].text)).toEqual(['elsewhere', 'no place']);
    expect(all(whole, (e) => e.tag === 'a')).toEqual([]); // nothing to link to
  });

  it('lists findings table by table when the report has no drawn tables (read back from JSON)', () => {
    const r = report([
      fileReport('j.xlsx', [finding({ message: 'in table', table: 'fiscal' }), finding({ message: 'whole', table: undefined })], {
        tables: [{ id: 'fiscal', title: '财政拨款收支总体情况表', label: '表四', at: { sheet: '表四', range: 'A2:G36' } }],
      }),
    ]);
    const root = parse(formatHtml(r, { lang: 'zh' }));
    expect(flagged(root)).toEqual([]);
    const sections = all(root, (e) => e.tag === 'section' && ['table', 'file-level'].includes(e.attrs.class));
    expect(sections.map((s) => [all(s, (e) => e.tag === 'h3')[0].text, all(s, (e) => e.attrs.class === 'msg').map((m) => m.text)])).toEqual([
      ['全册', ['whole']],
      ['表四 财政拨款收支总体情况表 表四!A2:G36', ['in table']],
    ]);
  });

  it('speaks English with lang en', async () => {
    const html = formatHtml(await referenceAndTruncated('en'), { lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>budget-check report</h1>');
    expect(html).toContain('9 problems (9 errors, 0 warnings, 0 info); 2 files checked; 1 file could not be read');
    expect(html).toContain('<span class="sev">error</span>');
    const zh = formatHtml(await referenceAndTruncated(), { lang: 'zh' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<span class="sev">错误</span>');
  });
});
