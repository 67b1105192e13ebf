import { sameUnit, unitCodeKey } from '../../recognize/unit.js';
import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** STR-UNIT-CODE: the unit code is the same in every table header and unit row. */
export const rule: Rule = {
  id: 'meta/unit-code',
  severity: 'error',
  title: { zh: '单位编码各表一致', en: 'The unit code is consistent' },
  messages: {
    differs: {
      zh: '{where}的单位编码「{actual}」与本单位编码「{expected}」不一致',
      en: '{where} gives unit code "{actual}", but the unit code is "{expected}"',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const code = d.unit.code;
    if (!code) return out;
    for (const t of d.tables) {
      const c = t.meta.unitCode;
      if (c && unitCodeKey(c.value) !== code) {
        out.push({
          messageId: 'differs',
          params: { where: { zh: `${tableName(t)}表头`, en: `The header of ${tableName(t)}` }, actual: c.value, expected: code },
          locations: [{ ...c.at, tableTitle: tableName(t), excerpt: c.text }],
          expected: code,
          actual: unitCodeKey(c.value),
          table: t.id,
          subject: { table: t.kind, row: 'header' },
        });
      }
      for (const r of t.rows) {
        if (r.kind !== 'unit' || !r.unitCode || !r.unitName || !d.unit.name) continue;
        const rc = unitCodeKey(r.unitCode);
        // a parent department's code is a prefix of the unit's; only the unit's own row must match
        if (rc === code || code.startsWith(rc) || rc.startsWith(code)) continue;
        if (!sameUnit(r.unitName, d.unit.name)) continue;
        out.push({
          messageId: 'differs',
          params: { where: { zh: `${tableName(t)}单位行`, en: `The unit row of ${tableName(t)}` }, actual: r.unitCode, expected: code },
          locations: [{ ...r.labelAt, tableTitle: tableName(t), excerpt: r.label }],
          expected: code,
          actual: rc,
          table: t.id,
          subject: { table: t.kind, row: r.label },
        });
      }
    }
    return out;
  },
};
