/**
 * --format junit: JUnit XML for CI test reporters.
 *
 * One <testsuite> per file, one <testcase> per (file, rule) for every rule in RULES, so rules that
 * pass show up as passed cases. classname = the file, name = the rule id. A case with an
 * error-severity finding fails with one <failure> whose message summarises and whose body lists
 * every finding of that rule (location, message, expected/stated/gap); a case with only warnings or
 * infos passes and lists them in <system-out>. A file that could not be read is a suite with one
 * case that has an <error>.
 */
import type { Lang } from '../messages.js';
import { RULES } from '../rules/registry.js';
import type { Finding } from '../rules/types.js';
import { WORDS, escapeXml, severityWord, valuesText, where } from './common.js';
import type { FileReport, Report } from './types.js';

export interface JunitOptions {
  lang: Lang;
}

/** Name of the test case standing for reading the file, in a suite whose file could not be read. */
export const LOAD_CASE = 'load';

interface Case {
  name: string;
  failure?: { message: string; type: string; body: string };
  error?: { message: string; type: string; body: string };
  out?: string;
}

export function formatJunit(report: Report, opts: JunitOptions): string {
  const suites = report.files.map((f) => ({ file: f, cases: casesOf(f, opts.lang) }));
  const count = (pick: (c: Case) => boolean) => suites.reduce((n, s) => n + s.cases.filter(pick).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="budget-check" tests="${count(() => true)}" failures="${count((c) => !!c.failure)}" errors="${count((c) => !!c.error)}" skipped="0" time="0">`,
  ];
  for (const { file, cases } of suites) {
    const failures = cases.filter((c) => c.failure).length;
    const errors = cases.filter((c) => c.error).length;
    lines.push(`  <testsuite name="${escapeXml(file.file)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0">`);
    for (const c of cases) lines.push(...caseXml(file.file, c));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

function casesOf(f: FileReport, lang: Lang): Case[] {
  if (f.error) {
    return [{ name: LOAD_CASE, error: { message: f.error.message, type: f.error.code, body: `${f.file}: ${f.error.message} (${f.error.code})` } }];
  }
  return RULES.map((rule) => {
    const list = f.findings.filter((x) => x.ruleId === rule.id);
    if (list.length === 0) return { name: rule.id };
    const body = list.map((x) => findingText(x, lang)).join('\n');
    if (list.some((x) => x.severity === 'error')) return { name: rule.id, failure: { message: summary(list, lang), type: rule.id, body } };
    return { name: rule.id, out: body };
  });
}

function caseXml(file: string, c: Case): string[] {
  const open = `    <testcase classname="${escapeXml(file)}" name="${escapeXml(c.name)}" time="0"`;
  if (!c.failure && !c.error && !c.out) return [`${open}/>`];
  const out = [`${open}>`];
  if (c.failure) out.push(`      <failure message="${escapeXml(c.failure.message)}" type="${escapeXml(c.failure.type)}">${escapeXml(c.failure.body)}</failure>`);
  if (c.error) out.push(`      <error message="${escapeXml(c.error.message)}" type="${escapeXml(c.error.type)}">${escapeXml(c.error.body)}</error>`);
  if (c.out) out.push(`      <system-out>${escapeXml(c.out)}</system-out>`);
  out.push('    </testcase>');
  return out;
}

/** "3 个问题（2 个错误，1 个警告）：first message" */
function summary(list: Finding[], lang: Lang): string {
  const e = list.filter((x) => x.severity === 'error').length;
  const w = list.filter((x) => x.severity === 'warning').length;
  const i = list.length - e - w;
  const first = list.find((x) => x.severity === 'error') ?? list[0];
  if (lang === 'zh') {
    const parts = [`${e} 个错误`, ...(w ? [`${w} 个警告`] : []), ...(i ? [`${i} 个提示`] : [])];
    return `${list.length} 个问题（${parts.join('，')}）：${first.message}`;
  }
  const parts = [`${e} error${e === 1 ? '' : 's'}`, ...(w ? [`${w} warning${w === 1 ? '' : 's'}`] : []), ...(i ? [`${i} info`] : [])];
  return `${list.length} problem${list.length === 1 ? '' : 's'} (${parts.join(', ')}): ${first.message}`;
}

/** "表三!A3  错误  message" plus an indented line with expected/stated/gap and one with other places. */
function findingText(f: Finding, lang: Lang): string {
  const w = WORDS[lang];
  const head = [where(f.locations[0], lang) || w.whole, severityWord(f.severity, lang), f.message].join('  ');
  const lines = [head];
  const values = valuesText(f, lang);
  if (values) lines.push(`    ${values}`);
  else if (f.expected || f.actual) {
    const parts = [f.expected ? `${w.expected} ${f.expected}` : '', f.actual ? `${w.actual} ${f.actual}` : ''].filter(Boolean);
    lines.push(`    ${parts.join(lang === 'zh' ? '，' : ', ')}`);
  }
  const more = f.locations.slice(1).map((l) => where(l, lang)).filter(Boolean);
  if (more.length) lines.push(`    ${w.also} ${more.join(lang === 'zh' ? '、' : ', ')}`);
  return lines.join('\n');
}
