import { compare, sum } from '../arith.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf, shortSubject } from '../narrative-common.js';

/**
 * Itemized lists add up: "人员经费365.7万元，主要包括：基本工资72.58万元、津贴补贴117.4万元、…"
 * — the items are the whole (or, with 以及其他/等, at most the whole; a single 其中 item is a part).
 */
export const rule: Rule = {
  id: 'narrative/list-sum',
  severity: 'error',
  title: { zh: '列举的各项之和等于总额', en: 'Itemized lists add up to their total' },
  messages: {
    sum: {
      zh: '「{total}」为{actual}，所列各项合计为{expected}（{items}），相差{gap}（{unit}）',
      en: '"{total}" is {actual}, but the items listed add up to {expected} ({items}); difference {gap} ({unit})',
    },
    exceeds: {
      zh: '「{total}」为{actual}，所列部分已达{expected}，超过总额',
      en: '"{total}" is {actual}, but the parts listed already come to {expected}',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    for (const l of n.lists) {
      // procurement lists are narrative/procurement's (its 其中 reserve is a part, not a breakdown)
      if (l.total.section.includes('procurement')) continue;
      const total = l.total.amount;
      const items = l.items.filter((i) => i.amount);
      if (!total || items.length === 0 || items.length < l.items.length) continue;
      const parts = sum(items.map((i) => i.amount!));
      const partial = l.open || items.length === 1;
      if (partial) {
        // the parts cannot exceed the whole
        if (!parts || parts.value.sub(parts.half).lte(total.value.add(total.half))) continue;
        out.push({
          messageId: 'exceeds',
          params: { total: shortSubject(l.total), actual: total.text, expected: items.map((i) => i.amount!.text).join('+') },
          locations: [total.at, ...items.map((i) => i.amount!.at)],
          expected: `≤ ${total.text}`,
          actual: items.map((i) => i.amount!.text).join('+'),
          subject: { text: `${l.total.subject}|list` },
        });
        continue;
      }
      const mm = compare(total, parts, total.unit) ?? (l.restated?.amount ? compare(l.restated.amount, sum([total]), total.unit) : null);
      if (!mm) continue;
      out.push({
        messageId: 'sum',
        params: { total: shortSubject(l.total), actual: mm.actual, expected: mm.expected, gap: mm.gap, unit: mm.unit, items: items.map((i) => `${i.subject}${i.amount!.text}`).join('、') },
        locations: [total.at, ...items.map((i) => i.amount!.at)],
        expected: mm.expected,
        actual: mm.actual,
        gap: mm.gap,
        unit: mm.unit,
        subject: { text: `${l.total.subject}|list` },
      });
    }
    return out;
  },
};
