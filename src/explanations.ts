/**
 * 审核说明: written explanations that accept individual findings (warnings) without silencing the
 * check. An entry names a finding by what it is about — rule, table, row, column — never by a
 * cell address, so inserting a row keeps it valid. Accepted findings still appear, marked 已说明.
 * An entry that matches nothing any more is itself an error; an error cannot be explained away
 * unless the configuration lowers that rule.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Document as YamlDocument, isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { z } from 'zod';
import type { FileReport, Report } from './report/types.js';
import type { Finding } from './rules/types.js';

const entrySchema = z
  .object({
    file: z.string().optional(),
    rule: z.string().min(1),
    table: z.string().optional(),
    row: z.string().optional(),
    column: z.string().optional(),
    text: z.string().optional(),
    reason: z.string().default(''),
    by: z.union([z.string(), z.number()]).transform(String).default(''),
    date: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)).default(''),
  })
  .strict();

export type Explanation = z.infer<typeof entrySchema> & { line?: number };

export interface ExplanationsFile {
  file: string;
  entries: Explanation[];
}

export class ExplanationsError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly detail: string,
  ) {
    super(`${file}: ${key}: ${detail}`);
  }
}

export function readExplanations(file: string): ExplanationsFile {
  if (!existsSync(file)) return { file, entries: [] };
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length) throw new ExplanationsError(file, '', doc.errors[0].message.split('\n')[0]);
  const list = doc.get('explanations', true);
  if (list === undefined || list === null) return { file, entries: [] };
  if (!isSeq(list)) throw new ExplanationsError(file, 'explanations', 'must be a list');
  const lineOf = lineCounter(text);
  const entries: Explanation[] = [];
  (list as YAMLSeq).items.forEach((item, i) => {
    const r = entrySchema.safeParse((item as { toJSON(): unknown }).toJSON());
    if (!r.success) {
      const issue = r.error.issues[0];
      const key = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.');
      throw new ExplanationsError(file, `explanations[${i}].${key}`, issue.message);
    }
    const range = (item as { range?: [number, number, number] }).range;
    entries.push({ ...r.data, line: range ? lineOf(range[0]) : undefined });
  });
  return { file, entries };
}

function lineCounter(text: string): (offset: number) => number {
  return (offset) => text.slice(0, offset).split('\n').length;
}

/** What a finding is about, as an explanation names it. */
export function findingKey(f: Finding): { rule: string; table?: string; row?: string; column?: string; text?: string } {
  const s = f.subject ?? {};
  return { rule: f.ruleId, ...(s.table ? { table: s.table } : {}), ...(s.row ? { row: s.row } : {}), ...(s.column ? { column: s.column } : {}), ...(s.text ? { text: s.text } : {}) };
}

function matches(e: Explanation, f: Finding, file: string): boolean {
  if (e.file && !sameFile(e.file, file)) return false;
  const k = findingKey(f);
  return e.rule === k.rule && (e.table ?? '') === (k.table ?? '') && (e.row ?? '') === (k.row ?? '') && (e.column ?? '') === (k.column ?? '') && (e.text ?? '') === (k.text ?? '');
}

function sameFile(entry: string, file: string): boolean {
  const a = entry.replace(/\\/g, '/');
  const b = file.replace(/\\/g, '/');
  return a === b || b.endsWith('/' + a) || basename(a) === basename(b) && !a.includes('/');
}

/**
 * Marks explained findings and adds the explanation problems. `lowered` lists rules whose
 * severity the configuration changed (only those may have their errors explained).
 */
export function applyExplanations(report: Report, ex: ExplanationsFile, lang: 'zh' | 'en', lowered: Set<string>): Report {
  const used = new Set<Explanation>();
  const files: FileReport[] = report.files.map((fr) => {
    if (fr.error) return fr;
    const extra: Finding[] = [];
    const findings = fr.findings.map((f) => {
      const e = ex.entries.find((x) => matches(x, f, fr.file));
      if (!e) return f;
      used.add(e);
      if (f.severity === 'error' && !lowered.has(f.ruleId)) {
        extra.push(problem('explanation/not-allowed', ex.file, e, fr.file, lang));
        return f;
      }
      if (!e.reason.trim()) return f;
      return { ...f, explained: { reason: e.reason, by: e.by, date: e.date } };
    });
    return { ...fr, findings: [...findings, ...extra] };
  });
  // entries that no longer match anything checked in this run
  for (const e of ex.entries) {
    if (used.has(e)) continue;
    const target = files.find((fr) => !fr.error && (!e.file || sameFile(e.file, fr.file)));
    if (!target) continue; // that file was not checked this time
    target.findings = [...target.findings, problem('explanation/stale', ex.file, e, target.file, lang)];
  }
  return { ...report, files, summary: summarize(files) };
}

