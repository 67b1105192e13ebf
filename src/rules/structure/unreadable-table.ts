import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * A table was found by its title but could not be read completely (a column not recognized,
 * no header). The checks that need it do not run; this finding says so instead of passing.
 */
export const rule: Rule = {
  id: 'structure/unreadable-table',
  severity: 'warning',
  title: { zh: '表格可完整识别', en: 'Tables can be read completely' },
  messages: {
    'missing-columns': {
      zh: '{table}：未识别到列「{columns}」，相关核对无法进行',
      en: '{table}: column(s) "{columns}" not recognized; the checks that need them cannot run',
    },
    'no-header': { zh: '{table}：未找到表头，无法读取此表', en: '{table}: no header row found; the table cannot be read' },
    'no-figures': { zh: '{table}：未读到任何金额', en: '{table}: no amounts could be read' },
    invalid: { zh: '{table}：「{row}」行无法识别（{detail}）', en: '{table}: row "{row}" cannot be read ({detail})' },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of d.tables) {
      for (const p of t.problems) {
        out.push({
          messageId: p.code,
          params: { table: tableName(t), ...p.params },
          locations: [{ ...p.at, tableTitle: tableName(t) }],
          table: t.id,
          subject: { table: t.kind, text: p.code },
        });
      }
    }
    return out;
  },
};
