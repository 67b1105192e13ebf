import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const bin = join(ROOT, 'bin/budget-check');
const run = (args: string[], env: Record<string, string> = {}) => {
  const { GITHUB_STEP_SUMMARY: _, ...rest } = process.env;
  const r = spawnSync(process.execPath, [bin, '--no-companion', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...rest, FORCE_COLOR: '0', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const REF = 'fixtures/wuerhe-2022/budget.xlsx';

describe('budget-check --format … -o … (several outputs in one run)', () => {
  it('writes each format to its own file, the i-th -o for the i-th --format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-out-'));
    const f = (n: string) => join(dir, n);
    const r = run(['--format', 'json', '-o', f('r.json'), '--format', 'sarif', '-o', f('r.sarif'), '-f', 'junit', '-o', f('r.xml'), '-f', 'html', '-o', f('r.html'), '-f', 'markdown', '-o', f('r.md'), '-f', 'github', '-o', f('r.gh'), REF]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('');
    expect(JSON.parse(readFileSync(f('r.json'), 'utf8')).summary).toEqual({ files: 1, errors: 9, warnings: 0, infos: 0 });
    const sarif = JSON.parse(readFileSync(f('r.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(9);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: REF, uriBaseId: '%SRCROOT%' });
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    const xml = readFileSync(f('r.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(`<testsuite name="${REF}"`);
    expect(readFileSync(f('r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(readFileSync(f('r.md'), 'utf8')).toContain('✖ 共 9 个问题（9 个错误，0 个警告，0 个提示）');
    expect(readFileSync(f('r.gh'), 'utf8').split('\n').filter(Boolean)).toHaveLength(9);
  });

  it('sends the one format without -o to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-out-'));
    const r = run(['-f', 'sarif', '-o', join(dir, 'r.sarif'), '-f', 'markdown', '--lang', 'en', REF]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('# budget-check report');
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).runs[0].language).toBe('en-US');
  });

  it('refuses two formats for stdout, or more -o than formats, in Chinese, with exit 2 and no output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-out-'));
    const a = run(['-f', 'json', '-f', 'sarif', REF]);
    expect(a.code).toBe(2);
    expect(a.out).toBe('');
    expect(a.err).toBe('budget-check: 最多只能有一种格式输出到标准输出，json、sarif 都没有对应的 -o；请为其余格式各加一个 -o 文件（运行 budget-check --help 查看用法）\n');
    const b = run(['-f', 'json', '-o', join(dir, 'a.json'), '-o', join(dir, 'b.json'), REF]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^budget-check: -o 比 --format 多：2 个 -o，1 个 --format/);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
    const c = run(['-f', 'xml', REF]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/^budget-check: 选项取值无效：.*Allowed choices are stylish, json, sarif, junit, github, markdown, html/);
  });

  it('keeps the single -o working before or after --format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-out-'));
    const r = run(['-o', join(dir, 'r.json'), '-f', 'json', 'fixtures/wuerhe-2022-clean/budget.xlsx']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.errors).toBe(0);
    const s = run(['-o', join(dir, 'r.txt'), REF]);
    expect(s.code).toBe(1);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toContain('✖ 共 9 个问题');
  });

  it('appends the job summary to $GITHUB_STEP_SUMMARY with --format github', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-sum-'));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const r = run(['-f', 'github', REF, 'fixtures/bad/truncated.xlsx'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(2);
    expect(r.out.split('\n')[0]).toBe('::error file=fixtures/bad/truncated.xlsx,title=budget-check：无法读取::文件已损坏或不完整，无法读取 (E_CORRUPT)');
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n## budget-check 检查报告\n')).toBe(true);
    expect(text).toContain('| fixtures/wuerhe-2022/budget.xlsx | 表三!A3 | 错误 | `meta/unit-name` |');
    // other formats leave it alone
    const before = readFileSync(summary, 'utf8');
    run(['-f', 'json', REF], { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, 'utf8')).toBe(before);
  });
});
