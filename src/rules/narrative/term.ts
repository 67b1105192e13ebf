import { readFileSync } from 'node:fs';
import { packageFile } from '../../paths.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf } from '../narrative-common.js';

/** NT-TERM: standard names of items (公务接待费, not 公务招待费). Terms: data/terms.csv. */
let terms: { wrong: string; right: string }[] | null = null;
function load() {
  terms ??= readFileSync(packageFile('data', 'terms.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [wrong, right] = l.split(',');
      return { wrong, right };
    })
    .sort((a, b) => b.wrong.length - a.wrong.length);
  return terms;
}

export const rule: Rule = {
  id: 'narrative/term',
  severity: 'info',
  title: { zh: '使用规范的科目名词', en: 'Standard terms are used' },
  messages: {
    term: { zh: '文中写「{actual}」，规范名称为「{expected}」', en: 'The text says "{actual}"; the standard term is "{expected}"' },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    for (const b of n.blocks) {
      const seen = new Set<number>();
      for (const t of load()) {
        let i = b.text.indexOf(t.wrong);
        while (i >= 0) {
          if (!seen.has(i)) {
            seen.add(i);
            out.push({
              messageId: 'term',
              params: { actual: t.wrong, expected: t.right },
              locations: [{ ...b.at, excerpt: b.text.slice(Math.max(0, i - 8), i + t.wrong.length + 8) }],
              expected: t.right,
              actual: t.wrong,
              subject: { text: `${t.wrong}|term` },
            });
          }
          i = b.text.indexOf(t.wrong, i + t.wrong.length);
        }
      }
    }
    return out;
  },
};
