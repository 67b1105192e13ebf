import { KIND_SPEC } from '../../recognize/kinds.js';
import { locate, tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** CLS-PARENT: a 款 row sits under its 类, a 项 row under its 款 (the code prefix is the parent's code). */
export const rule: Rule = {
  id: 'classification/parent-code',
  severity: 'error',
  title: { zh: '下级科目编码以上级科目编码开头', en: 'Child codes start with their parent code' },
  messages: {
    'wrong-parent': {
      zh: '{table}科目{code}「{name}」列在科目{parent}之下，但其编码不以{parent}开头',
      en: '{table}: code {code} ("{name}") is listed under {parent} but does not start with it',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const t of d.tables) {
      const spec = KIND_SPEC.get(t.kind);
      if (!spec || spec.shape !== 'tree') continue;
      let lei: string | undefined;
      let kuan: string | undefined;
      for (const row of t.rows) {
        if (row.kind === 'unit') {
          lei = kuan = undefined;
          continue;
        }
        if (row.kind !== 'item' || !row.code) continue;
        const c = row.code;
        let parent: string | undefined;
        if (c.length === 5 && lei && !c.startsWith(lei)) parent = lei;
        if (c.length === 7 && kuan && !c.startsWith(kuan)) parent = kuan;
        else if (c.length === 7 && !kuan && lei && !c.startsWith(lei)) parent = lei;
        if (parent) {
          out.push({
            messageId: 'wrong-parent',
            params: { table: tableName(t), code: c, name: row.name ?? '', parent },
            locations: [{ ...locate(t, row), excerpt: row.label }],
            expected: parent,
            actual: c,
            table: t.id,
            subject: { table: t.kind, row: row.label },
          });
        }
        if (c.length === 3) {
          lei = c;
          kuan = undefined;
        } else if (c.length === 5) {
          kuan = c;
          if (!lei || !c.startsWith(lei)) lei = lei ?? c.slice(0, 3);
        }
      }
    }
    return out;
  },
};
