import { compare, sum } from '../arith.js';
import { sameItem } from '../../narrative/resolve.js';
import { tableOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf } from '../narrative-common.js';

/**
 * NT-PERF, P1-FUNDS: the number and amount of projects under performance management agree with
 * the project list; each 绩效目标表's 年度资金总额 = 财政拨款 + 其他资金 and matches its project; a
 * listed project has its 绩效目标表.
 */
export const rule: Rule = {
  id: 'narrative/performance',
  severity: 'error',
  title: { zh: '绩效目标与项目一致', en: 'Performance targets match the projects' },
  messages: {
    count: { zh: '文中绩效管理项目{actual}个，{source}列出{expected}个项目', en: 'The text counts {actual} projects under performance management; {sourceEn} lists {expected}' },
    amount: { zh: '文中绩效管理项目涉及{actual}，{source}合计{expected}，相差{gap}（{unit}）', en: 'The text puts the performance-managed projects at {actual}; {sourceEn} adds up to {expected}; difference {gap} ({unit})' },
    funds: { zh: '「{project}」绩效目标表：年度资金总额{actual}，财政拨款与其他资金合计{expected}', en: '"{project}" performance table: total {actual}, but fiscal and other funds add up to {expected}' },
    project: { zh: '「{project}」绩效目标表的资金为{actual}，项目说明/项目支出表为{expected}', en: '"{project}" performance table gives {actual}; the project list gives {expected}' },
    'no-table': { zh: '项目「{project}」没有绩效目标表', en: 'Project "{project}" has no performance target table' },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    const t7 = tableOf(d, 'gpb-project');
    const listed = t7 ? t7.rows.filter((r) => r.kind === 'item' && r.project).map((r) => ({ name: r.project!, amount: r.values.total ?? null, at: r.values.total?.at ?? r.labelAt })) : n.projects.map((p) => ({ name: p.name, amount: p.amount ?? null, at: p.at }));
    const source = t7 ? (t7.label ?? t7.title.value) : '项目支出说明';
    const sourceEn = t7 ? (t7.label ?? t7.title.value) : 'the project section';
    const s = n.performanceSummary;
    if (s && listed.length > 0 && n.performance.length > 0) {
      // a summary counting fewer projects than are listed can be a subset; more is a contradiction
      if (s.count !== listed.length && n.performance.length === listed.length)
        out.push({ messageId: 'count', params: { actual: s.count, expected: listed.length, source, sourceEn }, locations: [s.at], expected: String(listed.length), actual: String(s.count), subject: { text: 'perf-count' } });
      if (s.amount && s.count === listed.length && listed.every((p) => p.amount)) {
        const mm = compare(s.amount, sum(listed.map((p) => p.amount!)), s.amount.unit);
        if (mm) out.push({ messageId: 'amount', params: { actual: mm.actual, expected: mm.expected, gap: mm.gap, unit: mm.unit, source, sourceEn }, locations: [s.amount.at], expected: mm.expected, actual: mm.actual, gap: mm.gap, unit: mm.unit, subject: { text: 'perf-amount' } });
      }
    }
    for (const p of n.performance) {
      const name = p.project ?? p.title;
      if (p.total && (p.fiscal || p.other)) {
        const mm = compare(p.total, sum([p.fiscal ?? null, p.other ?? null]), p.total.unit);
        if (mm) out.push({ messageId: 'funds', params: { project: name, actual: p.total.text, expected: mm.expected + mm.unit }, locations: [p.total.at, ...(p.fiscal ? [p.fiscal.at] : []), ...(p.other ? [p.other.at] : [])], expected: mm.expected, actual: mm.actual, gap: mm.gap, unit: mm.unit, subject: { text: `${name}|funds` } });
      }
      const match = p.project ? listed.find((l) => sameItem(l.name, p.project!)) : undefined;
      if (match?.amount && p.total) {
        const mm = compare(p.total, sum([match.amount]), p.total.unit);
        if (mm) out.push({ messageId: 'project', params: { project: name, actual: p.total.text, expected: match.amount.text }, locations: [p.total.at, match.at], expected: mm.expected, actual: mm.actual, gap: mm.gap, unit: mm.unit, subject: { text: `${name}|project` } });
      }
    }
    // every listed project has a table, once tables are published at all
    if (n.performance.length > 0) {
      for (const l of listed) if (!n.performance.some((p) => p.project && sameItem(p.project, l.name)))
        out.push({ messageId: 'no-table', params: { project: l.name }, locations: [l.at], expected: null, actual: null, subject: { text: `${l.name}|no-table` } });
    }
    return out;
  },
};

