import { sameItem } from '../../narrative/resolve.js';
import { compare, interval, sum } from '../arith.js';
import { tableName } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';
import { cellOf, narrativeOf, shortSubject } from '../narrative-common.js';

/**
 * NT-*: an amount the narrative states about a table line (收支总预算, 基本支出, 人员经费,
 * 一般公共服务支出（201）, 基本工资, 因公出国（境）费, a project …) is the table's figure, within
 * the rounding of what each of them writes.
 */
export const rule: Rule = {
  id: 'narrative/table-figure',
  severity: 'error',
  title: { zh: '说明中的数字与表格一致', en: 'Figures in the text match the tables' },
  messages: {
    differs: {
      zh: '文中「{subject}」为{actual}，{cell}为{expected}，相差{gap}（{unit}）',
      en: 'The text gives "{subject}" as {actual}, but {cell} is {expected}; difference {gap} ({unit})',
    },
    project: {
      zh: '项目「{subject}」在说明中为{actual}，{cell}为{expected}，相差{gap}（{unit}）',
      en: 'Project "{subject}" is {actual} in the text, but {cell} is {expected}; difference {gap} ({unit})',
    },
    projects: {
      zh: '说明列出的{count}个项目合计{actual}，{cell}为{expected}，相差{gap}（{unit}）',
      en: 'The {count} projects in the text add up to {actual}, but {cell} is {expected}; difference {gap} ({unit})',
    },
    'no-row': {
      zh: '文中「{subject}」为{actual}，但{table}中没有这一行',
      en: 'The text gives "{subject}" as {actual}, but {table} has no such line',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    for (const s of n.statements) {
      if (!s.amount || !s.ref) continue;
      const cell = cellOf(d, s.ref);
      if (!cell) {
        const table = d.tables.find((t) => t.kind === s.ref!.kind && t.rows.length > 0);
        if (table && (s.ref.code || s.ref.name) && !s.amount.value.isZero())
          out.push({
            messageId: 'no-row',
            params: { subject: shortSubject(s), actual: s.amount.text, table: tableName(table) },
            locations: [s.amount.at, { ...table.at, tableTitle: tableName(table) }],
            expected: null,
            actual: s.amount.text,
            table: table.id,
            subject: { table: table.kind, text: s.subject },
          });
        continue;
      }
      const mm = compare(s.amount, cell.figure ? interval(cell.figure) : null, s.amount.unit);
      if (!mm) continue;
      out.push({
        messageId: 'differs',
        params: { subject: shortSubject(s), actual: mm.actual, expected: mm.expected, gap: mm.gap, unit: mm.unit, cell: cell.name },
        locations: [s.amount.at, cell.at],
        expected: mm.expected,
        actual: mm.actual,
        gap: mm.gap,
        unit: mm.unit,
        table: cell.table.id,
        subject: { table: cell.table.kind, row: cell.row.label, text: s.subject },
      });
    }
    out.push(...projectFigures(d));
    return out;
  },
};

/** NT-PROJECT: each project's 预算安排规模 = its line in the 项目支出表; without that table, their sum = 项目支出. */
function projectFigures(d: Parameters<Rule['check']>[0]): RuleFinding[] {
  const n = narrativeOf(d);
  if (!n || n.projects.length === 0) return [];
  const out: RuleFinding[] = [];
  const t7 = d.tables.find((t) => t.kind === 'gpb-project' && t.rows.length > 0);
  if (t7) {
    for (const p of n.projects) {
      if (!p.amount) continue;
      const row = t7.rows.find((r) => r.project && sameItem(r.project, p.name));
      if (!row) {
        out.push({ messageId: 'no-row', params: { subject: p.name, actual: p.amount.text, table: tableName(t7) }, locations: [p.amount.at], expected: null, actual: p.amount.text, table: t7.id, subject: { table: t7.kind, text: p.name } });
        continue;
      }
      const f = row.values.total ?? null;
      const mm = compare(p.amount, f ? interval(f) : null, p.amount.unit);
      if (mm)
        out.push({ messageId: 'project', params: { subject: p.name, actual: mm.actual, expected: mm.expected, gap: mm.gap, unit: mm.unit, cell: `${tableName(t7)}「${row.label}」` }, locations: [p.amount.at, f?.at ?? row.labelAt], expected: mm.expected, actual: mm.actual, gap: mm.gap, unit: mm.unit, table: t7.id, subject: { table: t7.kind, row: row.label, text: p.name } });
    }
    return out;
  }
  // no project table: the projects make up the 一般公共预算 项目支出
  const cell = cellOf(d, { kind: 'gpb-expenditure', total: true, role: 'project' });
  if (!cell?.figure || n.projects.some((p) => !p.amount)) return out;
  const parts = sum(n.projects.map((p) => p.amount!));
  const mm = compare(cell.figure, parts, cell.figure.unit);
  if (mm)
    out.push({ messageId: 'projects', params: { count: n.projects.length, actual: mm.expected, expected: mm.actual, gap: mm.gap.startsWith('-') ? mm.gap.slice(1) : `-${mm.gap}`, unit: mm.unit, cell: cell.name }, locations: [...n.projects.map((p) => p.amount!.at), cell.at], expected: mm.actual, actual: mm.expected, unit: mm.unit, table: cell.table.id, subject: { table: cell.table.kind, text: 'projects' } });
  return out;
}
