import { legacyName, legacyNames } from '../../recognize/classification.js';
import { locate, tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** CLS-LEGACY: a class name of an older edition (文化体育与传媒支出 …) shows a stale template. */
export const rule: Rule = {
  id: 'classification/legacy-name',
  severity: 'warning',
  title: { zh: '未使用旧版科目名称', en: 'No outdated classification names' },
  messages: {
    'legacy-text': {
      zh: '文中使用旧科目名称「{actual}」（{code}），现行名称为「{expected}」',
      en: 'The text uses the old class name "{actual}" ({code}); it is now "{expected}"',
    },
    legacy: {
      zh: '{table}科目{code}使用旧名称「{actual}」，现行名称为「{expected}」，模板可能已过期',
      en: '{table}: code {code} uses the old name "{actual}"; it is now "{expected}" (stale template?)',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of d.tables) {
      for (const row of t.rows) {
        if (!row.code || !row.name) continue;
        const hit = legacyName(row.code, row.name);
        if (!hit) continue;
        out.push({
          messageId: 'legacy',
          params: { table: tableName(t), code: row.code, actual: row.name, expected: hit.current },
          locations: [{ ...locate(t, row), excerpt: row.name }],
          expected: hit.current,
          actual: row.name,
          table: t.id,
          subject: { table: t.kind, row: row.label },
        });
      }
    }
    // names written in the running text
    for (const b of d.narrative?.blocks ?? []) {
      for (const l of legacyNames()) {
        const i = b.text.indexOf(l.legacy);
        if (i < 0) continue;
        out.push({
          messageId: 'legacy-text',
          params: { code: l.code, actual: l.legacy, expected: l.current },
          locations: [{ ...b.at, excerpt: b.text.slice(Math.max(0, i - 6), i + l.legacy.length + 6) }],
          expected: l.current,
          actual: l.legacy,
          subject: { text: `${l.legacy}|text` },
        });
      }
    }
    return out;
  },
};
