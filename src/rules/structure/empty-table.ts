import type { Table, TableKind } from '../../model.js';
import { tableName, tableOf, totalRow } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * STR-EMPTY, STR-EMPTY-CONSIST: a table without data is still published with a sentence saying
 * it is empty; and "空表 / 未安排 / 没有…支出" agrees with the figures (the 财政拨款收支总表 column
 * of that budget is zero, and the table itself holds nothing).
 */
const BUDGETS: { kind: TableKind; column: 'fund' | 'soe'; words: RegExp; name: { zh: string; en: string } }[] = [
  { kind: 'fund-expenditure', column: 'fund', words: /政府性基金/, name: { zh: '政府性基金预算', en: 'government fund budget' } },
  { kind: 'soe-expenditure', column: 'soe', words: /国有资本经营/, name: { zh: '国有资本经营预算', en: 'state capital operation budget' } },
];
const EMPTY_WORDS = /空表|未安排|没有(使用)?|无[^，。]{0,12}(安排|支出|收入|预算)|不涉及/;

export const rule: Rule = {
  id: 'structure/empty-table',
  severity: 'error',
  title: { zh: '空表列出并说明，且与数据一致', en: 'Empty tables are shown and explained, consistently with the figures' },
  messages: {
    unexplained: {
      zh: '{table}没有数据，但表下和说明中都没有说明其为空表',
      en: '{table} holds no figures, but neither the table nor the text says it is empty',
    },
    contradiction: {
      zh: '{where}称{budget}{claim}，但{cell}为{value}',
      en: '{whereEn} says the {budgetEn} is {claimEn}, but {cell} is {value}',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const n = d.narrative;
    const t4 = tableOf(d, 'fiscal');
    for (const b of BUDGETS) {
      const t = tableOf(d, b.kind);
      const sentences: { text: string; at: Table['at'] }[] = [
        ...(t?.notes ?? []).map((x) => ({ text: x.text, at: x.at })),
        ...(n?.blocks ?? []).filter((x) => !x.cells && b.words.test(x.norm) && EMPTY_WORDS.test(x.norm) && !/^第|^[一二三四五六七八九十]+、/.test(x.norm)).map((x) => ({ text: x.text, at: x.at })),
      ];
      const saysEmpty = sentences.find((s) => b.words.test(s.text) || t?.notes.some((x) => x.text === s.text));
      if (t && isEmpty(t) && !saysEmpty && (t.notes.length === 0 || !EMPTY_WORDS.test(t.notes[0].text)))
        out.push({ messageId: 'unexplained', params: { table: tableName(t) }, locations: [{ ...t.title.at, tableTitle: tableName(t) }], table: t.id, subject: { table: t.kind, text: 'unexplained' } });
      if (!saysEmpty) continue;
      // the figures must be zero wherever this budget appears
      const cells: { name: string; value: string; at: Table['at'] }[] = [];
      if (t && !isEmpty(t)) {
        const r = totalRow(t) ?? t.rows.find((x) => x.values.total && !x.values.total.value.isZero());
        if (r?.values.total && !r.values.total.value.isZero()) cells.push({ name: `${tableName(t)}「${r.label}」`, value: r.values.total.text, at: r.values.total.at });
      }
      const col = t4?.columns.find((c) => c.role === b.column && c.side === 'expenditure');
      if (t4 && col) {
        const r = totalRow(t4, 'expenditure');
        const f = r?.values[b.column];
        if (f && !f.value.isZero()) cells.push({ name: `${tableName(t4)}「${r!.label}」${col.label.split('/').pop()}`, value: f.text, at: f.at });
      }
      for (const c of cells) {
        out.push({
          messageId: 'contradiction',
          params: { where: t?.notes.some((x) => x.text === saysEmpty.text) ? '表下注释' : '说明', whereEn: 'The text', budget: b.name.zh, budgetEn: b.name.en, claim: '为空/未安排', claimEn: 'empty', cell: c.name, value: c.value },
          locations: [{ ...saysEmpty.at, excerpt: saysEmpty.text.slice(0, 60) }, c.at],
          expected: '0',
          actual: c.value,
          table: t?.id,
          subject: { table: b.kind, text: 'contradiction' },
        });
      }
    }
    return out;
  },
};

function isEmpty(t: Table): boolean {
  return t.rows.every((r) => Object.values(r.values).every((v) => !v || v.value.isZero()));
}

