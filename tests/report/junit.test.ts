import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { LOAD_CASE, formatJunit } from '../../src/report/junit.js';
import { RULES } from '../../src/rules/registry.js';
import { REFERENCE, TRUNCATED, fileReport, finding, referenceAndTruncated, report } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), parseAttributeValue: false, trimValues: false });

function parse(xml: string): Json {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe('JUnit XML', () => {
  it('has one suite per file and one case per rule, unique names, failures for errors', async () => {
    const r = await referenceAndTruncated();
    const xml = formatJunit(r, { lang: 'zh' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const doc = parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: Json) => s.name)).toEqual([REFERENCE, TRUNCATED]);

    const [ref, bad] = suites;
    expect(ref.testcase).toHaveLength(RULES.length);
    expect(ref.testcase.map((c: Json) => c.name)).toEqual(RULES.map((x) => x.id));
    expect(new Set(ref.testcase.map((c: Json) => `${c.classname} ${c.name}`)).size).toBe(RULES.length);
    for (const c of ref.testcase) expect(c.classname).toBe(REFERENCE);

    // the reference workbook fails two rules: 2 missing tables, 7 wrong unit names
    const failing = ref.testcase.filter((c: Json) => c.failure);
    expect(failing.map((c: Json) => c.name)).toEqual(['structure/missing-table', 'meta/unit-name']);
    expect(ref).toMatchObject({ tests: String(RULES.length), failures: '2', errors: '0' });

    const unitName = failing[1].failure;
    expect(unitName.type).toBe('meta/unit-name');
    expect(unitName.message).toBe(
      '7 个问题（7 个错误）：表三表头的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致（没有名为「乌鲁木齐区」的行政区划，相近的有 乌鲁木齐市、乌鲁木齐县）',
    );
    const body: string = unitName['#text'];
    const heads = body.split('\n').filter((l) => !l.startsWith(' '));
    expect(heads.map((l) => l.split('  ')[0])).toEqual(['表三!A3', '表三!D9', '表四!A3', '表五!A3', '表五!D9', '表六!A3', '表六!C8']);
    expect(body).toContain('表三!D9  错误  表三单位行的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致');
    expect(body).toContain('    应为 乌尔禾区政府办公室，实为 乌鲁木齐区政府办公室');
    const missing: string = failing[0].failure['#text'];
    expect(missing).toContain('表八!A2  错误  缺少一般公共预算项目支出情况表');
    expect(missing).toContain('    应为 一般公共预算项目支出情况表');

    // passing rules are empty cases
    const passed = ref.testcase.find((c: Json) => c.name === 'table/balance');
    expect(passed).toEqual({ classname: REFERENCE, name: 'table/balance', time: '0' });

    // the truncated file: one case with an error
    expect(bad).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    expect(bad.testcase).toHaveLength(1);
    expect(bad.testcase[0]).toMatchObject({ classname: TRUNCATED, name: LOAD_CASE, error: { type: 'E_CORRUPT', message: '文件已损坏或不完整，无法读取' } });

    expect(doc.testsuites).toMatchObject({ name: 'budget-check', tests: String(RULES.length + 1), failures: '2', errors: '1' });
  });

  it('gives expected, stated and gap for arithmetic findings, and the other cells', async () => {
    const { checked } = await import('./helpers.js');
    const r = await checked(['fixtures/rules/table/balance/fail.xlsx']);
    const doc = parse(formatJunit(r, { lang: 'zh' }));
    const balance = doc.testsuites.testsuite[0].testcase.find((c: Json) => c.name === 'table/balance');
    expect(balance.failure['#text']).toContain('表一!D36  错误  表一 单位收支总体情况表：支出总计为551.00，收入总计为550.00，收支不平衡，相差1.00（万元）');
    expect(balance.failure['#text']).toContain('    应为 550.00 万元，实为 551.00 万元，相差 1.00 万元');
    expect(balance.failure['#text']).toMatch(/\n {4}另见 表一!B36/);
  });

  it('passes a rule with only warnings and lists them in system-out', () => {
    const r = report([
      fileReport('w.xlsx', [
        finding({ ruleId: 'table/personnel-public', severity: 'warning', message: '人员经费应为 301 + 303', locations: [{ sheet: '表六', cell: 'C9' }] }),
        finding({ ruleId: 'classification/legacy-name', severity: 'info', message: '旧名称', locations: [{ sheet: '表五', cell: 'D10' }] }),
      ]),
    ]);
    const doc = parse(formatJunit(r, { lang: 'en' }));
    const suite = doc.testsuites.testsuite[0];
    expect(suite).toMatchObject({ failures: '0', errors: '0', tests: String(RULES.length) });
    const pp = suite.testcase.find((c: Json) => c.name === 'table/personnel-public');
    expect(pp.failure).toBeUndefined();
    expect(pp['system-out']).toBe('表六!C9  warning  人员经费应为 301 + 303');
    const legacy = suite.testcase.find((c: Json) => c.name === 'classification/legacy-name');
    expect(legacy['system-out']).toBe('表五!D10  info  旧名称');
  });

  it('escapes markup in file names, messages and values', () => {
    const nasty = 'a<b>&"c\' ]]> \u0001end';
    const r = report([fileReport(`dir/${nasty}.xlsx`, [finding({ message: nasty, expected: '<1>', actual: '&2', gap: '"3"', unit: '元' })])]);
    const xml = formatJunit(r, { lang: 'en' });
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('a&lt;b&gt;&amp;&quot;c&#39; ]]&gt; end');
    const doc = parse(xml);
    const suite = doc.testsuites.testsuite[0];
    expect(suite.name).toBe('dir/a<b>&"c\' ]]> end.xlsx');
    const c = suite.testcase.find((x: Json) => x.failure);
    expect(c.failure.message).toBe('1 problem (1 error): a<b>&"c\' ]]> end');
    expect(c.failure['#text']).toContain('Expected <1> 元, Stated &2 元, Gap "3" 元');
  });
});
