/** Words, counts and small helpers shared by the CI formats (sarif, junit, github, markdown, html). */
import { packageFile } from '../paths.js';
import { readFileSync } from 'node:fs';
import { formatLocation, type Location } from '../document.js';
import type { Lang } from '../messages.js';
import type { Finding, Severity } from '../rules/types.js';
import type { FileReport, Report } from './types.js';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const WORDS = {
  zh: {
    title: 'budget-check 检查报告',
    error: '错误',
    warning: '警告',
    info: '提示',
    whole: '全册',
    also: '另见',
    location: '位置',
    severity: '级别',
    rule: '规则',
    message: '说明',
    expected: '应为',
    actual: '实为',
    gap: '相差',
    file: '文件',
    none: '未发现问题',
    unreadable: '无法读取',
    problems: (n: number, e: number, w: number, i: number) => `共 ${n} 个问题（${e} 个错误，${w} 个警告，${i} 个提示）`,
    files: (n: number) => `检查了 ${n} 个文件`,
    unreadableFiles: (n: number) => `${n} 个文件无法读取`,
    year: (y: number) => `${y}年`,
    more: (n: number) => `等 ${n} 处`,
    sep: '；',
  },
  en: {
    title: 'budget-check report',
    error: 'error',
    warning: 'warning',
    info: 'info',
    whole: 'Whole disclosure',
    also: 'see also',
    location: 'Location',
    severity: 'Severity',
    rule: 'Rule',
    message: 'Message',
    expected: 'Expected',
    actual: 'Stated',
    gap: 'Gap',
    file: 'File',
    none: 'no problems found',
    unreadable: 'cannot be read',
    problems: (n: number, e: number, w: number, i: number) =>
      `${n} problem${n === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info)`,
    files: (n: number) => `${n} file${n === 1 ? '' : 's'} checked`,
    unreadableFiles: (n: number) => `${n} file${n === 1 ? '' : 's'} could not be read`,
    year: (y: number) => `${y}`,
    more: (n: number) => `and ${n} more`,
    sep: '; ',
  },
} as const;

export function severityWord(s: Severity, lang: Lang): string {
  return WORDS[lang][s];
}

/** "共 9 个问题（9 个错误，0 个警告，0 个提示）；2 个文件无法读取" — the same words as the stylish summary. */
export function summaryText(report: Report, lang: Lang): string {
  const w = WORDS[lang];
  const { errors, warnings, infos } = report.summary;
  const n = errors + warnings + infos;
  const bad = report.files.filter((f) => f.error).length;
  const parts = [n === 0 ? w.none : w.problems(n, errors, warnings, infos)];
  if (report.files.length > 1) parts.push(w.files(report.files.length));
  if (bad) parts.push(w.unreadableFiles(bad));
  return parts.join(w.sep);
}

/** "乌尔禾区政府办公室（002002）  2022年", or "" when nothing is known. */
export function fileHeading(f: FileReport, lang: Lang): string {
  const parts: string[] = [];
  if (f.unit?.name) parts.push(f.unit.name + (f.unit.code ? (lang === 'zh' ? `（${f.unit.code}）` : ` (${f.unit.code})`) : ''));
  if (f.year) parts.push(WORDS[lang].year(f.year));
  return parts.join('  ');
}

export function where(at: Location | undefined, lang: Lang): string {
  return at ? formatLocation(at, lang) : '';
}

/** A value with its amount unit, or "" when there is no value. */
export function withUnit(value: string | null | undefined, f: Finding): string {
  if (value === undefined || value === null || value === '') return '';
  return f.unit ? `${value} ${f.unit}` : value;
}

/** "应为 551.00 万元，实为 550.00 万元，相差 1.00 万元" for a finding with a gap, else "". */
export function valuesText(f: Finding, lang: Lang): string {
  if (!f.expected || f.gap === undefined || f.gap === null || f.gap === '') return '';
  const w = WORDS[lang];
  const sep = lang === 'zh' ? '，' : ', ';
  return [`${w.expected} ${withUnit(f.expected, f)}`, `${w.actual} ${withUnit(f.actual, f) || '—'}`, `${w.gap} ${withUnit(f.gap, f)}`].join(sep);
}

/** Findings of every file, highest severity first, in report order within a severity. */
export function bySeverity(report: Report): { file: FileReport; finding: Finding }[] {
  return report.files
    .flatMap((file) => file.findings.map((finding) => ({ file, finding })))
    .map((x, i) => ({ x, i }))
    .sort((a, b) => SEVERITY_RANK[a.x.finding.severity] - SEVERITY_RANK[b.x.finding.severity] || a.i - b.i)
    .map(({ x }) => x);
}

export function posixPath(file: string): string {
  return file.replace(/\\/g, '/');
}

export function baseName(file: string): string {
  const p = posixPath(file);
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Removes characters XML 1.0 does not allow (C0 controls other than tab, newline, return; lone surrogates; U+FFFE/FFFF). */
export function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Escapes text for XML/HTML element content and attribute values (both quote kinds). */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// --- package data read from disk once: the rule doc pages and the homepage ----------------------

const docCache = new Map<string, string | null>();

/**
 * The rule's documentation page (docs/rules/<id>.md), or null when it is missing. The path is
 * resolved from this module, which sits two levels below the package root both in src/ and dist/.
 */
export function ruleDoc(id: string): string | null {
  if (!/^[a-z-]+\/[a-z-]+$/.test(id)) return null;
  if (!docCache.has(id)) {
    let text: string | null = null;
    try {
      text = readFileSync(packageFile('docs', 'rules', `${id}.md`), 'utf8');
    } catch {
      text = null;
    }
    docCache.set(id, text);
  }
  return docCache.get(id) ?? null;
}

let homepageCache: string | null | undefined;

/** package.json `homepage`, or null when the package does not set one. */
export function packageHomepage(): string | null {
  if (homepageCache === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { homepage?: unknown };
      homepageCache = typeof pkg.homepage === 'string' && pkg.homepage.trim() ? pkg.homepage.trim() : null;
    } catch {
      homepageCache = null;
    }
  }
  return homepageCache;
}
