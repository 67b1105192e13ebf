import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf } from '../narrative-common.js';

/** A sentence cut short or left as the template wrote it: "主要原因是。", "（或与预算数持平）", "主要用于 主要用于". */
const PATTERNS: { re: RegExp; id: 'cut' | 'template' | 'doubled' }[] = [
  { re: /(主要原因是|原因是|主要用于|用于|主要包括|包括|其中)[:：]?\s*[。；;]/g, id: 'cut' },
  { re: /为\s*[。；;]/g, id: 'cut' },
  { re: /[，,]\s*[。]/g, id: 'cut' },
  { re: /[(（]\s*或[^)）]{1,20}[)）]/g, id: 'template' },
  { re: /(主要用于|主要原因是|主要包括|其中)[\s:：，,]*\1/g, id: 'doubled' },
];

export const rule: Rule = {
  id: 'narrative/incomplete-sentence',
  severity: 'warning',
  title: { zh: '语句完整、无模板残留', en: 'Sentences are complete' },
  messages: {
    cut: { zh: '句子不完整：「{text}」', en: 'Sentence cut short: "{text}"' },
    template: { zh: '模板中的备选文字未删除：「{text}」', en: 'A template alternative was left in: "{text}"' },
    doubled: { zh: '词语重复：「{text}」', en: 'Words repeated: "{text}"' },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    for (const b of n.blocks) {
      if (b.cells || b.heading) continue;
      for (const p of PATTERNS) {
        for (const m of b.text.matchAll(p.re)) {
          const text = b.text.slice(Math.max(0, m.index! - 8), m.index! + m[0].length + 4);
          out.push({ messageId: p.id, params: { text }, locations: [{ ...b.at, excerpt: text }], expected: null, actual: m[0], subject: { text: `${text}|${p.id}` } });
        }
      }
    }
    return out;
  },
};
