/**
 * --format markdown: a summary line, then per file a table of findings
 * (位置 | 级别 | 规则 | 说明 | 应为 | 实为 | 相差). Cell text is escaped so that `|`, newlines and
 * markdown/HTML syntax in the source cannot break the table.
 */
import type { Lang } from '../messages.js';
import type { Finding } from '../rules/types.js';
import { WORDS, fileHeading, severityWord, summaryText, where, withUnit } from './common.js';
import type { FileReport, Report } from './types.js';

export interface MarkdownOptions {
  lang: Lang;
  /** Heading level of the title (files get one more). Default 1. */
  level?: number;
}

export function formatMarkdown(report: Report, opts: MarkdownOptions): string {
  const level = opts.level ?? 1;
  const w = WORDS[opts.lang];
  const out = [`${'#'.repeat(level)} ${w.title}`, '', `${mark(report)} ${escapeMd(summaryText(report, opts.lang))}`, ''];
  for (const f of report.files) out.push(...fileSection(f, opts.lang, level + 1), '');
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function mark(report: Report): string {
  if (report.summary.errors > 0 || report.files.some((f) => f.error)) return '✖';
  return report.summary.warnings > 0 ? '⚠' : '✔';
}

function fileSection(f: FileReport, lang: Lang, level: number): string[] {
  const w = WORDS[lang];
  const out = [`${'#'.repeat(level)} ${escapeMd(f.file)}`, ''];
  const head = fileHeading(f, lang);
  if (head) out.push(escapeMd(head), '');
  if (f.error) {
    const code = `\`${f.error.code.replace(/`/g, '')}\``;
    out.push(lang === 'zh' ? `✖ **${w.unreadable}**：${escapeMd(f.error.message)}（${code}）` : `✖ **${w.unreadable}**: ${escapeMd(f.error.message)} (${code})`);
    return out;
  }
  if (f.findings.length === 0) {
    out.push(`✔ ${w.none}`);
    return out;
  }
  out.push(...findingsTable(f.findings, lang));
  return out;
}

/** The table header and one row per finding. */
export function findingsTable(findings: Finding[], lang: Lang, fileColumn?: (f: Finding) => string): string[] {
  const w = WORDS[lang];
  const cols = [...(fileColumn ? [w.file] : []), w.location, w.severity, w.rule, w.message, w.expected, w.actual, w.gap];
  const out = [`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`];
  for (const f of findings) out.push(findingRow(f, lang, fileColumn));
  return out;
}

export function findingRow(f: Finding, lang: Lang, fileColumn?: (f: Finding) => string): string {
  const w = WORDS[lang];
  const more = f.locations.length - 1;
  const at = (where(f.locations[0], lang) || w.whole) + (more > 0 ? (lang === 'zh' ? `（另有 ${more} 处）` : ` (+${more} more)`) : '');
  const cells = [
    ...(fileColumn ? [escapeMd(fileColumn(f))] : []),
    escapeMd(at),
    severityWord(f.severity, lang),
    `\`${f.ruleId.replace(/`/g, '')}\``,
    escapeMd(f.message),
    escapeMd(withUnit(f.expected, f)),
    escapeMd(withUnit(f.actual, f)),
    escapeMd(withUnit(f.gap, f)),
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * Escapes text for a markdown table cell: backslash and markdown punctuation get a backslash,
 * `|` becomes `\|`, < and > become entities (no raw HTML), newlines become <br>.
 */
export function escapeMd(s: string): string {
  return s
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}
