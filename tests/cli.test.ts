import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture } from './helpers.js';

const bin = join(ROOT, 'bin/budget-check');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('budget-check (command line)', () => {
  it('reads the narrative beside the reference workbook and reports both', () => {
    const r = run(fixture('wuerhe-2022/budget.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('budget.docx 第82段  错误  「行政运行（2010301）」本年448.43万元，增加60.08万元，增长率应为15.5%（60.08万元÷上年388.35万元），文中写16.7%  narrative/yoy');
    expect(r.out).toContain('表四!A2  错误  目录写作「财政拨款收支总体情况表」，正文表四标题却是「财政拨款预算收支总体情况表」  structure/toc-mismatch');
    expect(r.out).toContain('共 24 个问题（22 个错误，1 个警告，1 个提示）');
  });

  it('exits 1 on the reference workbook and names each cell', () => {
    const r = run('--no-companion', fixture('wuerhe-2022/budget.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('表三!A3');
    expect(r.out).toContain('表三表头的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致');
    expect(r.out).toContain('缺少单位收入总体情况表');
    expect(r.out).toContain('共 9 个问题（9 个错误，0 个警告，0 个提示）');
    expect(r.out).not.toMatch(/\x1b\[/); // no colour when not a terminal
  });

  it('exits 0 on the clean twin', () => {
    const r = run(fixture('wuerhe-2022-clean/budget.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('✔ 未发现问题');
  });

  it('speaks English with --lang en', () => {
    const r = run('--no-companion', '--lang', 'en', fixture('wuerhe-2022/budget.xlsx'));
    expect(r.out).toContain('The header of 表三 names the unit "乌鲁木齐区政府办公室", but the disclosure is for "乌尔禾区政府办公室"');
    expect(r.out).toContain('9 problems (9 errors, 0 warnings, 0 info)');
  });

  it('shows stated, computed and gap for an arithmetic finding', () => {
    const r = run(fixture('rules/table/balance/fail.xlsx'));
    expect(r.out).toContain('表一!D36');
    expect(r.out).toContain('支出总计为551.00，收入总计为550.00，收支不平衡，相差1.00（万元）');
  });

  it('writes JSON that validates against the report schema', () => {
    const r = run('--no-companion', '--format', 'json', fixture('wuerhe-2022/budget.xlsx'), fixture('bad/truncated.xlsx'));
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out);
    const schemas = [join(ROOT, 'docs/report.schema.json'), join(ROOT, '../shared/contract/report.schema.json')].filter(existsSync);
    for (const s of schemas) {
      const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(s, 'utf8')));
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(report.summary).toEqual({ files: 2, errors: 9, warnings: 0, infos: 0 });
    expect(report.files[0].findings[2]).toEqual({
      ruleId: 'meta/unit-name',
      severity: 'error',
      message: '表三表头的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致（没有名为「乌鲁木齐区」的行政区划，相近的有 乌鲁木齐市、乌鲁木齐县）',
      locations: [{ sheet: '表三', cell: 'A3', excerpt: '乌鲁木齐区政府办公室' }],
      expected: '乌尔禾区政府办公室',
      actual: '乌鲁木齐区政府办公室',
      table: 'expenditure',
    });
    expect(report.files[1].error.code).toBe('E_CORRUPT');
  });

  it('writes to a file with -o', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bc-')), 'r.json');
    const r = run('-f', 'json', '-o', out, fixture('wuerhe-2022-clean/budget.xlsx'));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.files).toBe(1);
  });

  it('gives bad input one Chinese line and exit 2, without a stack trace', () => {
    for (const f of ['bad/empty.xlsx', 'bad/truncated.xlsx', 'bad/encrypted.xlsx', 'bad/not-a-workbook.xlsx', 'bad/no-tables.xlsx', 'missing.xlsx']) {
      const r = run(fixture(f));
      expect(r.code, f).toBe(2);
      expect(r.err.trim().split('\n'), f).toHaveLength(1);
      expect(r.err, f).toMatch(/^budget-check: .+：.+（E_[A-Z_]+）\n$/);
      expect(r.err, f).not.toMatch(/\bat .+:\d+:\d+/);
      expect(r.out).toBe('');
    }
  });

  it('treats bad usage as exit 2 with a Chinese hint', () => {
    expect(run().err).toBe('budget-check: 请指定要检查的文件（运行 budget-check --help 查看用法）\n');
    expect(run('--nope', 'x').code).toBe(2);
    expect(run('--format', 'xml', 'x').err).toContain('选项取值无效');
  });
});
