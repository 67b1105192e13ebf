/** The default output: findings grouped by table, each with where, what and by how much. */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { formatLocation } from '../document.js';
import type { Lang } from '../messages.js';
import type { Finding } from '../rules/types.js';
import { summaryText, WORDS } from './common.js';
import type { FileReport, Report } from './types.js';

export interface StylishOptions {
  lang: Lang;
  color: boolean;
}


export function formatStylish(report: Report, opts: StylishOptions): string {
  const c: ChalkInstance = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  for (const f of report.files) lines.push(...fileBlock(f, opts, c), '');
  if (report.files.length > 1) lines.push(summaryTable(report, opts), '');
  const { errors, warnings } = report.summary;
  const bad = report.files.some((f) => f.error);
  const mark = errors > 0 || bad ? c.red.bold('✖') : warnings > 0 ? c.yellow.bold('⚠') : c.green.bold('✔');
  lines.push(`${mark} ${summaryText(report, opts.lang)}`);
  return lines.join('\n') + '\n';
}

function fileBlock(f: FileReport, opts: StylishOptions, c: ChalkInstance): string[] {
  const w = WORDS[opts.lang];
  const out: string[] = [];
  const head = [c.underline(f.file)];
  if (f.unit?.name) head.push(f.unit.name + (f.unit.code ? `（${f.unit.code}）` : ''));
  if (f.year) head.push(w.year(f.year));
  out.push(head.join('  '));
  if (f.error) {
    out.push(`  ${c.red(w.error)}  ${f.error.message}  ${c.dim(f.error.code)}`);
    return out;
  }
  const groups = new Map<string, Finding[]>();
  for (const finding of f.findings) {
    const key = finding.table ?? '';
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const [key, list] of groups) {
    const t = f.tables.find((x) => x.id === key);
    out.push(`  ${c.bold(t ? (t.label ? `${t.label} ${t.title}` : t.title) : w.whole)}`);
    for (const finding of list) out.push(...findingLines(finding, opts, c));
  }
  return out;
}

function findingLines(f: Finding, opts: StylishOptions, c: ChalkInstance): string[] {
  const w = WORDS[opts.lang];
  const sev = f.severity === 'error' ? c.red(w.error) : f.severity === 'warning' ? c.yellow(w.warning) : c.blue(w.info);
  const where = f.locations[0] ? formatLocation(f.locations[0], opts.lang) : '';
  const lines = [`    ${where ? c.dim(where) + '  ' : ''}${sev}  ${f.message}  ${c.dim(f.ruleId)}`];
  if (f.explained) lines.push(`        ${c.green(opts.lang === 'zh' ? `已说明：${f.explained.reason}（${f.explained.by}，${f.explained.date}）` : `explained: ${f.explained.reason} (${f.explained.by}, ${f.explained.date})`)}`);
  if (f.expected && f.actual !== undefined && f.gap) {
    const unit = f.unit ? ` ${f.unit}` : '';
    lines.push(`        ${c.dim(`${w.expected} ${f.expected}${unit}  ${w.actual} ${f.actual || '—'}${unit}  ${w.gap} ${f.gap}${unit}`)}`);
  }
  const more = f.locations.slice(1).map((l) => formatLocation(l, opts.lang)).filter(Boolean);
  if (more.length) {
    const shown = more.slice(0, 6).join('、');
    const rest = more.length > 6 ? (opts.lang === 'zh' ? ` 等 ${more.length} 处` : ` and ${more.length - 6} more`) : '';
    lines.push(`        ${c.dim(`${w.also} ${shown}${rest}`)}`);
  }
  return lines;
}

/** One row per file: unit, year, counts and status (cli-table3, no colours in the table). */
function summaryTable(report: Report, opts: StylishOptions): string {
  const zh = opts.lang === 'zh';
  const table = new Table({
    head: zh ? ['文件', '单位', '年度', '错误', '警告', '提示', '结果'] : ['file', 'unit', 'year', 'errors', 'warnings', 'info', 'result'],
    style: { head: [], border: [] },
  });
  for (const f of report.files) {
    const e = f.findings.filter((x) => x.severity === 'error').length;
    const w = f.findings.filter((x) => x.severity === 'warning' && !x.explained).length;
    const i = f.findings.filter((x) => x.severity === 'info').length;
    const result = f.error ? (zh ? `无法读取（${f.error.code}）` : `unreadable (${f.error.code})`) : e ? (zh ? '不通过' : 'fail') : w ? (zh ? '有警告' : 'warnings') : zh ? '通过' : 'pass';
    table.push([f.file, f.unit?.name ?? '', f.year ?? '', e, w, i, result]);
  }
  return table.toString();
}
