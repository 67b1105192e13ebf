import { Dec } from '../../decimal.js';
import type { Statement } from '../../narrative/types.js';
import { interval } from '../arith.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf, percentFits, percentText, shareBounds, shortSubject } from '../narrative-common.js';

/**
 * NA-SHARE: a share (占x%) is the part over the total it belongs to, within the rounding of the
 * written figures; the shares of the parts of one total add up to 100%.
 */
export const rule: Rule = {
  id: 'narrative/share',
  severity: 'error',
  title: { zh: '占比与金额一致', en: 'Shares follow from the amounts' },
  messages: {
    share: {
      zh: '「{subject}」{part}占「{whole}」{total}的比例应为{expected}%，文中写{actual}%',
      en: '"{subject}" ({part}) is {expected}% of "{whole}" ({total}); the text says {actual}%',
    },
    hundred: {
      zh: '「{whole}」各组成部分的占比合计为{sum}%，不是100%（{items}）',
      en: 'The shares of the parts of "{whole}" add up to {sum}%, not 100% ({items})',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    for (const s of n.statements) {
      if (!s.share || !s.amount) continue;
      const whole = denominator(n.statements, n.lists, s);
      if (!whole?.amount || whole.amount.value.isZero()) continue;
      const b = shareBounds(interval(s.amount), interval(whole.amount));
      if (percentFits(s.share, b.lo, b.hi)) continue;
      const expected = percentText(s.amount.value, whole.amount.value, s.share.decimals) ?? '—';
      out.push({
        messageId: 'share',
        params: { subject: shortSubject(s), part: s.amount.text, whole: whole.subject, total: whole.amount.text, expected, actual: s.share.value.toString() },
        locations: [{ ...s.at }, { ...whole.at }],
        expected: `${expected}%`,
        actual: s.share.text,
        subject: { text: `${s.subject}|share` },
      });
    }
    // the parts' shares of one whole add up to 100 (when the parts make up the whole)
    for (const l of n.lists) {
      if (l.open || l.items.length < 2 || l.items.some((i) => !i.share)) continue;
      const sum = l.items.reduce((a, i) => a.add(i.share!.value), Dec.ZERO);
      const slack = l.items.reduce((a, i) => a.add(Dec.halfUnit(i.share!.decimals)), Dec.ZERO);
      if (sum.sub(Dec.of(100n)).abs().lte(slack)) continue;
      out.push({
        messageId: 'hundred',
        params: { whole: l.total.subject, sum: sum.toFixed(Math.max(...l.items.map((i) => i.share!.decimals))), items: l.items.map((i) => `${i.subject}${i.share!.text}`).join('，') },
        locations: l.items.map((i) => i.at),
        expected: '100%',
        actual: `${sum.toFixed(Math.max(...l.items.map((i) => i.share!.decimals)))}%`,
        subject: { text: `${l.total.subject}|shares` },
      });
    }
    return out;
  },
};

/** The total a share is of: the head of the list the statement is in, else the nearest list head before it in its section. */
function denominator(all: Statement[], lists: { total: Statement; items: Statement[] }[], s: Statement): Statement | undefined {
  const list = lists.find((l) => l.items.includes(s));
  if (list) return list.total;
  const i = all.indexOf(s);
  const top = s.section[s.section.length - 1];
  for (let j = i - 1; j >= 0; j--) {
    const o = all[j];
    if (o.section[o.section.length - 1] !== top) break;
    if (o.opensList && o.amount) return o;
  }
  return undefined;
}
