/**
 * --format sarif: SARIF 2.1.0 (OASIS), shaped for GitHub code scanning.
 *
 * Facts this relies on:
 * - SARIF 2.1.0 §3.49.12 (reportingDescriptor.helpUri): the value is an *absolute* URI (RFC 3986);
 *   the schema gives it `"format": "uri"`, and `artifactLocation.uri` `"format": "uri-reference"`
 *   (relative allowed). helpUri is the --docs-url folder when given, else the page under the
 *   package.json `homepage`, else the file: URI of the page installed with the tool.
 * - GitHub "SARIF support for code scanning": rules need shortDescription.text,
 *   fullDescription.text (≤ 1024 characters) and help.text; help.markdown is shown instead of
 *   help.text when present; a result needs message.text, at least one location (only the first is
 *   used) with artifactLocation.uri relative to the repository root, and `region.startLine`;
 *   partialFingerprints are used to recognise the same alert across runs, and GitHub "only uses
 *   primaryLocationLineHash". Microsoft's SARIF validator rule GH1003 also requires region.startLine.
 *   A workbook has no lines, so a cell location gets region { startLine: 1 } and the cell itself as
 *   a logical location.
 * - result.relatedLocations and location.logicalLocations are arrays of *unique* items in the
 *   2.1.0 schema, so duplicates are dropped.
 */
import { pathToFileURL } from 'node:url';
import { packageFile } from '../paths.js';
import { createHash } from 'node:crypto';
import type { Location } from '../document.js';
import type { Lang } from '../messages.js';
import { RULES } from '../rules/registry.js';
import type { Finding, Rule, Severity } from '../rules/types.js';
import { baseName, packageHomepage, posixPath, ruleDoc, valuesText, where } from './common.js';
import type { FileReport, Report } from './types.js';

export interface SarifOptions {
  lang: Lang;
  /**
   * Absolute URI (ending in "/") of the directory relative file paths were given from, recorded as
   * run.originalUriBaseIds["%SRCROOT%"]. Optional; the CLI passes the working directory.
   */
  srcRoot?: string;
  /** Overrides package.json `homepage` (null: no helpUri). */
  homepage?: string | null;
  /** Where the rule pages are published (a folder URL: <docsUrl><group>/<name>.md). */
  docsUrl?: string;
  /** Overrides reading docs/rules/<id>.md (for tests). */
  ruleDoc?: (id: string) => string | null;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of our own fingerprint in result.partialFingerprints. */
export const FINGERPRINT_KEY = 'budgetCheck/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

export function formatSarif(report: Report, opts: SarifOptions): string {
  return JSON.stringify(toSarif(report, opts), null, 2) + '\n';
}

export function toSarif(report: Report, opts: SarifOptions): Record<string, unknown> {
  const failed = report.files.filter((f) => f.error);
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'budget-check',
        version: report.tool.version,
        ...(semver(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
        ...(homepageOf(opts) ? { informationUri: homepageOf(opts) } : {}),
        rules: RULES.map((r) => ruleDescriptor(r, opts)),
      },
    },
    language: opts.lang === 'zh' ? 'zh-CN' : 'en-US',
    ...(opts.srcRoot ? { originalUriBaseIds: { '%SRCROOT%': { uri: opts.srcRoot } } } : {}),
    invocations: [
      {
        executionSuccessful: failed.length === 0,
        toolExecutionNotifications: failed.map((f) => ({
          level: 'error',
          message: { text: `${f.file}: ${f.error!.message} (${f.error!.code})` },
          descriptor: { id: f.error!.code },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file) } }],
        })),
      },
    ],
    results: report.files.flatMap((f) => fileResults(f, opts)),
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function ruleDescriptor(rule: Rule, opts: SarifOptions): Record<string, unknown> {
  const title = rule.title[opts.lang];
  const doc = (opts.ruleDoc ?? ruleDoc)(rule.id);
  const home = homepageOf(opts);
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: title },
    fullDescription: { text: truncate(opts.lang === 'zh' ? `${title}（${rule.id}）` : `${title} (${rule.id})`, 1000) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    help: doc ? { text: markdownToText(doc), markdown: doc } : { text: title },
    helpUri: opts.docsUrl ? joinUri(opts.docsUrl, `${rule.id}.md`) : home ? joinUri(home, `blob/main/docs/rules/${rule.id}.md`) : pathToFileURL(packageFile('docs', 'rules', `${rule.id}.md`)).href,
    properties: { tags: ['budget', rule.id.split('/')[0]], precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[rule.severity] },
  };
}

