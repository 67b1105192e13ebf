import type { ColumnRole, IncomeRole, Side, Table, TableRow } from '../../model.js';
import { parentCode } from '../../recognize/classification.js';
import { unitCodeKey } from '../../recognize/unit.js';
import { checkSum, roleName, type CellRef } from '../findings.js';
import { amountRoles, sectionsOf, totalRow } from '../query.js';
import type { Bilingual, Rule, RuleFinding } from '../types.js';

/**
 * T1-INC-SUM, T1-FISCAL, T1-EXP-SUM, T2-ROW, T3-TREE, T6-TREE, T4-FUND: totals equal the sum of
 * the lines they total — income sources, 类 rows, 款 under 类, 项 under 款, units, projects.
 */
export const rule: Rule = {
  id: 'table/sum-of-parts',
  severity: 'error',
  title: { zh: '合计等于各组成部分之和', en: 'Totals equal the sum of their parts' },
  messages: {
    sum: {
      zh: '{table}「{row}」的{column}为{actual}，{parts}之和为{expected}，相差{gap}（{unit}）',
      en: '{table}, "{row}" {column} is {actual} but {parts} add up to {expected}; difference {gap} ({unit})',
    },
    fund: {
      zh: '{table}：{fund}支出列合计为{actual}，{fund}收入为{expected}，相差{gap}（{unit}）',
      en: '{table}: the {fund} expenditure column totals {actual} but {fund} income is {expected}; difference {gap} ({unit})',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const push = (f: RuleFinding | null) => f && out.push(f);
    for (const t of d.tables) {
      if (t.rows.length === 0) continue;
      if (t.kind === 'income-expenditure' || t.kind === 'fiscal') {
        incomeSums(t).forEach(push);
        listSums(t, 'expenditure', PARTS.classes).forEach(push);
        if (t.kind === 'fiscal') fundColumns(t).forEach(push);
      } else if (t.kind === 'gpb-project') {
        listSums(t, undefined, PARTS.projects).forEach(push);
      } else if (t.kind === 'sangong') {
        continue; // table/sangong
      } else {
        treeSums(t).forEach(push);
        if (t.kind === 'income') incomeColumns(t).forEach(push);
      }
    }
    return out;
  },
};

const PARTS: Record<string, Bilingual> = {
  classes: { zh: '各类', en: 'the classes' },
  children: { zh: '下级科目', en: 'its sub-items' },
  units: { zh: '各单位', en: 'the units' },
  projects: { zh: '各项目', en: 'the projects' },
  income: { zh: '各收入项', en: 'the income lines' },
  fiscal: { zh: '一般公共预算、政府性基金预算、国有资本经营预算', en: 'the three budgets' },
  current: { zh: '本年收入各项', en: "the year's income lines" },
  sources: { zh: '各资金来源', en: 'the funding sources' },
};

const FISCAL_CHILDREN: IncomeRole[] = ['gpb', 'fund', 'soe'];

/** Income side: 财政拨款 = 一般公共预算 + 基金 + 国资; 总计 = Σ top-level lines. */
function incomeSums(t: Table): (RuleFinding | null)[] {
  const rows = t.rows.filter((r) => r.side === 'income');
  const total = rows.find((r) => r.kind === 'total');
  const subtotal = rows.find((r) => r.kind === 'subtotal');
  const fiscal = rows.find((r) => r.incomeRole === 'fiscal');
  const out: (RuleFinding | null)[] = [];
  const ref = (row: TableRow): CellRef => ({ table: t, row, role: 'total' });
  const children = rows.filter((r) => r.incomeRole && FISCAL_CHILDREN.includes(r.incomeRole));
  if (fiscal && children.length > 0) out.push(checkSum(ref(fiscal), children.map(ref), 'sum', { parts: PARTS.fiscal }));
  const top = rows.filter((r) => r.kind === 'item' && !r.subItem && !(fiscal && r.incomeRole && FISCAL_CHILDREN.includes(r.incomeRole)));
  if (subtotal) {
    const idx = rows.indexOf(subtotal);
    const before = top.filter((r) => rows.indexOf(r) < idx);
    const after = top.filter((r) => rows.indexOf(r) > idx);
    out.push(checkSum(ref(subtotal), before.map(ref), 'sum', { parts: PARTS.current }));
    if (total) out.push(checkSum(ref(total), [subtotal, ...after].map(ref), 'sum', { parts: PARTS.income }));
  } else if (total && top.length > 0) {
    out.push(checkSum(ref(total), top.map(ref), 'sum', { parts: PARTS.income }));
  }
  return out;
}

/** A list (expenditure side, project table): the total row equals Σ item rows, column by column. */
function listSums(t: Table, side: Side | undefined, parts: Bilingual): (RuleFinding | null)[] {
  const rows = t.rows.filter((r) => side === undefined || r.side === side);
  const total = rows.find((r) => r.kind === 'total');
  if (!total) return [];
  let items = rows.filter((r) => r.kind === 'item');
  // in a project table, rows that only carry a classification code group the projects below them
  if (t.kind === 'gpb-project' && items.some((r) => r.project)) {
    const grouped = items.filter((r) => r.code && !hasProjectName(r));
    const projects = items.filter((r) => !grouped.includes(r));
    const out: (RuleFinding | null)[] = [];
    for (const g of grouped) {
      const members = projects.filter((p) => p.code?.startsWith(g.code!));
      if (members.length) for (const role of amountRoles(t)) out.push(checkSum({ table: t, row: g, role }, members.map((row) => ({ table: t, row, role })), 'sum', { parts }));
    }
    items = projects;
    for (const role of amountRoles(t)) out.push(checkSum({ table: t, row: total, role }, items.map((row) => ({ table: t, row, role })), 'sum', { parts }));
    return out;
  }
  // codes below 类 level are details of a 类 row when both appear
  const codes = new Set(items.filter((r) => r.code).map((r) => r.code!));
  items = items.filter((r) => !r.code || !parentCode(r.code) || !codes.has(parentCode(r.code)!));
  return amountRoles(t, side).map((role) => checkSum({ table: t, row: total, role }, items.map((row) => ({ table: t, row, role })), 'sum', { parts }));
}

function hasProjectName(r: TableRow): boolean {
  return !!r.project;
}

/** 类 = Σ 款, 款 = Σ 项, total = Σ top-level codes; unit rows equal the total. */
function treeSums(t: Table): (RuleFinding | null)[] {
  const out: (RuleFinding | null)[] = [];
  const roles = amountRoles(t);
  const sections = sectionsOf(t);
  const total = totalRow(t);
  const sectionTops: TableRow[] = [];
  for (const rows of sections) {
    const coded = rows.filter((r) => r.kind === 'item' && r.code);
    const byCode = new Map(coded.map((r) => [r.code!, r]));
    const children = new Map<string, TableRow[]>();
    for (const r of coded) {
      const p = parentCode(r.code!);
      if (p) children.set(p, [...(children.get(p) ?? []), r]);
    }
    for (const parent of coded) {
      const kids = children.get(parent.code!) ?? [];
      if (kids.length === 0) continue;
      for (const role of roles) out.push(checkSum({ table: t, row: parent, role }, kids.map((row) => ({ table: t, row, role })), 'sum', { parts: PARTS.children }));
    }
    const tops = coded.filter((r) => !parentCode(r.code!) || !byCode.has(parentCode(r.code!)!));
    const units = rows.filter((r) => r.kind === 'unit');
    const head = sections.length > 1 ? units[units.length - 1] : total;
    if (head && tops.length > 0) {
      for (const role of roles) out.push(checkSum({ table: t, row: head, role }, tops.map((row) => ({ table: t, row, role })), 'sum', { parts: PARTS.classes }));
    }
    if (sections.length > 1 && head) sectionTops.push(head);
  }
  // unit rows: a single unit equals the total; several leaf units add up to it
  const units = t.rows.filter((r) => r.kind === 'unit');
  if (total && units.length > 0 && sections.length === 1) {
    const leaves = leafUnits(units);
    for (const u of units.filter((u) => !leaves.includes(u) || leaves.length === 1)) {
      for (const role of roles) out.push(checkSum({ table: t, row: u, role }, [{ table: t, row: total, role }], 'sum', { parts: { zh: '合计行', en: 'the total row' } }));
    }
    if (leaves.length > 1) for (const role of roles) out.push(checkSum({ table: t, row: total, role }, leaves.map((row) => ({ table: t, row, role })), 'sum', { parts: PARTS.units }));
  } else if (total && sectionTops.length > 1) {
    for (const role of roles) out.push(checkSum({ table: t, row: total, role }, sectionTops.map((row) => ({ table: t, row, role })), 'sum', { parts: PARTS.units }));
  }
  return out;
}

/** Unit rows whose code no other unit row extends (the budget units, not their departments). */
function leafUnits(units: TableRow[]): TableRow[] {
  const coded = units.filter((u) => u.unitCode);
  if (coded.length === 0) return units.slice(-1);
  return coded.filter((u) => !coded.some((o) => o !== u && unitCodeKey(o.unitCode!).startsWith(unitCodeKey(u.unitCode!))));
}

/** 收入总表: per row, 合计 = Σ funding-source columns (财政拨款 = Σ its three budgets). */
function incomeColumns(t: Table): (RuleFinding | null)[] {
  const out: (RuleFinding | null)[] = [];
  const roles = amountRoles(t).filter((r) => r !== 'total');
  const hasFiscal = roles.includes('fiscal');
  const children = roles.filter((r): r is 'gpb' | 'fund' | 'soe' => r === 'gpb' || r === 'fund' || r === 'soe');
  const top: ColumnRole[] = hasFiscal ? roles.filter((r) => !(children as ColumnRole[]).includes(r)) : roles;
  if (top.length === 0) return out;
  for (const row of t.rows) {
    out.push(checkSum({ table: t, row, role: 'total' }, top.map((role) => ({ table: t, row, role })), 'sum', { parts: PARTS.sources }));
    if (hasFiscal && children.length > 0)
      out.push(checkSum({ table: t, row, role: 'fiscal' }, children.map((role) => ({ table: t, row, role })), 'sum', { parts: PARTS.fiscal }));
  }
  return out;
}

/** T4-FUND: each budget's income equals the total of its expenditure column. */
function fundColumns(t: Table): (RuleFinding | null)[] {
  const out: (RuleFinding | null)[] = [];
  const expTotal = totalRow(t, 'expenditure');
  if (!expTotal) return out;
  for (const role of ['gpb', 'fund', 'soe'] as const) {
    const income = t.rows.find((r) => r.side === 'income' && r.incomeRole === role);
    if (!income || !t.columns.some((c) => c.side === 'expenditure' && c.role === role)) continue;
    out.push(checkSum({ table: t, row: expTotal, role }, [{ table: t, row: income, role: 'total' }], 'fund', { fund: roleName(role) }));
  }
  return out;
}
