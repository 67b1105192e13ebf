import { Dec } from '../../decimal.js';
import type { ColumnRole, Disclosure, Figure, IncomeRole, Side, Table, TableRow } from '../../model.js';
import { canBeAtMost, compare, formatAmount, interval, sum } from '../arith.js';
import { cellLoc, cellName, checkAgainst, figureOf, roleName, type CellRef } from '../findings.js';
import { columnOf, hasColumn, incomeRow, tableName, tableOf, totalRow } from '../query.js';
import type { Param, Rule, RuleFinding } from '../types.js';

/**
 * XT-*: a figure that appears in two tables is the same in both: 收支总表 ↔ 收入总表, 支出总表,
 * 财政拨款收支总表; 财政拨款 ↔ 一般公共预算支出表; 一般公共预算 ↔ 基本支出表 and 项目支出表;
 * 政府性基金/国有资本经营 columns ↔ their tables. A 一般公共预算 figure can never exceed the
 * same line of the 支出总表.
 */
export const rule: Rule = {
  id: 'cross/same-figure',
  severity: 'error',
  title: { zh: '同一数据在各表中一致', en: 'The same figure agrees across tables' },
  messages: {
    differs: {
      zh: '{a}为{actual}，{b}为{expected}，两者应相等，相差{gap}（{unit}）{scale}',
      en: '{a} is {actual} but {b} is {expected}; they should be equal (difference {gap} {unit}){scale}',
    },
    'missing-row': {
      zh: '{b}为{expected}（{unit}），但{table}中没有「{row}」这一行',
      en: '{b} is {expected} ({unit}), but {table} has no row "{row}"',
    },
    opex: {
      zh: '{a}为{actual}，{b}为{expected}，相差{gap}（{unit}）：行政单位和参公事业单位的机关运行经费应等于一般公共预算基本支出中的公用经费',
      en: '{a} is {actual} but {b} is {expected} (difference {gap} {unit}); for administrative units the operating costs equal the public costs of basic expenditure',
    },
    exceeds: {
      zh: '{a}为{actual}，超过{b}的{expected}（{unit}）：一般公共预算支出不能多于同一科目的总支出',
      en: '{a} is {actual}, more than {b} ({expected} {unit}); general-budget spending cannot exceed total spending on the same line',
    },
  },
  check(d) {
    const c = new Comparer(d);
    const t1 = tableOf(d, 'income-expenditure');
    const t2 = tableOf(d, 'income');
    const t3 = tableOf(d, 'expenditure');
    const t4 = tableOf(d, 'fiscal');
    const t5 = tableOf(d, 'gpb-expenditure');
    const t6 = tableOf(d, 'gpb-basic');
    const t7 = tableOf(d, 'gpb-project');
    const t9 = tableOf(d, 'fund-expenditure');
    const t10 = tableOf(d, 'soe-expenditure');
    const funding = fundingOf(t1, t4);
    // 收支总表 ↔ 收入总表: each income line = that column of the 收入总表 total row
    if (t1 && t2) {
      const total2 = totalRow(t2);
      if (total2) {
        for (const row of t1.rows.filter((r) => r.side === 'income' && r.incomeRole)) {
          const role = row.incomeRole === 'total' ? 'total' : (row.incomeRole as ColumnRole);
          if (row.incomeRole === 'subtotal' || !hasColumn(t2, role)) continue;
          c.equal({ table: t2, row: total2, role }, { table: t1, row, role: 'total' });
        }
      }
    }
    // 收支总表 ↔ 支出总表: total and each 类 (and 基本/项目 when the 收支总表 splits them)
    if (t1 && t3) {
      c.lines(t3, undefined, t1, 'expenditure', 'classes', ['total', 'basic', 'project']);
      const basic = totalRow(t3);
      const exp1 = totalRow(t1, 'expenditure');
      if (basic && exp1 && !hasColumn(t1, 'basic', 'expenditure') && hasColumn(t1, 'personnel', 'expenditure') && hasColumn(t3, 'basic'))
        c.sumEqual({ table: t3, row: basic, role: 'basic' }, [
          { table: t1, row: exp1, role: 'personnel' },
          { table: t1, row: exp1, role: 'public' },
        ]);
    }
    // 收支总表 ↔ 财政拨款收支总表: the 财政拨款 income lines
    if (t1 && t4) {
      for (const role of ['fiscal', 'gpb', 'fund', 'soe'] as IncomeRole[]) {
        const a = incomeRow(t4, role) ?? (role === 'fiscal' ? totalRow(t4, 'income') : undefined);
        const b = incomeRow(t1, role);
        if (a && b) c.equal({ table: t4, row: a, role: 'total' }, { table: t1, row: b, role: 'total' });
      }
      // when all income is 财政拨款 the two tables list the same 类 amounts
      if (funding.allFiscal) c.lines(t4, 'expenditure', t1, 'expenditure', 'classes', ['total']);
    }
    // 财政拨款收支总表 一般公共预算 column ↔ 一般公共预算支出表
    if (t4 && t5 && hasColumn(t4, 'gpb', 'expenditure')) c.lines(t5, undefined, t4, 'expenditure', 'classes', ['total'], 'gpb');
    // 支出总表 ↔ 一般公共预算支出表: equal when all money is 一般公共预算, otherwise ≤
    if (t3 && t5) {
      if (funding.allGpb) c.lines(t5, undefined, t3, undefined, 'all', ['total', 'basic', 'project']);
      else c.notMore(t5, t3, ['total', 'basic', 'project']);
    }
    // 收入总表 ↔ 支出总表 (same codes), and its 一般公共预算 column ↔ 一般公共预算支出表
    if (t2 && t3) c.lines(t3, undefined, t2, undefined, 'all', ['total']);
    if (t2 && t5 && hasColumn(t2, 'gpb')) c.lines(t5, undefined, t2, undefined, 'all', ['total'], 'gpb');
    // 一般公共预算支出表 基本支出 ↔ 基本支出表
    if (t5 && t6) {
      const a = totalRow(t6);
      const b = totalRow(t5);
      if (a && b) {
        c.equal({ table: t6, row: a, role: 'total' }, { table: t5, row: b, role: 'basic' });
        for (const role of ['personnel', 'public'] as ColumnRole[]) if (hasColumn(t5, role)) c.equal({ table: t6, row: a, role }, { table: t5, row: b, role });
      }
    }
    // 一般公共预算支出表 项目支出 ↔ 项目支出表 (in total, and per code when the project table has codes)
    if (t5 && t7) {
      const a = totalRow(t7);
      const b = totalRow(t5);
      if (a && b) c.equal({ table: t7, row: a, role: 'total' }, { table: t5, row: b, role: 'project' });
      c.projectsByCode(t7, t5);
    }
    // 三公表 机关运行经费 ↔ 基本支出表 公用经费 (a warning: 事业单位 define it otherwise)
    const t8 = tableOf(d, 'sangong');
    if (t8 && t6 && hasColumn(t8, 'opex') && hasColumn(t6, 'public')) {
      const a = t8.rows.find((r) => r.kind === 'total') ?? t8.rows.find((r) => r.values.opex);
      const b = totalRow(t6);
      if (a && b) {
        const ref: CellRef = { table: t8, row: a, role: 'opex' };
        const other: CellRef = { table: t6, row: b, role: 'public' };
        const fb = figureOf(other);
        const f = checkAgainst(ref, fb ? interval(fb) : null, [cellLoc(other)], 'opex', { a: cellName(ref), b: cellName(other) }, t8);
        if (f) c.out.push({ ...f, severity: 'warning' });
      }
    }
    // 财政拨款收支总表 基金 / 国有资本经营 columns ↔ their tables
    for (const [t, role] of [
      [t9, 'fund'],
      [t10, 'soe'],
    ] as const) {
      if (!t4 || !t || !hasColumn(t4, role, 'expenditure')) continue;
      c.lines(t, undefined, t4, 'expenditure', 'classes', ['total'], role);
    }
    return c.out;
  },
};