function fileResults(f: FileReport, opts: SarifOptions): Record<string, unknown>[] {
  if (f.error) return [];
  const seen = new Map<string, number>();
  return f.findings.map((finding) => {
    const base = fingerprintInput(finding, f.file);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const hash = sha256(n === 1 ? base : `${base}#${n}`);
    const ruleIndex = RULES.findIndex((r) => r.id === finding.ruleId);
    const [first, ...rest] = finding.locations;
    const related = unique(rest.map((at) => JSON.stringify(at))).map((s) => JSON.parse(s) as Location);
    const values = valuesText(finding, opts.lang);
    return {
      ruleId: finding.ruleId,
      ...(ruleIndex >= 0 ? { ruleIndex } : {}),
      level: LEVEL[finding.severity],
      message: { text: values ? `${finding.message}${opts.lang === 'zh' ? `（${values}）` : ` (${values})`}` : finding.message },
      locations: [sarifLocation(f.file, first, opts.lang)],
      ...(related.length ? { relatedLocations: related.map((at, i) => ({ id: i + 1, ...sarifLocation(f.file, at, opts.lang) })) } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: hash, primaryLocationLineHash: `${hash.slice(0, 16)}:1` },
      properties: {
        ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
        ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
        ...(finding.gap !== undefined && finding.gap !== null ? { gap: finding.gap } : {}),
        ...(finding.unit ? { unit: finding.unit } : {}),
        ...(finding.table ? { table: finding.table } : {}),
      },
    };
  });
}

/**
 * What identifies a finding across runs: rule, subject (table kind, row, column, text — never a
 * cell address or message text) and the file's base name. A finding without a subject falls back
 * to its table id and its expected/stated values.
 */
export function fingerprintInput(f: Finding, file: string): string {
  const s = f.subject ?? { table: f.table, text: [f.expected ?? '', f.actual ?? ''].join('\u0000') };
  return JSON.stringify([f.ruleId, s.table ?? '', s.row ?? '', s.column ?? '', s.text ?? '', baseName(file)]);
}

/** sha256 hex of the finding's identity (the first occurrence in a file; see fileResults for repeats). */
export function fingerprint(f: Finding, file: string): string {
  return sha256(fingerprintInput(f, file));
}

function sarifLocation(file: string, at: Location | undefined, lang: Lang): Record<string, unknown> {
  const physicalLocation = { artifactLocation: artifactLocation(file), region: region(at) };
  if (!at) return { physicalLocation };
  const name = where(at, lang);
  const isTextLine = at.line !== undefined && at.page === undefined && at.sheet === undefined;
  return {
    physicalLocation,
    ...(name ? { message: { text: name } } : {}),
    ...(name && !isTextLine ? { logicalLocations: [{ name, kind: 'element', fullyQualifiedName: `${baseName(file)}/${name}` }] } : {}),
  };
}

/** A text or PDF line is a line; anything else (a workbook cell, a docx paragraph) has none, so line 1. */
function region(at: Location | undefined): { startLine: number } {
  return { startLine: at?.line !== undefined && at.line >= 1 ? at.line : 1 };
}

/** The path as given, with forward slashes; relative paths stay relative (to %SRCROOT%). */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const p = posixPath(file);
  const drive = /^([A-Za-z]):\//.exec(p);
  if (drive) return { uri: `file:///${drive[1]}:/${encodePath(p.slice(3))}` };
  if (p.startsWith('/')) return { uri: `file://${encodePath(p)}` };
  return { uri: encodePath(p.replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}

/** Percent-encodes each path segment (non-ASCII, spaces, %, #, ?, :) so the value is a URI reference. */
function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function homepageOf(opts: SarifOptions): string | null {
  const h = opts.homepage === undefined ? packageHomepage() : opts.homepage;
  if (!h) return null;
  try {
    return new URL(h).href;
  } catch {
    return null;
  }
}

function joinUri(base: string, path: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).href;
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function semver(v: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(v);
}

/** meta/unit-name → MetaUnitName */
function pascal(id: string): string {
  return id
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Markdown → readable plain text for help.text: no heading marks, emphasis or link syntax. */
export function markdownToText(md: string): string {
  return md
    .replace(/\r\n?/g, '\n')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^```.*$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
