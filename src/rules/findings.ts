/** Building findings for arithmetic identities: both sides, the gap and every cell involved. */
import type { Location } from '../document.js';
import type { ColumnRole, Figure, Table, TableRow } from '../model.js';
import { ROLE_NAMES } from '../recognize/kinds.js';
import { compare, sum, type Interval, type Mismatch } from './arith.js';
import { columnLabel, figureAt, locate, tableName } from './query.js';
import type { Bilingual, Param, RuleFinding } from './types.js';

export const BLANK: Bilingual = { zh: '（空白）', en: '(blank)' };

/** A cell of a table taking part in an identity. */
export interface CellRef {
  table: Table;
  row: TableRow;
  role: ColumnRole;
}

export function figureOf(c: CellRef): Figure | null {
  return c.row.values[c.role] ?? null;
}

export function cellLoc(c: CellRef): Location {
  return figureAt(c.table, c.row, c.role, figureOf(c));
}

/** "表三「201 一般公共服务支出」合计" */
export function cellName(c: CellRef): string {
  const col = columnLabel(c.table, c.role, c.row.side);
  return c.row.label ? `${tableName(c.table)}「${c.row.label}」${col}` : `${tableName(c.table)}「${col}」`;
}

export function roleName(role: ColumnRole): Bilingual {
  return ROLE_NAMES[role];
}

/** Params every arithmetic message can use. */
export function amountParams(mm: Mismatch): Record<string, Param> {
  return {
    actual: mm.stated ? mm.actual : BLANK,
    expected: mm.expected,
    gap: mm.gap,
    unit: mm.unit,
  };
}

/**
 * Checks that `stated` equals the sum of `parts` (with signs) and, when not, returns a finding
 * located at the stated cell first and then at every part.
 */
export function checkSum(
  stated: CellRef,
  parts: CellRef[],
  messageId: string,
  params: Record<string, Param>,
  signs?: number[],
): RuleFinding | null {
  const computed = sum(parts.map(figureOf), signs);
  const mm = compare(figureOf(stated), computed, stated.table.unit);
  if (!mm) return null;
  return {
    messageId,
    params: { table: tableName(stated.table), row: stated.row.label, column: columnLabel(stated.table, stated.role, stated.row.side), ...params, ...amountParams(mm) },
    locations: [cellLoc(stated), ...parts.map(cellLoc)],
    expected: mm.expected,
    actual: mm.stated ? mm.actual : null,
    gap: mm.gap,
    unit: mm.unit,
    table: stated.table.id,
    subject: { table: stated.table.kind, row: stated.row.label, column: columnLabel(stated.table, stated.role, stated.row.side) },
  };
}

/** Compares one cell with an interval computed elsewhere (another table, a derived value). */
export function checkAgainst(
  stated: CellRef | null,
  computed: Interval | null,
  others: Location[],
  messageId: string,
  params: Record<string, Param>,
  tableForGrouping: Table,
): RuleFinding | null {
  const mm = compare(stated ? figureOf(stated) : null, computed, tableForGrouping.unit);
  if (!mm) return null;
  const loc = stated ? cellLoc(stated) : undefined;
  return {
    messageId,
    params: { ...params, ...amountParams(mm) },
    locations: [...(loc ? [loc] : []), ...others],
    expected: mm.expected,
    actual: mm.stated ? mm.actual : null,
    gap: mm.gap,
    unit: mm.unit,
    table: tableForGrouping.id,
    subject: stated
      ? { table: stated.table.kind, row: stated.row.label, column: columnLabel(stated.table, stated.role, stated.row.side) }
      : { table: tableForGrouping.kind },
  };
}

export { locate };