function problem(ruleId: 'explanation/stale' | 'explanation/not-allowed', file: string, e: Explanation, checked: string, lang: 'zh' | 'en'): Finding {
  const what = [e.rule, e.table, e.row, e.column, e.text].filter(Boolean).join(' / ');
  const message =
    ruleId === 'explanation/stale'
      ? lang === 'zh'
        ? `审核说明不再对应任何问题：${what}（可用 --prune 删除）`
        : `The explanation matches no finding any more: ${what} (remove it with --prune)`
      : lang === 'zh'
        ? `错误不能用审核说明解除：${what}（须先在配置中调低该规则的级别）`
        : `An error cannot be explained away: ${what} (lower the rule's severity in the configuration first)`;
  return {
    ruleId,
    severity: 'error',
    messageId: ruleId.split('/')[1],
    message,
    locations: [{ file, ...(e.line ? { line: e.line } : {}), excerpt: what }],
    expected: null,
    actual: null,
    subject: { text: `${checked}|${what}` },
  };
}

export function summarize(files: FileReport[]): Report['summary'] {
  const all = files.flatMap((f) => f.findings);
  return {
    files: files.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
    explained: all.filter((f) => f.explained).length,
  };
}

const HEADER = `# 审核说明：对个别警告的书面说明（reason 理由、by 说明人、date 日期）。
# 每条说明按“规则 + 表 + 行 + 列”对应一个问题，不依赖单元格地址，插入行后仍然有效。
# 已说明的问题仍会列出，标为“已说明”；不再对应任何问题的说明会报错（用 --prune 删除）。
# 错误级别的问题不能用说明解除，除非在配置文件中调低该规则的级别。
`;

/** Adds an entry for every unexplained warning not yet in the file (reasons left to fill in). */
export function writeExplanations(file: string, report: Report): number {
  const doc = existsSync(file) ? parseDocument(readFileSync(file, 'utf8')) : new YamlDocument({ explanations: [] });
  if (!existsSync(file)) doc.commentBefore = HEADER.replace(/^# ?/gm, '').trimEnd();
  let list = doc.get('explanations', true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('explanations', list);
  }
  const existing = readEntries(doc);
  let added = 0;
  for (const fr of report.files) {
    for (const f of fr.findings) {
      if (f.severity !== 'warning' || f.explained || f.ruleId.startsWith('explanation/')) continue;
      const key = { file: basename(fr.file), ...findingKey(f) };
      if (existing.some((e) => matches(e, f, fr.file)) || added > 10000) continue;
      const map = new YAMLMap();
      for (const [k, v] of Object.entries({ ...key, reason: '', by: '', date: '' })) map.set(k, v);
      map.commentBefore = ` ${f.message}`;
      (list as YAMLSeq).items.push(map);
      existing.push({ ...key, reason: '', by: '', date: '' });
      added++;
    }
  }
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return added;
}

/** Removes the entries that match nothing in the report (never adds). */
export function pruneExplanations(file: string, report: Report): number {
  if (!existsSync(file)) return 0;
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const list = doc.get('explanations', true);
  if (!isSeq(list)) return 0;
  const checked = report.files.filter((f) => !f.error);
  const before = list.items.length;
  list.items = list.items.filter((item) => {
    const r = entrySchema.safeParse((item as { toJSON(): unknown }).toJSON());
    if (!r.success) return true;
    const e = r.data as Explanation;
    const relevant = checked.filter((fr) => !e.file || sameFile(e.file, fr.file));
    if (relevant.length === 0) return true;
    return relevant.some((fr) => fr.findings.some((f) => matches(e, f, fr.file)));
  });
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return before - list.items.length;
}

function readEntries(doc: YamlDocument): Explanation[] {
  const list = doc.get('explanations', true);
  if (!isSeq(list)) return [];
  return list.items.map((i) => (isMap(i) ? (entrySchema.safeParse(i.toJSON()).data as Explanation | undefined) : undefined)).filter((x): x is Explanation => !!x);
}
