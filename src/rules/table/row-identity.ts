import type { ColumnRole, Table, TableRow } from '../../model.js';
import { checkSum, roleName, type CellRef } from '../findings.js';
import { hasColumn } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** T3-ROW, T4-ROW, T6-ROW: within a row, a total equals the columns it splits into. */
export const rule: Rule = {
  id: 'table/row-identity',
  severity: 'error',
  title: { zh: '行内合计等于各列之和', en: 'Row totals equal their columns' },
  messages: {
    row: {
      zh: '{table}「{row}」行：{column}为{actual}，{parts}之和为{expected}，相差{gap}（{unit}）',
      en: '{table}, row "{row}": {column} is {actual} but {parts} add up to {expected}; difference {gap} ({unit})',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const splits: { kinds: Table['kind'][]; total: ColumnRole; parts: ColumnRole[] }[] = [
      { kinds: ['expenditure', 'gpb-expenditure', 'fund-expenditure', 'soe-expenditure', 'income-expenditure', 'fiscal'], total: 'total', parts: ['basic', 'project'] },
      { kinds: ['expenditure', 'gpb-expenditure', 'income-expenditure', 'fiscal'], total: 'basic', parts: ['personnel', 'public'] },
      { kinds: ['fiscal'], total: 'total', parts: ['gpb', 'fund', 'soe'] },
      { kinds: ['gpb-basic', 'gpb-expenditure'], total: 'total', parts: ['personnel', 'public'] },
    ];
    for (const t of d.tables) {
      for (const split of splits) {
        if (!split.kinds.includes(t.kind)) continue;
        const side = t.kind === 'income-expenditure' || t.kind === 'fiscal' ? 'expenditure' : undefined;
        let parts = split.parts.filter((p) => hasColumn(t, p, side));
        // 合计 = 人员 + 公用 + 项目 when the table splits 基本支出 without a 基本支出 column
        if (split.total === 'total' && split.parts[0] === 'basic' && !hasColumn(t, 'basic', side) && hasColumn(t, 'personnel', side) && hasColumn(t, 'public', side))
          parts = ['personnel', 'public', ...(hasColumn(t, 'project', side) ? (['project'] as ColumnRole[]) : [])];
        if (split.parts[0] === 'personnel' && split.total === 'total' && hasColumn(t, 'basic', side)) continue;
        if (parts.length < 2 || !hasColumn(t, split.total, side)) continue;
        for (const row of t.rows.filter((r: TableRow) => r.side === side || side === undefined)) {
          const f = checkSum(
            { table: t, row, role: split.total },
            parts.map((p): CellRef => ({ table: t, row, role: p })),
            'row',
            { parts: partsName(parts) },
          );
          if (f) out.push(f);
        }
      }
    }
    return out;
  },
};

function partsName(parts: ColumnRole[]) {
  return { zh: parts.map((p) => roleName(p).zh).join('、'), en: parts.map((p) => roleName(p).en).join(', ') };
}

