import { compare, interval } from '../arith.js';
import { tableOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';
import { cellOf, narrativeOf } from '../narrative-common.js';

/**
 * NT-OPEX: 机关运行经费 in the text equals the 机关运行经费 column of the 三公 table where there is
 * one; otherwise the 公用经费 of the basic-expenditure table — the definition for 行政单位 and
 * 参公事业单位. The unit's type is not known from the tables, so this is a warning: 事业单位 may
 * define it otherwise.
 */
export const rule: Rule = {
  id: 'narrative/operating-costs',
  severity: 'warning',
  title: { zh: '机关运行经费与表格一致', en: 'Agency operating costs match the tables' },
  messages: {
    differs: {
      zh: '文中机关运行经费为{actual}，{cell}为{expected}，相差{gap}（{unit}）',
      en: 'The text gives agency operating costs of {actual}, but {cell} is {expected}; difference {gap} ({unit})',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    const claims = n.statements.filter((s) => s.amount && /机关运行经费/.test(s.subject));
    const t8 = tableOf(d, 'sangong');
    const viaT8 = t8?.columns.some((c) => c.role === 'opex');
    const cell = viaT8 ? cellOf(d, { kind: 'sangong', total: true, role: 'opex' }) : cellOf(d, { kind: 'gpb-basic', total: true, role: 'public' });
    if (!cell?.figure) return out;
    for (const s of claims) {
      const mm = compare(s.amount, interval(cell.figure), s.amount!.unit);
      if (!mm) continue;
      out.push({
        messageId: 'differs',
        params: { actual: mm.actual, expected: mm.expected, gap: mm.gap, unit: mm.unit, cell: cell.name },
        locations: [s.amount!.at, cell.at],
        expected: mm.expected,
        actual: mm.actual,
        gap: mm.gap,
        unit: mm.unit,
        severity: viaT8 ? 'error' : undefined,
        subject: { text: '机关运行经费' },
      });
    }
    return out;
  },
};

