/**
 * budget-check as a library: check(files, options) → Report.
 * load → recognize → rules → report (docs/architecture.md).
 */
import type { Document } from './document.js';
import { LoadError } from './load/errors.js';
import { loadDocument } from './load/index.js';
import { errorMessage, type Lang } from './messages.js';
import type { Disclosure, RoundingMode } from './model.js';
import { readNarrative } from './narrative/index.js';
import { recognize } from './recognize/index.js';
import { sortFindings } from './report/sort.js';
import type { FileReport, Report } from './report/types.js';
import { runRules } from './rules/engine.js';
import { profileById } from './rules/profiles.js';
import type { Severity } from './rules/types.js';
import { toolVersion } from './version.js';

export type { Report, FileReport } from './report/types.js';
export type { Finding, Severity } from './rules/types.js';
export type { Disclosure, Table, TableRow, Figure, RoundingMode } from './model.js';
export type { Document, Location } from './document.js';
export { RULES } from './rules/registry.js';
export { loadDocument } from './load/index.js';
export { recognize } from './recognize/index.js';

export interface CheckOptions {
  lang?: Lang;
  rounding?: RoundingMode;
  /** Table profile id (unit, department, shanghai); chosen from the disclosure when absent. */
  profile?: string;
  /** Only these rules / not these rules / severity per rule. */
  rules?: string[];
  skipRules?: string[];
  severities?: Record<string, Severity | 'off'>;
  /** What the disclosure is expected to say: wins over what the tables say. */
  expected?: { unitName?: string; unitCode?: string; year?: number };
  /** Rethrow unexpected errors instead of reporting them (for --debug). */
  debug?: boolean;
}

/** Checks each file and returns one report. A file that cannot be read gets an error, not an exception. */
export async function check(files: string[], options: CheckOptions = {}): Promise<Report> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(file, options));
  return buildReport(reports);
}

export function buildReport(files: FileReport[]): Report {
  const all = files.flatMap((f) => f.findings);
  return {
    version: 1,
    tool: { name: 'budget-check', version: toolVersion() },
    files,
    summary: {
      files: files.length,
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      infos: all.filter((f) => f.severity === 'info').length,
    },
  };
}

export async function checkFile(file: string, options: CheckOptions = {}): Promise<FileReport> {
  const lang = options.lang ?? 'zh';
  let doc: Document;
  try {
    doc = await loadDocument(file);
    const disclosure = recognize(doc, {
      rounding: options.rounding,
      expected: { name: options.expected?.unitName, code: options.expected?.unitCode, year: options.expected?.year },
    });
    disclosure.narrative = readNarrative(disclosure);
    if (disclosure.tables.length === 0 && disclosure.narrative.statements.length === 0) throw new LoadError('E_NO_TABLES');
    return checkDisclosure(disclosure, options);
  } catch (e) {
    if (e instanceof LoadError) return failed(file, e.code, errorMessage(e.code, e.params, lang));
    if (options.debug) throw e;
    return failed(file, 'E_INTERNAL', lang === 'zh' ? `检查时出错：${(e as Error).message}` : `internal error: ${(e as Error).message}`);
  }
}

export function checkDisclosure(d: Disclosure, options: CheckOptions = {}): FileReport {
  const profile = options.profile ? profileById(options.profile) : undefined;
  const findings = runRules(d, {
    lang: options.lang,
    profile,
    only: options.rules,
    skip: options.skipRules,
    severities: options.severities,
  });
  const tables = d.tables.map((t) => ({ id: t.id, title: t.title.value, label: t.label, at: t.at }));
  return {
    file: d.file,
    unit: { name: d.unit.name, code: d.unit.code },
    year: d.year,
    tables,
    findings: sortFindings(findings, tables),
    error: null,
    views: d.tables.map((t) => ({
      id: t.id,
      title: t.title.value,
      label: t.label,
      rows: t.source.map((r) => r.cells.map((c) => ({ text: c.text, at: c.at, colSpan: c.colSpan, rowSpan: c.rowSpan, covered: c.covered }))),
    })),
  };
}

function failed(file: string, code: string, message: string): FileReport {
  return { file, unit: null, year: null, tables: [], findings: [], error: { code, message } };
}