interface Funding {
  /** All income is 财政拨款. */
  allFiscal: boolean;
  /** All income is 一般公共预算. */
  allGpb: boolean;
}

/** What the income side of the 收支总表 (or else the 财政拨款收支总表) says about where the money comes from. */
function fundingOf(t1: Table | undefined, t4: Table | undefined): Funding {
  const nonzero = (t: Table | undefined, role: IncomeRole) => {
    const r = t ? incomeRow(t, role) : undefined;
    const f = r?.values.total;
    return !!f && !f.value.isZero();
  };
  const others: IncomeRole[] = ['special', 'business', 'operating', 'other', 'superior', 'affiliate', 'carryover', 'reserve'];
  if (t1 && t1.rows.some((r) => r.side === 'income' && r.incomeRole)) {
    const allFiscal = !others.some((r) => nonzero(t1, r)) && (!!incomeRow(t1, 'fiscal') || !!incomeRow(t1, 'gpb'));
    return { allFiscal, allGpb: allFiscal && !nonzero(t1, 'fund') && !nonzero(t1, 'soe') };
  }
  return { allFiscal: false, allGpb: false };
}

class Comparer {
  out: RuleFinding[] = [];
  constructor(readonly d: Disclosure) {}

  /** `a` (the later table) must equal `b` (the reference). */
  equal(a: CellRef, b: CellRef): void {
    const fb = figureOf(b);
    const computed = fb ? interval(fb) : null;
    // most figures agree: names and locations are built only for a mismatch
    if (!compare(figureOf(a), computed, a.table.unit)) return;
    const f = checkAgainst(a, computed, [cellLoc(b)], 'differs', { a: cellName(a), b: cellName(b), scale: '' }, a.table);
    if (f) this.out.push(withScale(f, figureOf(a)?.value, fb?.value));
  }

