/**
 * Checking files: load → recognize → narrative → rules, one file at a time. The library entry
 * (index.ts) re-exports this with the formatters; the command line imports only what it uses.
 */
import { statSync } from 'node:fs';
import type { Document, Location } from './document.js';
import { LoadError } from './load/errors.js';
import { loadDocument } from './load/index.js';
import { errorMessage, type Lang } from './messages.js';
import type { Disclosure, RoundingMode } from './model.js';
import { readNarrative } from './narrative/index.js';
import { recognize } from './recognize/index.js';
import { placeKey, sortFindings } from './report/sort.js';
import type { FileReport, Report } from './report/types.js';
import { runRules } from './rules/engine.js';
import { profileById } from './rules/profiles.js';
import type { Severity } from './rules/types.js';
import { toolVersion } from './version.js';

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
  /** Keep each table's source rows in the report (for the html format); off keeps batches small. */
  views?: boolean;
  /** Read a narrative file beside a workbook (default true). */
  companions?: boolean;
  /** The narrative to read with a workbook (else a .docx/.txt/.md beside it with the same name). */
  textFile?: string;
  /** Rethrow unexpected errors instead of reporting them (for --debug). */
  debug?: boolean;
}

/** Checks each file and returns one report. A file that cannot be read gets an error, not an exception. */
export async function check(files: string[], options: CheckOptions = {}): Promise<Report> {
  const reports: FileReport[] = [];
  for (const file of files) {
    // a narrative beside a workbook in the same list is read with it, not on its own
    if (!options.textFile && options.companions !== false && isCompanionOf(file, files)) continue;
    reports.push(await checkFile(file, options));
  }
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
  let companions: string[] = [];
  try {
    doc = await loadDocument(file);
    if (doc.format === 'xlsx' || doc.format === 'xls' || doc.format === 'csv') {
      companions = options.textFile ? [options.textFile] : options.companions === false ? [] : await findCompanions(file);
      for (const c of companions) doc = await withCompanion(doc, c);
    }
    const disclosure = recognize(doc, {
      rounding: options.rounding,
      expected: { name: options.expected?.unitName, code: options.expected?.unitCode, year: options.expected?.year },
    });
    disclosure.narrative = readNarrative(disclosure);
    if (disclosure.tables.length === 0 && disclosure.narrative.statements.length === 0) throw new LoadError('E_NO_TABLES');
    const report = checkDisclosure(disclosure, options);
    return companions.length ? { ...report, companions } : report;
  } catch (e) {
    if (e instanceof LoadError) return failed(file, e.code, errorMessage(e.code, e.params, lang));
    if (options.debug) throw e;
    return failed(file, 'E_INTERNAL', lang === 'zh' ? `检查时出错：${(e as Error).message}` : `internal error: ${(e as Error).message}`);
  }
}

/** Narrative files beside a workbook with the same base name: budget.xlsx → budget.docx / .txt / .md. */
export async function findCompanions(file: string): Promise<string[]> {
  const base = file.replace(/\.[^./\\]+$/, '');
  const out: string[] = [];
  // asked once per workbook, and usually answered "no such file": a failed stat that throws
  // costs more than reading a small workbook's tables, so ask without throwing
  for (const ext of COMPANION_EXTS) {
    const info = statSync(base + ext, { throwIfNoEntry: false });
    if (info?.isFile()) out.push(base + ext);
  }
  return out.slice(0, 1);
}

const COMPANION_EXTS = ['.docx', '.txt', '.md'];

/** Whether a file is the narrative companion of a workbook that is also in the list. */
export function isCompanionOf(file: string, others: string[]): boolean {
  const m = /^(.*)(\.(?:docx|txt|md))$/i.exec(file);
  if (!m) return false;
  return others.some((o) => o !== file && /\.(xlsx|xls|csv)$/i.test(o) && o.replace(/\.[^./\\]+$/, '') === m[1]);
}

/** The companion's streams added to the workbook's, every location naming the companion file. */
async function withCompanion(doc: Document, file: string): Promise<Document> {
  const c = await loadDocument(file);
  const stamp = (at: Location) => {
    at.file = file;
  };
  for (const s of c.streams) {
    s.storedValues = c.storedValues;
    for (const r of s.rows) {
      stamp(r.at);
      for (const cell of r.cells) if (cell.at !== r.at) stamp(cell.at);
    }
  }
  return { ...doc, streams: [...doc.streams, ...c.streams] };
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
    findings: findings.length > 1 ? sortFindings(findings, tables, readingOrder(d)) : findings,
    error: null,
    views: options.views === false ? undefined : d.tables.map((t) => ({
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

/** Every row and cell location of the document, numbered in reading order. */
function readingOrder(d: Disclosure): Map<string, number> {
  const order = new Map<string, number>();
  let n = 0;
  for (const s of d.document.streams) {
    for (const r of s.rows) {
      n++;
      if (!order.has(placeKey(r.at))) order.set(placeKey(r.at), n);
      for (const c of r.cells) if (!order.has(placeKey(c.at))) order.set(placeKey(c.at), n);
    }
  }
  return order;
}
