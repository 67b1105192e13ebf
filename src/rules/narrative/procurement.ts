import { compare, sum } from '../arith.js';
import type { Statement } from '../../narrative/types.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf } from '../narrative-common.js';

/** NT-GP: 政府采购预算 = 货物 + 工程 + 服务; the reserve for small and medium firms is within it and holds the reserve for small and micro firms. */
export const rule: Rule = {
  id: 'narrative/procurement',
  severity: 'error',
  title: { zh: '政府采购预算数字自洽', en: 'Government procurement figures add up' },
  messages: {
    total: {
      zh: '政府采购预算为{actual}，货物、工程、服务合计为{expected}，相差{gap}（{unit}）',
      en: 'Procurement is {actual}, but goods, works and services add up to {expected}; difference {gap} ({unit})',
    },
    reserve: {
      zh: '{small}（{a}）不能超过{big}（{b}）',
      en: '{smallEn} ({a}) cannot exceed {bigEn} ({b})',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    const st = n.statements.filter((s) => s.amount && (s.section.includes('procurement') || /政府采购/.test(s.subject)));
    const find = (re: RegExp) => st.find((s) => re.test(s.subject));
    const total = st.find((s) => /政府采购(项目)?预算(总额)?$/.test(s.subject) && !/货物|工程|服务|中小|小微|小型/.test(s.subject));
    const parts = [find(/货物/), find(/工程/), find(/服务/)].filter((x): x is Statement => !!x);
    if (total && parts.length === 3) {
      const mm = compare(total.amount, sum(parts.map((p) => p.amount!)), total.amount!.unit);
      if (mm)
        out.push({ messageId: 'total', params: { actual: mm.actual, expected: mm.expected, gap: mm.gap, unit: mm.unit }, locations: [total.amount!.at, ...parts.map((p) => p.amount!.at)], expected: mm.expected, actual: mm.actual, gap: mm.gap, unit: mm.unit, subject: { text: 'procurement-total' } });
    }
    const sme = find(/中小企业/);
    const micro = find(/小微企业|小型和微型企业/);
    const pairs: [Statement | undefined, Statement | undefined, string, string, string, string][] = [
      [micro, sme, '面向小微企业预留的预算', '面向中小企业预留的预算', 'the reserve for small and micro firms', 'the reserve for small and medium firms'],
      [sme, total, '面向中小企业预留的预算', '政府采购预算', 'the reserve for small and medium firms', 'the procurement budget'],
    ];
    for (const [small, big, zs, zb, es, eb] of pairs) {
      if (!small?.amount || !big?.amount) continue;
      if (small.amount.value.sub(small.amount.half).lte(big.amount.value.add(big.amount.half))) continue;
      out.push({ messageId: 'reserve', params: { small: zs, big: zb, smallEn: es, bigEn: eb, a: small.amount.text, b: big.amount.text }, locations: [small.amount.at, big.amount.at], expected: `≤ ${big.amount.text}`, actual: small.amount.text, subject: { text: `reserve|${zs}` } });
    }
    return out;
  },
};
