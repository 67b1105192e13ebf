import { checkSum } from '../findings.js';
import { tableName, tablesOf, totalRow } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** T1-BAL, T4-BAL: income total equals expenditure total in two-sided tables. */
export const rule: Rule = {
  id: 'table/balance',
  severity: 'error',
  title: { zh: '收入总计等于支出总计', en: 'Income total equals expenditure total' },
  messages: {
    unbalanced: {
      zh: '{table}：支出总计为{actual}，收入总计为{expected}，收支不平衡，相差{gap}（{unit}）',
      en: '{table}: expenditure total {actual} but income total {expected}; they differ by {gap} ({unit})',
    },
    'no-total': {
      zh: '{table}：未找到{side}总计行，无法核对收支平衡',
      en: '{table}: no {side} total row found; the balance cannot be checked',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of [...tablesOf(d, 'income-expenditure'), ...tablesOf(d, 'fiscal')]) {
      if (t.rows.length === 0) continue;
      const inc = totalRow(t, 'income');
      const exp = totalRow(t, 'expenditure');
      if (!inc || !exp) {
        out.push({
          messageId: 'no-total',
          params: { table: tableName(t), side: !inc ? { zh: '收入', en: 'income' } : { zh: '支出', en: 'expenditure' } },
          locations: [{ ...t.at, tableTitle: tableName(t) }],
          table: t.id,
          subject: { table: t.kind, text: 'no-total' },
        });
        continue;
      }
      const f = checkSum({ table: t, row: exp, role: 'total' }, [{ table: t, row: inc, role: 'total' }], 'unbalanced', {});
      if (f) out.push(f);
    }
    return out;
  },
};
