import { compare, interval } from '../arith.js';
import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';
import { cellOf, narrativeOf, shortSubject } from './common.js';

/**
 * NT-*: an amount the narrative states about a table line (收支总预算, 基本支出, 人员经费,
 * 一般公共服务支出（201）, 基本工资, 因公出国（境）费, a project …) is the table's figure, within
 * the rounding of what each of them writes.
 */
export const rule: Rule = {
  id: 'narrative/table-figure',
  severity: 'error',
  title: { zh: '说明中的数字与表格一致', en: 'Figures in the text match the tables' },
  messages: {
    differs: {
      zh: '文中「{subject}」为{actual}，{cell}为{expected}，相差{gap}（{unit}）',
      en: 'The text gives "{subject}" as {actual}, but {cell} is {expected}; difference {gap} ({unit})',
    },
    'no-row': {
      zh: '文中「{subject}」为{actual}，但{table}中没有这一行',
      en: 'The text gives "{subject}" as {actual}, but {table} has no such line',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    for (const s of n.statements) {
      if (!s.amount || !s.ref) continue;
      const cell = cellOf(d, s.ref);
      if (!cell) {
        const table = d.tables.find((t) => t.kind === s.ref!.kind && t.rows.length > 0);
        if (table && (s.ref.code || s.ref.name) && !s.amount.value.isZero())
          out.push({
            messageId: 'no-row',
            params: { subject: shortSubject(s), actual: s.amount.text, table: tableName(table) },
            locations: [s.amount.at, { ...table.at, tableTitle: tableName(table) }],
            expected: null,
            actual: s.amount.text,
            table: table.id,
            subject: { table: table.kind, text: s.subject },
          });
        continue;
      }
      const mm = compare(s.amount, cell.figure ? interval(cell.figure) : null, s.amount.unit);
      if (!mm) continue;
      out.push({
        messageId: 'differs',
        params: { subject: shortSubject(s), actual: mm.actual, expected: mm.expected, gap: mm.gap, unit: mm.unit, cell: cell.name },
        locations: [s.amount.at, cell.at],
        expected: mm.expected,
        actual: mm.actual,
        gap: mm.gap,
        unit: mm.unit,
        table: cell.table.id,
        subject: { table: cell.table.kind, row: cell.row.label, text: s.subject },
      });
    }
    return out;
  },
};
