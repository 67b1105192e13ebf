import { describe, expect, it } from 'vitest';
import { escapeMd, formatMarkdown } from '../../src/report/markdown.js';
import { checked, fileReport, finding, referenceAndTruncated, report } from './helpers.js';

describe('markdown report', () => {
  it('has the summary, then per file a table of findings, in Chinese by default', async () => {
    const md = formatMarkdown(await referenceAndTruncated(), { lang: 'zh' });
    expect(md).toContain(
      [
        '# budget-check 检查报告',
        '',
        '✖ 共 9 个问题（9 个错误，0 个警告，0 个提示）；检查了 2 个文件；1 个文件无法读取',
        '',
        '## fixtures/wuerhe-2022/budget.xlsx',
        '',
        '乌尔禾区政府办公室（002002）  2022年',
        '',
        '| 位置 | 级别 | 规则 | 说明 | 应为 | 实为 | 相差 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 表三!A2 | 错误 | `structure/missing-table` | 缺少单位收入总体情况表：单位预算公开（九张表）须公开此表，依赖它的核对无法进行（应在「表三 单位支出总体情况表」之前） | 单位收入总体情况表 |  |  |',
      ].join('\n'),
    );
    expect(md).toContain(
      '| 表三!A3 | 错误 | `meta/unit-name` | 表三表头的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致（没有名为「乌鲁木齐区」的行政区划，相近的有 乌鲁木齐市、乌鲁木齐县） | 乌尔禾区政府办公室 | 乌鲁木齐区政府办公室 |  |',
    );
    expect(md).toContain('## fixtures/bad/truncated.xlsx\n\n✖ **无法读取**：文件已损坏或不完整，无法读取（`E_CORRUPT`）\n');
    expect(md.split('\n').filter((l) => /^\| 表/.test(l))).toHaveLength(9);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('shows expected, stated and gap with their unit, and how many other cells', async () => {
    const md = formatMarkdown(await checked(['fixtures/rules/table/balance/fail.xlsx']), { lang: 'zh' });
    expect(md).toContain(
      '| 表一!D36（另有 1 处） | 错误 | `table/balance` | 表一 单位收支总体情况表：支出总计为551.00，收入总计为550.00，收支不平衡，相差1.00（万元） | 550.00 万元 | 551.00 万元 | 1.00 万元 |',
    );
  });

  it('speaks English with lang en', async () => {
    const md = formatMarkdown(await referenceAndTruncated('en'), { lang: 'en' });
    expect(md).toContain('# budget-check report\n\n✖ 9 problems (9 errors, 0 warnings, 0 info); 2 files checked; 1 file could not be read\n');
    expect(md).toContain('| Location | Severity | Rule | Message | Expected | Stated | Gap |');
    expect(md).toContain('| 表三!A3 | error | `meta/unit-name` | The header of 表三 names the unit "乌鲁木齐区政府办公室", but the disclosure is for "乌尔禾区政府办公室"');
    expect(md).toContain('✖ **cannot be read**: the file is corrupt or truncated and cannot be read (`E_CORRUPT`)');
  });

  it('says so when a file has no findings', async () => {
    const md = formatMarkdown(await checked(['fixtures/wuerhe-2022-clean/budget.xlsx']), { lang: 'zh' });
    expect(md).toBe('# budget-check 检查报告\n\n✔ 未发现问题\n\n## fixtures/wuerhe-2022-clean/budget.xlsx\n\n乌尔禾区政府办公室（002002）  2022年\n\n✔ 未发现问题\n');
  });

  it('escapes | and newlines (and markup) so a cell cannot break the table', () => {
    expect(escapeMd('a|b\nc\r\nd')).toBe('a\\|b<br>c<br>d');
    expect(escapeMd('<script>x</script> *y* _z_ `c` [l](u) \\')).toBe('&lt;script&gt;x&lt;/script&gt; \\*y\\* \\_z\\_ \\`c\\` \\[l\\](u) \\\\');
    const r = report([fileReport('t.xlsx', [finding({ message: '合计|小计\n第二行', expected: '1|2', actual: 'x\ny', gap: null, unit: undefined, locations: [{ sheet: 'A|B', cell: 'C3' }] })])]);
    const row = formatMarkdown(r, { lang: 'zh' })
      .split('\n')
      .find((l) => l.startsWith('| A'))!;
    expect(row).toBe('| A\\|B!C3 | 错误 | `table/sum-of-parts` | 合计\\|小计<br>第二行 | 1\\|2 | x<br>y |  |');
    // the row still has exactly 7 cells: 8 unescaped pipes
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(8);
  });
});
