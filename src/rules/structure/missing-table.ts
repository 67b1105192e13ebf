import { CANONICAL_ORDER } from '../../recognize/kinds.js';
import { kindName, tableName, tablesOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/** STR-SET: every table the profile requires is present. */
export const rule: Rule = {
  id: 'structure/missing-table',
  severity: 'error',
  title: { zh: '必备表齐全', en: 'Every required table is present' },
  messages: {
    'no-tables': {
      zh: '文件中没有预算公开表格，只有说明：请把表格所在的工作簿与说明一起检查（如 budget-check 预算表.xlsx --text 说明.docx）',
      en: 'The file holds the explanation but none of the tables: check it together with the workbook of the tables (budget-check tables.xlsx --text explanation.docx)',
    },
    missing: {
      zh: '缺少{kind}：{why}，依赖它的核对无法进行{near}',
      en: 'The {kind} is missing: {whyEn}, and the checks that need it cannot run{near}',
    },
  },
  check(d, ctx) {
    const out: RuleFinding[] = [];
    // a narrative on its own: one finding that says where the tables should come from
    if (d.tables.length === 0) {
      const first = d.narrative?.blocks[0];
      return [{ messageId: 'no-tables', locations: first ? [{ ...first.at, excerpt: first.text.slice(0, 40) }] : [], expected: null, actual: null, subject: { text: 'no-tables' } }];
    }
    // the profile's tables, and any other the table of contents promises
    const toc = d.narrative?.toc.filter((e) => e.table) ?? [];
    const kinds = [...ctx.profile.required, ...toc.map((e) => e.table!.kind).filter((k) => !ctx.profile.required.includes(k))];
    for (const kind of kinds) {
      if (tablesOf(d, kind).length > 0) continue;
      const listed = toc.find((e) => e.table!.kind === kind);
      // point at the table that should follow it, in the usual order
      const after = CANONICAL_ORDER.slice(CANONICAL_ORDER.indexOf(kind) + 1)
        .map((k) => tablesOf(d, k)[0])
        .find((t) => t);
      const near = after
        ? { zh: `（应在「${tableName(after)}」之前）`, en: ` (expected before "${tableName(after)}")` }
        : { zh: '', en: '' };
      out.push({
        messageId: 'missing',
        params: {
          kind: kindName(kind, ctx.profile.prefix),
          why: listed ? `目录列有「${listed.text}」` : `${ctx.profile.name.zh}须公开此表`,
          whyEn: listed ? `the contents list "${listed.text}"` : `a ${ctx.profile.name.en} disclosure must include it`,
          near,
        },
        locations: [...(listed ? [{ ...listed.at, excerpt: listed.text }] : []), ...(after ? [{ ...after.title.at, tableTitle: tableName(after) }] : [])],
        expected: kindName(kind, ctx.profile.prefix).zh,
        actual: null,
        subject: { table: kind },
      });
    }
    return out;
  },
};