  /** `a` must equal b1 + b2 + … (e.g. 基本支出 = 人员经费 + 公用经费 of another table). */
  sumEqual(a: CellRef, bs: CellRef[]): void {
    const f = checkAgainst(a, sum(bs.map(figureOf)), bs.map(cellLoc), 'differs', { a: cellName(a), b: bs.map(cellName).join(' + '), scale: '' }, a.table);
    if (f) this.out.push(f);
  }

  /**
   * Row by row by code: `ta`'s lines equal `tb`'s. `roles` are compared where both tables have
   * them; `bRole` overrides the role read in `tb` (e.g. its 一般公共预算 column). Totals too.
   */
  lines(ta: Table, sideA: Side | undefined, tb: Table, sideB: Side | undefined, scope: 'classes' | 'all', roles: ColumnRole[], bRole?: ColumnRole): void {
    const rowsA = codeMap(ta, sideA, scope);
    const rowsB = codeMap(tb, sideB, scope);
    const pairs = roles.filter((r) => hasColumn(ta, r, sideA) && hasColumn(tb, bRole ?? r, sideB));
    if (pairs.length === 0) return;
    const totA = totalRow(ta, sideA);
    const totB = totalRow(tb, sideB);
    if (totA && totB) for (const r of pairs) this.equal({ table: ta, row: totA, role: r }, { table: tb, row: totB, role: bRole ?? r });
    for (const [code, rb] of rowsB) {
      const ra = rowsA.get(code);
      for (const r of pairs) {
        const b: CellRef = { table: tb, row: rb, role: bRole ?? r };
        if (ra) this.equal({ table: ta, row: ra, role: r }, b);
        else this.missing(ta, b);
      }
    }
    for (const [code, ra] of rowsA) {
      if (rowsB.has(code)) continue;
      for (const r of pairs) this.missing(tb, { table: ta, row: ra, role: r }, bRole ? tableName(tb) + columnLabelOf(tb, bRole, sideB) : undefined);
    }
  }

  /** `b` has a non-zero line that `ta` lacks. */
  missing(ta: Table, b: CellRef, where?: string): void {
    const f = figureOf(b);
    if (!f || f.value.isZero()) return;
    this.out.push({
      messageId: 'missing-row',
      params: { b: cellName(b), expected: f.text, unit: b.table.unit, table: where ?? tableName(ta), row: b.row.label },
      locations: [{ ...ta.at, tableTitle: tableName(ta) }, cellLoc(b)],
      expected: f.text,
      actual: null,
      unit: b.table.unit,
      table: ta.id,
      subject: { table: ta.kind, row: b.row.label, column: b.role },
    });
  }

  /** Every line of `ta` is at most the same line of `tb`. */
  notMore(ta: Table, tb: Table, roles: ColumnRole[]): void {
    const rowsB = codeMap(tb, undefined, 'all');
    const tot = (t: Table) => totalRow(t);
    const pairs: [TableRow, TableRow | undefined][] = [...codeMap(ta, undefined, 'all')].map(([code, r]) => [r, rowsB.get(code)]);
    const ta0 = tot(ta);
    if (ta0) pairs.push([ta0, tot(tb)]);
    for (const [ra, rb] of pairs) {
      for (const role of roles.filter((r) => hasColumn(ta, r) && hasColumn(tb, r))) {
        const a: CellRef = { table: ta, row: ra, role };
        const fa = figureOf(a);
        if (!fa || fa.value.isZero()) continue;
        if (!rb) {
          this.missingFrom(tb, a);
          continue;
        }
        const b: CellRef = { table: tb, row: rb, role };
        const fb = figureOf(b);
        if (fb && canBeAtMost(interval(fa), interval(fb))) continue;
        const unit = ta.unit;
        this.out.push({
          messageId: 'exceeds',
          params: { a: cellName(a), b: cellName(b), actual: fa.text, expected: fb?.text ?? '0', unit } as Record<string, Param>,
          locations: [cellLoc(a), cellLoc(b)],
          expected: fb?.text ?? '0',
          actual: fa.text,
          unit,
          table: ta.id,
          subject: { table: ta.kind, row: ra.label, column: role },
        });
      }
    }
  }

