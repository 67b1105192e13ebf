import { overlaps, interval } from '../arith.js';
import type { Statement } from '../../narrative/types.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf, sameRef, shortSubject } from '../narrative-common.js';

/** NA-REPEAT: a figure stated more than once (§三 and §五 both give 基本支出 and its change) is the same each time. */
export const rule: Rule = {
  id: 'narrative/repeated-figure',
  severity: 'error',
  title: { zh: '同一数字多处出现时一致', en: 'A figure stated twice is the same' },
  messages: {
    amount: {
      zh: '「{subject}」在文中两处不一致：一处为{a}，另一处为{b}',
      en: '"{subject}" is given as {a} in one place and {b} in another',
    },
    change: {
      zh: '「{subject}」的增减在文中两处不一致：一处为{a}，另一处为{b}',
      en: 'The change of "{subject}" is given as {a} in one place and {b} in another',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    const seen: Statement[] = [];
    for (const s of n.statements) {
      for (const o of seen) {
        const same = (s.ref && o.ref && sameRef(s.ref, o.ref)) || (s.subject === o.subject && s.subject.length >= 4 && s.amount && o.amount && s.amount.value.eq(o.amount.value));
        if (!same) continue;
        if (s.amount && o.amount && s.ref && o.ref && !overlaps(interval(s.amount), interval(o.amount))) {
          out.push({ messageId: 'amount', params: { subject: shortSubject(s), a: o.amount.text, b: s.amount.text }, locations: [s.amount.at, o.amount.at], expected: o.amount.text, actual: s.amount.text, subject: { text: `${s.subject}|repeat` } });
          break;
        }
        const a = changeText(o);
        const b = changeText(s);
        if (a && b && a !== b && comparable(o, s)) {
          out.push({ messageId: 'change', params: { subject: shortSubject(s), a, b }, locations: [s.change!.at, o.change!.at], expected: a, actual: b, subject: { text: `${s.subject}|repeat-change` } });
          break;
        }
      }
      seen.push(s);
    }
    return out;
  },
};

function changeText(s: Statement): string | null {
  const c = s.change;
  if (!c || !c.amount) return null;
  const word = c.direction === 'down' ? '减少' : c.direction === 'flat' ? '持平' : '增加';
  const pct = c.percent && c.percent !== 'na' ? `，${c.direction === 'down' ? '下降' : '增长'}${c.percent.text}` : '';
  return `${word}${c.amount.text}${pct}`;
}

/** Two changes say different things (the amounts or the rates differ beyond rounding). */
function comparable(a: Statement, b: Statement): boolean {
  const ca = a.change!;
  const cb = b.change!;
  if (ca.direction !== cb.direction) return true;
  if (ca.amount && cb.amount && !overlaps(interval(ca.amount), interval(cb.amount))) return true;
  if (ca.percent && cb.percent && ca.percent !== 'na' && cb.percent !== 'na') {
    const h = ca.percent.decimals === cb.percent.decimals;
    if (h && !ca.percent.value.eq(cb.percent.value)) return true;
  }
  return false;
}
