import type { Location } from '../../document.js';
import type { Disclosure } from '../../model.js';
import { toHalfWidth } from '../../recognize/text.js';
import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * STR-YEAR: every table, heading and project period is for the budget year; comparisons are with
 * the year before; a performance target that names another year was copied from an old one.
 */
export const rule: Rule = {
  id: 'meta/year',
  severity: 'error',
  title: { zh: '预算年度一致', en: 'The budget year is consistent' },
  messages: {
    differs: {
      zh: '{table}的预算年度为{actual}年，本公开为{expected}年',
      en: '{table} is for {actual}, but the disclosure is for {expected}',
    },
    heading: {
      zh: '标题「{text}」中的年度为{actual}年，本公开为{expected}年',
      en: 'The heading "{text}" names {actual}, but the disclosure is for {expected}',
    },
    target: {
      zh: '绩效目标「{text}」写的是{actual}年，本公开为{expected}年预算，可能沿用了旧年度的内容',
      en: 'The performance target "{text}" speaks of {actual}, but the budget is for {expected} (copied from an earlier year?)',
    },
    period: {
      zh: '项目「{project}」的资金执行时间「{text}」不在{expected}年',
      en: 'Project "{project}" is to be carried out "{text}", outside {expected}',
    },
    base: {
      zh: '「{text}」与{actual}年比较，上年应为{expected}年',
      en: '"{text}" compares with {actual}; the previous year is {expected}',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    if (d.year === null) return out;
    out.push(...narrativeYears(d, d.year));
    for (const t of d.tables) {
      const y = t.meta.year;
      if (y && y.value !== d.year) {
        out.push({
          messageId: 'differs',
          params: { table: tableName(t), actual: y.value, expected: d.year },
          locations: [{ ...y.at, tableTitle: tableName(t), excerpt: y.text }],
          expected: String(d.year),
          actual: String(y.value),
          table: t.id,
          subject: { table: t.kind },
        });
      }
    }
    return out;
  },
};

/** Years in the running text: headings, 绩效目标, 资金执行时间 and the year compared with. */
function narrativeYears(d: Disclosure, year: number): RuleFinding[] {
  const n = d.narrative;
  if (!n) return [];
  const out: RuleFinding[] = [];
  const push = (messageId: string, text: string, at: Location, actual: number, expected: number, extra: Record<string, string> = {}) =>
    out.push({ messageId, params: { text, actual, expected, ...extra }, locations: [{ ...at, excerpt: text }], expected: String(expected), actual: String(actual), subject: { text: `${text}|${messageId}` } });
  for (const b of n.blocks) {
    if (b.heading || b.sections[0] === 'toc' || b.index < 3) {
      for (const m of b.norm.matchAll(/((?:19|20)\d{2})年/g)) {
        const y = Number(m[1]);
        if (y !== year && !/(截至|截止|比|较|与)\s*$/.test(b.norm.slice(0, m.index))) push('heading', b.text, b.at, y, year);
      }
      continue;
    }
    for (const m of b.norm.matchAll(/(?:比|较|与|同)\s*((?:19|20)\d{2})年(?:度)?(?:预算|决算|执行)/g)) {
      const y = Number(m[1]);
      if (y !== year - 1 && y !== year) push('base', b.text.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 6), b.at, y, year - 1);
    }
  }
  for (const p of n.projects) {
    if (!p.period) continue;
    const years = [...p.period.text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
    const bad = years.find((y) => y !== year);
    if (bad !== undefined) push('period', p.period.text, p.period.at, bad, year, { project: p.name });
  }
  for (const t of n.performance) {
    for (const x of t.texts) {
      for (const m of toHalfWidth(x.text).matchAll(/((?:19|20)\d{2})年/g)) {
        const y = Number(m[1]);
        const before = toHalfWidth(x.text).slice(0, m.index);
        const after = toHalfWidth(x.text).slice(m.index! + m[0].length);
        if (y === year || /(比|较|与|截至|截止|同|相比)\s*$/.test(before) || /^(底|末|基础|相比)/.test(after)) continue;
        push('target', x.text.length > 40 ? x.text.slice(0, 40) + '…' : x.text, x.at, y, year);
      }
    }
  }
  return out;
}
