import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { run, scratch } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The arguments of the README's GitHub Actions step (`- run: npx budget-check …`). */
function readmeStep(): string[] {
  const line = readme.split('\n').find((l) => /^- run: npx budget-check /.test(l));
  expect(line, 'the README shows a GitHub Actions step').toBeTruthy();
  return line!.replace(/^- run: npx budget-check /, '').split(/\s+/).filter(Boolean);
}

describe('the GitHub Actions recipe of the README, reproduced', () => {
  it('writes SARIF that validates against the 2.1.0 schema and annotations within the limits', () => {
    const args = readmeStep();
    expect(args).toEqual(['-f', 'sarif', '-o', 'budget-check.sarif', '-f', 'github', 'disclosures/']);
    const dir = scratch({
      'disclosures/unit-a/budget.xlsx': 'wuerhe-2022/budget.xlsx',
      'disclosures/unit-a/budget.docx': 'wuerhe-2022/budget.docx',
      'disclosures/unit-b/budget.xlsx': 'wuerhe-2022-clean/budget.xlsx',
      'disclosures/unit-c/budget.xlsx': 'rules/table/sum-of-parts/fail.xlsx',
    });
    const r = run(args, dir, { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'budget-check.sarif'), 'utf8'));
    const ajv = new Ajv({
      strict: false,
      formats: { uri: (s: string) => URL.canParse(s), 'uri-reference': (s: string) => /^[\x21-\x7e]*$/.test(s), 'date-time': (s: string) => !Number.isNaN(Date.parse(s)) },
    });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'tests/schemas/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(sarif), ajv.errorsText(validate.errors)).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(20);
    const lines = r.out.split('\n').filter(Boolean);
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors.length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBeLessThanOrEqual(10);
    expect(lines[lines.length - 1]).toMatch(/^::notice::另有 \d+ 个问题未显示为注释/);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| disclosures\/unit-c\/budget\.xlsx \| 表三!E10（另有 1 处） \| 错误 \| `table\/sum-of-parts` \|/);
  });
});
