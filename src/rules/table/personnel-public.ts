import { figureAt, tableName, tablesOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * T6-PERSONNEL: in the basic-expenditure table 人员经费 is 301 工资福利支出 + 303 对个人和家庭的补助
 * and 公用经费 everything else (302 …), so 301/303 lines carry no 公用经费 and other lines no 人员经费.
 */
export const rule: Rule = {
  id: 'table/personnel-public',
  severity: 'warning',
  title: { zh: '人员经费与公用经费按经济分类归集', en: 'Personnel and public costs follow the economic classes' },
  messages: {
    'public-in-personnel': {
      zh: '{table}「{row}」属于人员经费（301、303类），但公用经费列为{actual}（{unit}），应为0',
      en: '{table}, "{row}" is a personnel line (class 301/303) but its public-cost column is {actual} ({unit}); expected 0',
    },
    'personnel-in-public': {
      zh: '{table}「{row}」属于公用经费，但人员经费列为{actual}（{unit}），应为0',
      en: '{table}, "{row}" is a public-cost line but its personnel column is {actual} ({unit}); expected 0',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of tablesOf(d, 'gpb-basic')) {
      for (const row of t.rows) {
        if (row.kind !== 'item' || !row.code) continue;
        const personnelClass = row.code.startsWith('301') || row.code.startsWith('303');
        const role = personnelClass ? 'public' : 'personnel';
        const f = row.values[role];
        if (!f || f.value.isZero()) continue;
        out.push({
          messageId: personnelClass ? 'public-in-personnel' : 'personnel-in-public',
          params: { table: tableName(t), row: row.label, actual: f.text, unit: t.unit },
          locations: [figureAt(t, row, role, f)],
          expected: '0',
          actual: f.text,
          unit: t.unit,
          table: t.id,
          subject: { table: t.kind, row: row.label, column: role },
        });
      }
    }
    return out;
  },
};