  missingFrom(tb: Table, a: CellRef): void {
    this.missing(tb, a);
  }

  /** Projects grouped by their classification code add up to that code's 项目支出. */
  projectsByCode(t7: Table, t5: Table): void {
    const projects = t7.rows.filter((r) => r.kind === 'item' && r.code && r.code.length === 7);
    if (projects.length === 0) return;
    const codes = new Set(projects.map((p) => p.code!));
    for (const row of t5.rows.filter((r) => r.code?.length === 7)) codes.add(row.code!);
    for (const code of codes) {
      const mine = projects.filter((p) => p.code === code);
      // a department's table repeats the code under each unit: their sum is the line
      const lines = t5.rows.filter((r) => r.kind === 'item' && r.code === code);
      const line = codeMap(t5, undefined, 'all').get(code);
      if (!line) {
        for (const p of mine) this.missing(t5, { table: t7, row: p, role: 'total' });
        continue;
      }
      const computed = sum(mine.map((p) => p.values.total ?? null));
      const a =
        lines.length > 1
          ? { zh: `${tableName(t5)}中各单位科目${code}的项目支出之和`, en: `the sum of the project expenditure of code ${code} over the units of ${tableName(t5)}` }
          : cellName({ table: t5, row: line, role: 'project' });
      const f = checkAgainst(
        { table: t5, row: line, role: 'project' },
        computed,
        [...lines.slice(1).map((r) => cellLoc({ table: t5, row: r, role: 'project' })), ...mine.map((p) => cellLoc({ table: t7, row: p, role: 'total' }))],
        'differs',
        { a, b: `${tableName(t7)}中科目${code}各项目之和`, scale: '' },
        t5,
      );
      if (f) this.out.push(f);
    }
  }
}

function columnLabelOf(t: Table, role: ColumnRole, side?: Side): string {
  const c = columnOf(t, role, side);
  return c ? `「${c.label.split('/').pop()}」列` : roleName(role).zh;
}

/** Rows by code: only 类 rows (3 digits) or every coded row. */
const codeMaps = new WeakMap<Table, Map<string, Map<string, TableRow>>>();

function codeMap(t: Table, side: Side | undefined, scope: 'classes' | 'all'): Map<string, TableRow> {
  const key = `${side ?? ''}:${scope}`;
  let perTable = codeMaps.get(t);
  if (!perTable) codeMaps.set(t, (perTable = new Map()));
  const cached = perTable.get(key);
  if (cached) return cached;
  const groups = new Map<string, TableRow[]>();
  for (const r of t.rows) {
    if (r.kind !== 'item' || !r.code || (side && r.side !== side)) continue;
    if (scope === 'classes' && r.code.length !== 3) continue;
    const g = groups.get(r.code);
    if (g) g.push(r);
    else groups.set(r.code, [r]);
  }
  // a department table that repeats the codes under each unit: the line is their sum
  const m = new Map<string, TableRow>();
  for (const [code, rows] of groups) m.set(code, rows.length === 1 ? rows[0] : sumRows(rows));
  perTable.set(key, m);
  return m;
}

function sumRows(rows: TableRow[]): TableRow {
  const values: TableRow['values'] = {};
  for (const role of new Set(rows.flatMap((r) => Object.keys(r.values))) as Set<keyof TableRow['values']>) {
    const figs = rows.map((r) => r.values[role]).filter((f): f is Figure => !!f);
    if (figs.length === 0) {
      values[role] = null;
      continue;
    }
    let value = figs[0].value;
    let half = figs[0].half;
    let shownHalf = figs[0].shownHalf;
    for (const f of figs.slice(1)) {
      value = value.add(f.value);
      half = half.add(f.half);
      shownHalf = shownHalf.add(f.shownHalf);
    }
    values[role] = { ...figs[0], value, half, shownHalf, text: formatAmount(value, figs[0].unit, figs[0].decimals) };
  }
  return { ...rows[0], values };
}

/** A gap of exactly ×10,000 means one table is in 元 and the other in 万元. */
function withScale(f: RuleFinding, a: Dec | undefined, b: Dec | undefined): RuleFinding {
  if (!a || !b || a.isZero() || b.isZero()) return f;
  const tenK = Dec.of(10000n);
  const hint = a.eq(b.mul(tenK)) || b.eq(a.mul(tenK));
  if (!hint) return f;
  return { ...f, params: { ...f.params, scale: { zh: '；相差一万倍，可能是金额单位（元/万元）写错', en: '; they differ by a factor of 10,000, so an amount unit (元/万元) is probably wrong' } } };
}
