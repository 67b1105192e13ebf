import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** STR-YEAR: every table is for the same budget year. */
export const rule: Rule = {
  id: 'meta/year',
  severity: 'error',
  title: { zh: '预算年度一致', en: 'The budget year is consistent' },
  messages: {
    differs: {
      zh: '{table}的预算年度为{actual}年，本公开为{expected}年',
      en: '{table} is for {actual}, but the disclosure is for {expected}',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    if (d.year === null) return out;
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
