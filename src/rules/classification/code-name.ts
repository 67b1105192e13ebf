import type { TableRow } from '../../model.js';
import { childrenComplete, legacyName, lookupCode, parentCode, sameName, type CodeSystem } from '../../recognize/classification.js';
import { KIND_SPEC } from '../../recognize/kinds.js';
import { stripQualifier } from '../../recognize/text.js';
import { locate, tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * CLS-CODE-VALID, CLS-NAME: a code exists in the classification and carries its name (a trailing
 * "（上级科目）" qualifier is ignored), and the same code has the same name everywhere.
 * The classification tables are partial: a code is reported as unknown only under a parent
 * whose children are all known (data/classification/completeness.csv).
 */
export const rule: Rule = {
  id: 'classification/code-name',
  severity: 'error',
  title: { zh: '科目编码与名称匹配', en: 'Classification codes match their names' },
  messages: {
    'wrong-name': {
      zh: '{table}科目{code}的名称为「{actual}」，按政府收支分类科目应为「{expected}」',
      en: '{table}: code {code} is named "{actual}"; the classification names it "{expected}"',
    },
    unknown: {
      zh: '{table}科目编码{code}（{actual}）不在政府收支分类科目中',
      en: '{table}: code {code} ("{actual}") does not exist in the classification',
    },
    inconsistent: {
      zh: '科目{code}在{table}中名为「{actual}」，在{other}中名为「{expected}」',
      en: 'Code {code} is named "{actual}" in {table} but "{expected}" in {other}',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const firstName = new Map<string, { name: string; table: string; row: TableRow }>();
    for (const t of d.tables) {
      const system: CodeSystem = KIND_SPEC.get(t.kind)?.codes ?? 'functional';
      for (const row of t.rows) {
        if (row.kind !== 'item' || !row.code || !row.name) continue;
        const entry = lookupCode(system, row.code);
        const base = { table: t.id, subject: { table: t.kind, row: row.label, text: row.code } };
        if (entry) {
          if (!sameName(entry.name, row.name) && !legacyName(row.code, row.name)) {
            out.push({
              ...base,
              messageId: 'wrong-name',
              params: { table: tableName(t), code: row.code, actual: row.name, expected: entry.name },
              locations: [{ ...locate(t, row), excerpt: row.name }],
              expected: entry.name,
              actual: row.name,
            });
            continue;
          }
        } else if (childrenComplete(system, parentCode(row.code))) {
          out.push({
            ...base,
            messageId: 'unknown',
            params: { table: tableName(t), code: row.code, actual: row.name },
            locations: [{ ...locate(t, row), excerpt: row.label }],
            expected: null,
            actual: row.code,
          });
          continue;
        }
        const key = `${system}:${row.code}`;
        const seen = firstName.get(key);
        if (!seen) firstName.set(key, { name: row.name, table: tableName(t), row });
        else if (stripQualifier(seen.name) !== stripQualifier(row.name) && !sameName(seen.name, row.name)) {
          out.push({
            ...base,
            messageId: 'inconsistent',
            params: { table: tableName(t), code: row.code, actual: row.name, expected: seen.name, other: seen.table },
            locations: [{ ...locate(t, row), excerpt: row.name }, { ...seen.row.labelAt, tableTitle: seen.table }],
            expected: seen.name,
            actual: row.name,
          });
        }
      }
    }
    return out;
  },
};
