import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/index.js';
import type { Finding } from '../src/rules/types.js';
import { fixture } from './helpers.js';

const gist = (f: Finding) => `${f.ruleId}|${f.severity}|${f.expected ?? ''}|${f.actual ?? ''}`;
const gists = async (file: string) => {
  const r = await checkFile(fixture(file));
  expect(r.error).toBeNull();
  return r.findings.map(gist).sort();
};

/** Every kind of mistake the reference disclosure holds, as (rule, severity, expected, actual). */
const REFERENCE = [
  'meta/unit-name|error|乌尔禾区政府办公室|新疆维吾尔自治区乌鲁木齐市人民政府办公室', // cover title
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐市人民政府办公室', // 第一部分 heading
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区人民政府办公室', // §六 heading
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区人民政府办公室', // §六 sentence
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区人民政府办公室', // §七 heading
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区人民政府办公室', // 项目承担单位
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区政府办公室', // 表三 header
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区政府办公室', // 表三 unit row
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区政府办公室', // 表四 header
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区政府办公室', // 表五 header
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区政府办公室', // 表五 unit row
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区政府办公室', // 表六 header
  'meta/unit-name|error|乌尔禾区政府办公室|乌鲁木齐区政府办公室', // 表六 unit row
  'structure/missing-table|error|单位收入总体情况表|', // 表二 in the contents, not in the tables
  'structure/missing-table|error|一般公共预算项目支出情况表|', // 表七
  'structure/toc-mismatch|error|财政拨款收支总体情况表|财政拨款预算收支总体情况表', // 表四 title
  'structure/toc-mismatch|error|政府性基金预算支出情况表|政府性基金预算支出表', // 表九 title
  'narrative/yoy|error|15.5%|16.7%', // 行政运行: 60.08 ÷ 388.35
  'narrative/yoy|error|4.3%|4.4%', // 机关事业单位基本养老保险缴费支出: 1.13 ÷ 26.17
  'narrative/delta-breakdown|error|≤ -90.19|-86.52', // the 项 changes cannot give the total change
  'structure/placeholder|error||资金 万元', // 政务大厅工作经费: 其他资金 left blank
  'meta/year|error|2022|2021', // 驻外办事处经费: a 2021 target in a 2022 budget
  'narrative/incomplete-sentence|warning||主要用于 主要用于', // §四 doubled words
  'narrative/term|info|公务接待费|公务招待费', // §六
].sort();

describe('the reference disclosure, read from every form it comes in', () => {
  it('as published text: every kind of mistake, and nothing consistent under rounding (信访 52.1%, 一般行政 66.4%)', async () => {
    expect(await gists('wuerhe-2022/disclosure.txt')).toEqual(REFERENCE);
  });
  it('as the workbook with its Word narrative beside it: the same findings', async () => {
    expect(await gists('wuerhe-2022/budget.xlsx')).toEqual(REFERENCE);
  });
  it('as one Word document with real tables: the same findings', async () => {
    expect(await gists('wuerhe-2022/disclosure.docx')).toEqual(REFERENCE);
  });
  it('as a workbook with the narrative on a sheet of its own: the same findings', async () => {
    expect(await gists('variants-narrative/reference.xlsx')).toEqual(REFERENCE);
  });
});

describe('the clean twins have no findings in any form', () => {
  for (const f of ['wuerhe-2022-clean/disclosure.txt', 'wuerhe-2022-clean/budget.xlsx', 'wuerhe-2022-clean/disclosure.docx', 'variants-narrative/clean.xlsx']) {
    it(f, async () => {
      expect(await gists(f)).toEqual([]);
    });
  }
});
