/** Reading typed tables from rules: finding tables, rows and cells, and pointing at them. */
import { columnLetters, type Location } from '../document.js';
import type { ColumnRole, Disclosure, Figure, IncomeRole, Side, Table, TableKind, TableRow } from '../model.js';
import { KIND_SPEC } from '../recognize/kinds.js';
import type { Bilingual } from './types.js';

export function tablesOf(d: Disclosure, kind: TableKind): Table[] {
  return d.tables.filter((t) => t.kind === kind);
}

/** The first table of a kind that could be read (has columns). */
export function tableOf(d: Disclosure, kind: TableKind): Table | undefined {
  return d.tables.find((t) => t.kind === kind && t.columns.length > 0) ?? d.tables.find((t) => t.kind === kind);
}

/** "表三 单位支出总体情况表" — how the table is named in messages. */
export function tableName(t: Table): string {
  return t.label ? `${t.label} ${t.title.value}` : t.title.value;
}

export function kindName(kind: TableKind, prefix = ''): Bilingual {
  const spec = KIND_SPEC.get(kind)!;
  return spec.prefixed && prefix ? { zh: prefix + spec.name.zh, en: spec.name.en } : spec.name;
}

export function columnOf(t: Table, role: ColumnRole, side?: Side) {
  return t.columns.find((c) => c.role === role && (side === undefined || c.side === side));
}

export function hasColumn(t: Table, role: ColumnRole, side?: Side): boolean {
  return !!columnOf(t, role, side);
}

export function columnLabel(t: Table, role: ColumnRole, side?: Side): string {
  const c = columnOf(t, role, side);
  if (!c) return role;
  const parts = c.label.split('/');
  return parts[parts.length - 1];
}

/** Location of a row's cell, with the table, row and column named. */
export function locate(t: Table, row: TableRow, role?: ColumnRole): Location {
  const f = role ? row.values[role] : undefined;
  const base = f?.at ?? (role ? cellLocation(t, row, role) : row.labelAt);
  return {
    ...base,
    tableTitle: tableName(t),
    rowLabel: row.label,
    ...(role ? { columnLabel: columnLabel(t, role, row.side) } : {}),
  };
}

/** Where a blank cell is: the row's location moved to the column. */
function cellLocation(t: Table, row: TableRow, role: ColumnRole): Location {
  const col = columnOf(t, role, row.side);
  const at = { ...row.at };
  if (col && at.cell) at.cell = at.cell.replace(/^[A-Z]+/, columnLetters(col.index));
  if (col && at.line !== undefined) at.column = col.index + 1;
  return at;
}


export function figureAt(t: Table, row: TableRow, role: ColumnRole, f: Figure | null | undefined): Location {
  return f ? { ...f.at, tableTitle: tableName(t), rowLabel: row.label, columnLabel: columnLabel(t, role, row.side) } : locate(t, row, role);
}

export function totalRow(t: Table, side?: Side): TableRow | undefined {
  return t.rows.find((r) => r.kind === 'total' && (side === undefined || r.side === side));
}

export function itemRows(t: Table, side?: Side): TableRow[] {
  return t.rows.filter((r) => r.kind === 'item' && (side === undefined || r.side === side));
}

export function codedRows(t: Table, side?: Side): TableRow[] {
  return itemRows(t, side).filter((r) => r.code);
}

/** Rows with a given code (the first per code unless `all`). */
export function rowByCode(t: Table, code: string, side?: Side): TableRow | undefined {
  return t.rows.find((r) => r.code === code && (side === undefined || r.side === side));
}

export function incomeRow(t: Table, role: IncomeRole): TableRow | undefined {
  return t.rows.find((r) => r.side === 'income' && r.incomeRole === role);
}

/** The amount roles of a table's columns (not label or code columns), per side. */
export function amountRoles(t: Table, side?: Side): ColumnRole[] {
  const skip = new Set<ColumnRole>(['lei', 'kuan', 'xiang', 'code', 'name', 'project-name']);
  return t.columns.filter((c) => !skip.has(c.role) && (side === undefined || c.side === side)).map((c) => c.role);
}

/** Whether a table has data rows to check. */
export function hasData(t: Table | undefined): t is Table {
  return !!t && t.rows.some((r) => Object.values(r.values).some((v) => v));
}

/** Whether a code appears more than once in the table (one tree per unit). */
export function sectionsOf(t: Table): TableRow[][] {
  const codes = t.rows.filter((r) => r.code).map((r) => r.code!);
  if (new Set(codes).size === codes.length) return [t.rows];
  const sections: TableRow[][] = [];
  let current: TableRow[] = [];
  for (const r of t.rows) {
    if (r.kind === 'unit' && current.some((x) => x.code)) {
      sections.push(current);
      current = [];
    }
    current.push(r);
  }
  sections.push(current);
  return sections;
}
