import { CANONICAL_ORDER } from '../../recognize/kinds.js';
import { kindName, tableName, tablesOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** STR-SET: every table the profile requires is present. */
export const rule: Rule = {
  id: 'structure/missing-table',
  severity: 'error',
  title: { zh: '必备表齐全', en: 'Every required table is present' },
  messages: {
    missing: {
      zh: '缺少{kind}：{profile}须公开此表，依赖它的核对无法进行{near}',
      en: 'The {kind} is missing: a {profile} disclosure must include it, and the checks that need it cannot run{near}',
    },
  },
  check(d, ctx) {
    const out: RuleFinding[] = [];
    for (const kind of ctx.profile.required) {
      if (tablesOf(d, kind).length > 0) continue;
      // point at the table that should follow it, in the usual order
      const after = CANONICAL_ORDER.slice(CANONICAL_ORDER.indexOf(kind) + 1)
        .map((k) => tablesOf(d, k)[0])
        .find((t) => t);
      const near = after
        ? { zh: `（应在「${tableName(after)}」之前）`, en: ` (expected before "${tableName(after)}")` }
        : { zh: '', en: '' };
      out.push({
        messageId: 'missing',
        params: { kind: kindName(kind, ctx.profile.prefix), profile: ctx.profile.name, near },
        locations: after ? [{ ...after.title.at, tableTitle: tableName(after) }] : [],
        expected: kindName(kind, ctx.profile.prefix).zh,
        actual: null,
        subject: { table: kind },
      });
    }
    return out;
  },
};
