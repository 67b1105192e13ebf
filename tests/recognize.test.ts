import { describe, expect, it } from 'vitest';
import { textRows } from '../src/load/text.js';
import { recognize } from '../src/recognize/index.js';

/** A disclosure written as tab-separated text, recognized as the text loader would give it. */
function read(lines: string[]) {
  return recognize({ file: 'x.txt', format: 'txt', storedValues: false, streams: [{ name: '正文', rows: textRows(lines.join('\n')) }] });
}

describe('header variants seen in real disclosures', () => {
  it('填报单位 with the department and the unit, 单位:万元 on the same line, headings with a year or a note', () => {
    const d = read([
      '2025年部门收支总表',
      '填报单位:[311]上高县房地产管理局 , [311001]上高县住房保障中心 单位:万元',
      '收入\t\t支出\t',
      '项目\t2025年预算数\t项目(按支出功能科目类级)\t2025年预算数',
      '一、财政拨款收入\t120.50\t一、社会保障和就业支出\t20.50',
      '（一）一般公共预算\t120.50\t二、住房保障支出\t100.00',
      '收入总计\t120.50\t支出总计\t120.50',
    ]);
    expect(d.unit).toMatchObject({ name: '上高县住房保障中心', code: '311001' });
    expect(d.year).toBe(2025);
    const t = d.tables[0];
    expect(t.kind).toBe('income-expenditure');
    expect(t.meta.parentName?.value).toBe('上高县房地产管理局');
    expect(t.unit).toBe('万元');
    expect(t.columns.map((c) => `${c.side}:${c.role}`)).toEqual(['income:name', 'income:total', 'expenditure:name', 'expenditure:total']);
    expect(t.rows.filter((r) => r.side === 'expenditure' && r.code).map((r) => [r.code, r.name])).toEqual([
      ['208', '社会保障和就业支出'],
      ['221', '住房保障支出'],
    ]);
    expect(t.rows.filter((r) => r.side === 'income').map((r) => r.incomeRole)).toEqual(['fiscal', 'gpb', 'total']);
  });

  it('公开01表 label, 部门: line, 行次 and 栏次 of 决算-style templates', () => {
    const d = read([
      '公开01表',
      '收入支出预算总表',
      '部门:西宁市总寨镇逸夫小学\t\t\t金额单位:万元',
      '收入\t\t\t支出\t\t',
      '项目\t行次\t金额\t项目\t行次\t金额',
      '栏次\t\t1\t栏次\t\t2',
      '一、一般公共预算财政拨款收入\t1\t50.00\t一、教育支出\t31\t50.00',
      '收入总计\t29\t50.00\t支出总计\t60\t50.00',
    ]);
    const t = d.tables[0];
    expect(t.label).toBe('公开01表');
    expect(d.unit.name).toBe('西宁市总寨镇逸夫小学');
    expect(t.rows.map((r) => [r.side, r.kind, r.values.total?.text])).toEqual([
      ['income', 'item', '50.00'],
      ['income', 'total', '50.00'],
      ['expenditure', 'item', '50.00'],
      ['expenditure', 'total', '50.00'],
    ]);
  });
});
