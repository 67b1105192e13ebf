import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** STR-NUMERIC: every amount cell reads as a number ("-" and blanks are allowed). */
export const rule: Rule = {
  id: 'structure/not-a-number',
  severity: 'error',
  title: { zh: '金额单元格可解析为数值', en: 'Amount cells hold numbers' },
  messages: {
    nan: {
      zh: '{table}「{row}」行「{column}」列的金额「{text}」不是数值',
      en: '{table}, row "{row}", column "{column}": amount "{text}" is not a number',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of d.tables) {
      for (const c of t.invalidCells) {
        out.push({
          messageId: 'nan',
          params: { table: tableName(t), row: c.row, column: c.column, text: c.text },
          locations: [{ ...c.at, tableTitle: tableName(t), rowLabel: c.row, columnLabel: c.column, excerpt: c.text }],
          expected: null,
          actual: c.text,
          table: t.id,
          subject: { table: t.kind, row: c.row, column: c.column },
        });
      }
    }
    return out;
  },
};
