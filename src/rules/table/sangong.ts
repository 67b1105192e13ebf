import type { ColumnRole } from '../../model.js';
import { checkSum, roleName, type CellRef } from '../findings.js';
import { hasColumn, tableName, tablesOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** T8-SUM, T8-SPLIT: 三公 total = 出国 + 车辆 + 接待; 车辆 = 购置 + 运行; 车辆 must be split. */
export const rule: Rule = {
  id: 'table/sangong',
  severity: 'error',
  title: { zh: '“三公”经费合计与分项一致', en: '"Three public expenses" add up' },
  messages: {
    sum: {
      zh: '{table}：{column}为{actual}，{parts}之和为{expected}，相差{gap}（{unit}）',
      en: '{table}: {column} is {actual} but {parts} add up to {expected}; difference {gap} ({unit})',
    },
    'not-split': {
      zh: '{table}：公务用车购置及运行费未分列公务用车购置费和公务用车运行费',
      en: '{table}: official vehicle costs are not split into purchase and operation',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of tablesOf(d, 'sangong')) {
      if (t.columns.length === 0) continue;
      const split = hasColumn(t, 'vehicle-purchase') && hasColumn(t, 'vehicle-operation');
      if (!split) {
        out.push({
          messageId: 'not-split',
          params: { table: tableName(t) },
          locations: [{ ...t.title.at, tableTitle: tableName(t) }],
          table: t.id,
          subject: { table: t.kind, text: 'not-split' },
        });
      }
      const vehicleParts: ColumnRole[] = hasColumn(t, 'vehicle') ? ['vehicle'] : split ? ['vehicle-purchase', 'vehicle-operation'] : [];
      const items: ColumnRole[] = ['abroad', ...vehicleParts, 'reception'].filter((r) => hasColumn(t, r as ColumnRole)) as ColumnRole[];
      const extras: ColumnRole[] = (['meeting', 'training'] as ColumnRole[]).filter((r) => hasColumn(t, r));
      for (const row of t.rows) {
        const ref = (role: ColumnRole): CellRef => ({ table: t, row, role });
        if (hasColumn(t, 'total') && items.length >= 2) {
          let f = checkSum(ref('total'), items.map(ref), 'sum', { parts: names(items) });
          // some templates total 会议费 and 培训费 with the three expenses
          if (f && extras.length && !checkSum(ref('total'), [...items, ...extras].map(ref), 'sum', {})) f = null;
          if (f) out.push(f);
        }
        if (hasColumn(t, 'vehicle') && split) {
          const f = checkSum(ref('vehicle'), [ref('vehicle-purchase'), ref('vehicle-operation')], 'sum', { parts: names(['vehicle-purchase', 'vehicle-operation']) });
          if (f) out.push(f);
        }
      }
    }
    return out;
  },
};

function names(roles: ColumnRole[]) {
  return { zh: roles.map((r) => roleName(r).zh).join('、'), en: roles.map((r) => roleName(r).en).join(', ') };
}

