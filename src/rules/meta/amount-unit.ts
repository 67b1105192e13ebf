import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** STR-AMT-UNIT: every table declares its amount unit (元/万元). */
export const rule: Rule = {
  id: 'meta/amount-unit',
  severity: 'error',
  title: { zh: '每表声明金额单位', en: 'Every table declares its amount unit' },
  messages: {
    undeclared: {
      zh: '{table}未声明金额单位，已按{assumed}读取',
      en: '{table} does not declare its amount unit; it was read in {assumed}',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of d.tables) {
      if (t.meta.amountUnit || t.rows.length === 0) continue;
      out.push({
        messageId: 'undeclared',
        params: { table: tableName(t), assumed: t.unit },
        locations: [{ ...t.title.at, tableTitle: tableName(t) }],
        expected: null,
        actual: null,
        table: t.id,
        subject: { table: t.kind },
      });
    }
    return out;
  },
};
