import { labelKey } from '../../recognize/text.js';
import { tableName, tablesOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * STR-TOC: the table of contents lists the tables under the titles they carry. A listed table
 * that is missing is reported by structure/missing-table.
 */
export const rule: Rule = {
  id: 'structure/toc-mismatch',
  severity: 'error',
  title: { zh: '目录与正文表名一致', en: 'The table of contents matches the tables' },
  messages: {
    title: {
      zh: '目录写作「{toc}」，正文{label}标题却是「{actual}」',
      en: 'The contents list "{toc}", but the title of {label} is "{actual}"',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    for (const e of d.narrative?.toc ?? []) {
      if (!e.table) continue;
      const t = tablesOf(d, e.table.kind)[0];
      if (!t) continue;
      if (core(e.table.title) === core(t.title.value)) continue;
      out.push({
        messageId: 'title',
        params: { toc: e.table.title, label: t.label ?? '', actual: t.title.value },
        locations: [{ ...t.title.at, tableTitle: tableName(t), excerpt: t.title.value }, { ...e.at, excerpt: e.text }],
        expected: e.table.title,
        actual: t.title.value,
        table: t.id,
        subject: { table: t.kind, text: 'toc' },
      });
    }
    return out;
  },
};

/** A title without the year, the template's 单位/部门 prefix, quotes and the scope suffix. */
function core(title: string): string {
  return labelKey(title)
    .replace(/^\d{4}年(度)?/, '')
    .replace(/^(单位|部门|预算单位)/, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/[《》]/g, '');
}
