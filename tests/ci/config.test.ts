import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, scratch } from './helpers.js';

describe('configuration', () => {
  it('is found from the working directory up and applied (rule off, lowered severity, expected name)', () => {
    const dir = scratch({ 'budget.xlsx': 'rules/table/personnel-public/fail.xlsx' });
    writeFileSync(join(dir, 'budget-check.config.yaml'), 'rules:\n  table/sum-of-parts: off\n  table/row-identity: off\n  table/personnel-public: info\n');
    mkdirSync(join(dir, 'sub'));
    const r = run(['--format', 'json', '../budget.xlsx'], join(dir, 'sub'));
    const findings = JSON.parse(r.out).files[0].findings as { ruleId: string; severity: string }[];
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['table/personnel-public', 'info']]);
    expect(r.code).toBe(0);
  });

  it('checks the expected unit name, code and year from the configuration', () => {
    const dir = scratch({ 'budget.xlsx': 'wuerhe-2022-clean/budget.xlsx' });
    writeFileSync(join(dir, 'budget-check.config.json'), JSON.stringify({ expected: { unitName: '乌尔禾区财政局', year: 2022 } }));
    const r = run(['--format', 'json', 'budget.xlsx'], dir);
    const f = JSON.parse(r.out).files[0];
    expect(f.unit.name).toBe('乌尔禾区财政局');
    // the nine table headers and the four unit rows all name 乌尔禾区政府办公室
    expect(f.findings.filter((x: { ruleId: string }) => x.ruleId === 'meta/unit-name').length).toBe(13);
    expect(r.code).toBe(1);
  });

  it('names the bad key of an invalid configuration, exit 2', () => {
    const dir = scratch({ 'budget.xlsx': 'wuerhe-2022-clean/budget.xlsx' });
    const cases: [string, RegExp][] = [
      ['rules:\n  table/nope: warning\n', /rules\.table\/nope/],
      ['rounding: sometimes\n', /rounding/],
      ['colour: red\n', /colour/],
      ['expected:\n  year: "二〇二二"\n', /expected\.year/],
      ['rules: [oops\n', /不是有效的 YAML|not valid YAML/],
    ];
    for (const [text, key] of cases) {
      writeFileSync(join(dir, 'budget-check.config.yaml'), text);
      const r = run(['budget.xlsx'], dir);
      expect(r.code, text).toBe(2);
      expect(r.err, text).toMatch(/^budget-check: 配置文件 .*budget-check\.config\.yaml 有误/);
      expect(r.err, text).toMatch(key);
    }
  });

  it('--config names the file; command-line options win over it', () => {
    const dir = scratch({ 'budget.xlsx': 'rules/table/personnel-public/fail.xlsx' });
    writeFileSync(join(dir, 'ci.yaml'), 'maxWarnings: 0\n');
    expect(run(['--config', 'ci.yaml', '--skip-rule', 'table/sum-of-parts', '--skip-rule', 'table/row-identity', 'budget.xlsx'], dir).code).toBe(1);
    expect(run(['--config', 'ci.yaml', '--skip-rule', 'table/sum-of-parts', '--skip-rule', 'table/row-identity', '--max-warnings', '5', 'budget.xlsx'], dir).code).toBe(0);
  });

  it('init writes a commented configuration that loads', () => {
    const dir = scratch({ 'budget.xlsx': 'wuerhe-2022-clean/budget.xlsx' });
    expect(run(['init'], dir).code).toBe(0);
    const text = readFileSync(join(dir, 'budget-check.config.yaml'), 'utf8');
    expect(text).toMatch(/^# budget-check 配置文件/);
    expect(run(['budget.xlsx'], dir).code).toBe(0);
    expect(run(['init'], dir)).toMatchObject({ code: 2 });
  });
});

describe('rule selection and gate options', () => {
  it('--rule runs only the named rules, --fail-on warning fails on warnings, --quiet shows errors only', () => {
    const dir = scratch({ 'budget.xlsx': 'rules/table/personnel-public/fail.xlsx' });
    const only = run(['--rule', 'table/personnel-public', '-f', 'json', 'budget.xlsx'], dir);
    expect(JSON.parse(only.out).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['table/personnel-public']);
    expect(only.code).toBe(0);
    expect(run(['--rule', 'table/personnel-public', '--fail-on', 'warning', 'budget.xlsx'], dir).code).toBe(1);
    const quiet = run(['--quiet', '-f', 'json', 'budget.xlsx'], dir);
    expect(JSON.parse(quiet.out).files[0].findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(run(['--rule', 'no/such-rule', 'budget.xlsx'], dir)).toMatchObject({ code: 2 });
  });

  it('lists the rules and prints a rule page', () => {
    const rules = run(['rules']);
    expect(rules.out).toMatch(/^structure\/missing-table\s+错误\s+必备表齐全$/m);
    expect(rules.out).toMatch(/narrative\/yoy\s+错误\s+增减率与增减额一致/);
    const page = run(['explain', 'narrative/yoy']);
    expect(page.out).toMatch(/^# narrative\/yoy/);
    expect(run(['explain', 'yoy']).err).toContain('narrative/yoy');
  });
});
