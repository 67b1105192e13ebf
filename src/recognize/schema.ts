/**
 * zod schemas of the typed tables the recognizer hands to the rules. A table that does not
 * satisfy its schema is kept, with a problem the rules report, instead of crashing a rule.
 */
import { z } from 'zod';
import { Dec } from '../decimal.js';
import type { Table } from '../model.js';
import { KIND_SPEC } from './kinds.js';

const location = z
  .object({
    sheet: z.string().optional(),
    cell: z.string().optional(),
    range: z.string().optional(),
    page: z.number().int().min(1).optional(),
    line: z.number().int().min(1).optional(),
    paragraph: z.number().int().min(1).optional(),
    table: z.number().int().min(1).optional(),
    row: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
  })
  .loose();

/**
 * A figure: exact decimals (never floats), a non-negative rounding interval, a known unit. Checked
 * with a predicate rather than an object schema: tables hold thousands of them and a parse that
 * copies every one would cost more than reading the file.
 */
const UNITS = new Set(['元', '千元', '万元', '亿元']);
function isFigure(v: unknown): boolean {
  if (v === null) return true;
  const f = v as Record<string, unknown>;
  return (
    typeof f === 'object' &&
    f.value instanceof Dec &&
    f.half instanceof Dec &&
    (f.half as Dec).sign() >= 0 &&
    typeof f.text === 'string' &&
    UNITS.has(f.unit as string) &&
    Number.isInteger(f.decimals) &&
    (f.decimals as number) >= 0 &&
    typeof f.at === 'object'
  );
}
const figure = z.custom<unknown>(isFigure, 'not an exact figure with its unit and rounding interval');

const row = z.object({
  kind: z.enum(['total', 'subtotal', 'unit', 'item']),
  side: z.enum(['income', 'expenditure']).optional(),
  label: z.string(),
  code: z
    .string()
    .regex(/^\d{3}(\d{2}){0,2}$/, 'classification code of 3, 5 or 7 digits')
    .optional(),
  name: z.string().optional(),
  values: z.record(z.string(), figure),
  at: z.custom<object>((v) => typeof v === 'object' && v !== null, 'no location'),
});

export const tableSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['income-expenditure', 'income', 'expenditure', 'fiscal', 'gpb-expenditure', 'gpb-basic', 'gpb-project', 'sangong', 'fund-expenditure', 'soe-expenditure']),
    title: z.object({ value: z.string().min(1), at: location }).loose(),
    unit: z.enum(['元', '千元', '万元', '亿元']),
    // the parsed copy is not used, only the verdict: plain objects (not .loose()) let zod compile
    // its fast path for the many rows
    columns: z.array(z.object({ index: z.number().int().min(0), role: z.string(), label: z.string() })),
    rows: z.array(row),
  })
  .loose();

/** Validates a recognized table; problems are recorded on the table. */
export function validateTable(table: Table): void {
  const result = tableSchema.safeParse(table);
  if (!result.success) {
    for (const issue of result.error.issues.slice(0, 5)) {
      const path = issue.path.join('.');
      const rowIndex = issue.path[0] === 'rows' ? Number(issue.path[1]) : -1;
      const at = rowIndex >= 0 ? table.rows[rowIndex]?.at ?? table.at : table.at;
      table.problems.push({ code: 'invalid', params: { path, detail: issue.message, row: rowIndex >= 0 ? table.rows[rowIndex]?.label ?? '' : '' }, at });
    }
    // rows that fail the schema are not given to the rules
    const bad = new Set(result.error.issues.filter((i) => i.path[0] === 'rows').map((i) => Number(i.path[1])));
    if (bad.size) table.rows = table.rows.filter((_, i) => !bad.has(i));
  }
  const spec = KIND_SPEC.get(table.kind);
  if (spec && table.rows.length > 0 && !table.rows.some((r) => Object.keys(r.values).length > 0)) {
    table.problems.push({ code: 'no-figures', params: {}, at: table.at });
  }
}
