/**
 * --format github: GitHub Actions workflow commands (`::error file=…,title=…::message`), one
 * annotation per finding, highest severity first, then one `::notice::` saying how many were left
 * out; and githubStepSummary(), the full list as markdown for $GITHUB_STEP_SUMMARY.
 *
 * Limits (actions/toolkit docs/problem-matchers.md, "Limitations", the documented numbers):
 *   "10 warning annotations, 10 error annotations, and 10 notice annotations per step;
 *    50 annotations per job (sum of annotations from all the steps)".
 * Annotations past these are silently dropped by GitHub, so at most 10 of each kind are written
 * (30 per step, under the 50 per job); when anything is left out, one notice slot is kept for the
 * line that says so. The step summary is capped at 1 MiB per step ("$GITHUB_STEP_SUMMARY upload
 * aborted, supports content up to a size of 1024k" — the runner's own message).
 *
 * Escaping (actions/runner src/Runner.Common/ActionCommand.cs, the escape mappings the runner
 * decodes): in the message, % → %25, \r → %0D, \n → %0A; in property values additionally
 * : → %3A and , → %2C. % is escaped first so the others are not escaped twice.
 *
 * `line=` is a line of the file: given for text files only. A workbook cell or a PDF page line has
 * no file line, so those annotations carry the file and put the cell or page in the title.
 */
import type { Lang } from '../messages.js';
import type { Finding, Severity } from '../rules/types.js';
import { WORDS, bySeverity, posixPath, summaryText, valuesText, where } from './common.js';
import { escapeMd, findingsTable } from './markdown.js';
import type { FileReport, Report } from './types.js';

export interface GithubOptions {
  lang: Lang;
}

/** Annotations GitHub shows per step, per kind (error, warning, notice). */
export const PER_STEP = 10;
/** Annotations GitHub shows per job; one step of ours never reaches it (3 × PER_STEP = 30). */
export const PER_JOB = 50;
/** $GITHUB_STEP_SUMMARY size limit per step, in bytes. */
export const SUMMARY_LIMIT = 1024 * 1024;

type Kind = 'error' | 'warning' | 'notice';
const KIND: Record<Severity, Kind> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: Report, opts: GithubOptions): string {
  const lang = opts.lang;
  // Files that could not be read are errors too, and come first.
  const items: { kind: Kind; line: string }[] = [
    ...report.files.filter((f) => f.error).map((f) => ({ kind: 'error' as Kind, line: fileErrorCommand(f, lang) })),
    ...bySeverity(report).map(({ file, finding }) => ({ kind: KIND[finding.severity], line: findingCommand(file, finding, lang) })),
  ];
  const total = { error: 0, warning: 0, notice: 0 };
  for (const it of items) total[it.kind]++;
  const leftOver = (kind: Kind, cap: number) => Math.max(0, total[kind] - cap);
  let noticeCap = PER_STEP;
  if (leftOver('error', PER_STEP) + leftOver('warning', PER_STEP) + leftOver('notice', PER_STEP) > 0) noticeCap = PER_STEP - 1;
  const cap: Record<Kind, number> = { error: PER_STEP, warning: PER_STEP, notice: noticeCap };
  const shown = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  let omitted = 0;
  for (const it of items) {
    if (shown[it.kind] < cap[it.kind] && lines.length < PER_JOB - 1) {
      shown[it.kind]++;
      lines.push(it.line);
    } else omitted++;
  }
  if (omitted > 0) lines.push(`::notice::${escapeData(leftOutText(omitted, lang))}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}

function leftOutText(n: number, lang: Lang): string {
  return lang === 'zh'
    ? `另有 ${n} 个问题未显示为注释（GitHub 每个步骤最多显示 ${PER_STEP} 个错误、${PER_STEP} 个警告和 ${PER_STEP} 个提示注释）；完整列表见作业摘要或 --format json 的输出`
    : `${n} more problem${n === 1 ? ' is' : 's are'} not shown as annotations (GitHub shows at most ${PER_STEP} error, ${PER_STEP} warning and ${PER_STEP} notice annotations per step); see the job summary or the --format json output for the full list`;
}

function findingCommand(file: FileReport, f: Finding, lang: Lang): string {
  const at = f.locations[0];
  const props: [string, string][] = [['file', posixPath(file.file)]];
  const textLine = at && at.line !== undefined && at.page === undefined && at.sheet === undefined;
  if (textLine) props.push(['line', String(at.line)]);
  const place = at && !textLine ? where(at, lang) : '';
  props.push(['title', place ? `${f.ruleId} ${place}` : f.ruleId]);
  const values = valuesText(f, lang);
  return command(KIND[f.severity], props, values ? `${f.message}\n${values}` : f.message);
}

function fileErrorCommand(f: FileReport, lang: Lang): string {
  const title = lang === 'zh' ? `budget-check：${WORDS.zh.unreadable}` : `budget-check: ${WORDS.en.unreadable}`;
  return command('error', [['file', posixPath(f.file)], ['title', title]], `${f.error!.message} (${f.error!.code})`);
}

function command(kind: Kind, props: [string, string][], message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${kind}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

/** Workflow-command message escaping: %, CR, LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property escaping: %, CR, LF, colon, comma. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The job summary: the summary line and one markdown table of every finding of every file
 * (unreadable files listed above it). Kept under GitHub's 1 MiB per step by dropping rows from the
 * end and saying how many.
 */
export function githubStepSummary(report: Report, opts: GithubOptions): string {
  const lang = opts.lang;
  const w = WORDS[lang];
  const head = [`## ${w.title}`, '', escapeMd(summaryText(report, lang)), ''];
  for (const f of report.files.filter((x) => x.error)) {
    const code = `\`${f.error!.code.replace(/`/g, '')}\``;
    const msg = escapeMd(f.error!.message);
    head.push(lang === 'zh' ? `- ✖ ${escapeMd(f.file)}：${msg}（${code}）` : `- ✖ ${escapeMd(f.file)}: ${msg} (${code})`);
  }
  if (head.length > 4) head.push('');
  const all = report.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
  if (all.length === 0) return head.join('\n').replace(/\n+$/, '') + '\n';
  const fileOf = new Map(all.map((x) => [x.finding, x.file.file]));
  const rows = findingsTable(
    all.map((x) => x.finding),
    lang,
    report.files.length > 1 ? (f) => fileOf.get(f) ?? '' : undefined,
  );
  const budget = SUMMARY_LIMIT - 1024; // room for the note below
  let text = head.join('\n');
  let used = Buffer.byteLength(text, 'utf8');
  let kept = 0;
  const out: string[] = [];
  for (const row of rows) {
    const size = Buffer.byteLength(row, 'utf8') + 1;
    if (used + size > budget) break;
    used += size;
    out.push(row);
    kept++;
  }
  text += '\n' + out.join('\n') + '\n';
  const dropped = rows.length - kept;
  if (dropped > 0) {
    text += lang === 'zh' ? `\n另有 ${dropped} 行因 GitHub 作业摘要 1 MiB 的大小限制未列出。\n` : `\n${dropped} more row${dropped === 1 ? '' : 's'} left out: GitHub limits a job summary to 1 MiB per step.\n`;
  }
  return text;
}
