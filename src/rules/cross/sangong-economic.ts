import type { ColumnRole } from '../../model.js';
import { canBeAtMost, interval } from '../arith.js';
import { cellLoc, cellName, type CellRef } from '../findings.js';
import { hasColumn, tableOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * XT-SG-ECON: a basic-expenditure economic line cannot exceed the matching 三公 item, because the
 * 三公 table covers basic and project spending and the basic table only basic spending.
 * Code pairs from the 经费开支统计表 填报说明 (DOCS360_2017): 30212 出国, 30217 接待, 30231 运行, 31013 购置.
 */
const PAIRS: { code: string; role: ColumnRole }[] = [
  { code: '30212', role: 'abroad' },
  { code: '30217', role: 'reception' },
  { code: '30231', role: 'vehicle-operation' },
  { code: '31013', role: 'vehicle-purchase' },
];

export const rule: Rule = {
  id: 'cross/sangong-economic',
  severity: 'error',
  title: { zh: '基本支出经济科目不超过对应“三公”分项', en: 'Basic-expenditure lines do not exceed their "three public expenses" item' },
  messages: {
    exceeds: {
      zh: '{a}为{actual}，超过{b}的{expected}（{unit}）：“三公”经费包含基本支出和项目支出，不应少于基本支出中的同类支出',
      en: '{a} is {actual}, more than {b} ({expected} {unit}); the three public expenses include basic spending, so they cannot be smaller',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const t6 = tableOf(d, 'gpb-basic');
    const t8 = tableOf(d, 'sangong');
    if (!t6 || !t8) return out;
    const sg = t8.rows.find((r) => r.kind === 'total') ?? t8.rows.find((r) => r.values.total);
    if (!sg) return out;
    for (const { code, role } of PAIRS) {
      const line = t6.rows.find((r) => r.code === code);
      if (!line || !hasColumn(t8, role)) continue;
      const a: CellRef = { table: t6, row: line, role: 'total' };
      const b: CellRef = { table: t8, row: sg, role };
      const fa = line.values.total;
      const fb = sg.values[role];
      if (!fa || fa.value.isZero()) continue;
      if (fb && canBeAtMost(interval(fa), interval(fb))) continue;
      out.push({
        messageId: 'exceeds',
        params: { a: cellName(a), b: cellName(b), actual: fa.text, expected: fb?.text ?? '0', unit: t6.unit },
        locations: [cellLoc(a), cellLoc(b)],
        expected: fb?.text ?? '0',
        actual: fa.text,
        unit: t6.unit,
        table: t6.id,
        subject: { table: t6.kind, row: line.label, column: role },
      });
    }
    return out;
  },
};
