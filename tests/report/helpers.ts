import { buildReport, check, type CheckOptions } from '../../src/index.js';
import type { Location } from '../../src/document.js';
import type { FileReport, Report } from '../../src/report/types.js';
import type { Finding, Severity } from '../../src/rules/types.js';
import { fixture } from '../helpers.js';

export const REFERENCE = 'fixtures/wuerhe-2022/budget.xlsx';
export const TRUNCATED = 'fixtures/bad/truncated.xlsx';

const cache = new Map<string, Promise<Report>>();

/** check() on fixture files (paths relative to fixtures/ are turned into repository-relative ones), cached. */
export function checked(files: string[], opts: CheckOptions = {}): Promise<Report> {
  // the reference workbook has its narrative beside it; these tests are about the tables' findings
  const o = { companions: false, ...opts };
  const key = JSON.stringify([files, o]);
  if (!cache.has(key)) cache.set(key, check(files, o));
  return cache.get(key)!;
}

/** The reference workbook and a truncated one, checked from the repository root as the CLI would. */
export function referenceAndTruncated(lang: 'zh' | 'en' = 'zh'): Promise<Report> {
  return checked([REFERENCE, TRUNCATED], { lang });
}

export { fixture };

let n = 0;
export function finding(over: Partial<Finding> & { severity?: Severity } = {}): Finding {
  n++;
  return {
    ruleId: 'table/sum-of-parts',
    severity: 'error',
    message: `problem ${n}`,
    messageId: 'x',
    locations: [{ sheet: '表一', cell: `B${n}` }],
    subject: { table: 'income-expenditure', row: `row ${n}`, column: 'amount' },
    ...over,
  };
}

export function fileReport(file: string, findings: Finding[], over: Partial<FileReport> = {}): FileReport {
  return { file, unit: { name: '测试单位', code: '001' }, year: 2022, tables: [], findings, error: null, ...over };
}

export function report(files: FileReport[]): Report {
  return buildReport(files);
}

export function at(sheet: string, cell: string): Location {
  return { sheet, cell };
}
