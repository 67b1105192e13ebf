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

const KINDS = new Set(['total', 'subtotal', 'unit', 'item']);
const SIDES = new Set(['income', 'expenditure']);
const CODE = /^\d{3}(\d{2}){0,2}$/;

/**
 * The row schema as a predicate, for the common case of a good row: a table has hundreds of rows
 * and zod's parse of each would cost a tenth of a check. A row it rejects is parsed by `row`, so
 * the issues (path and message) are zod's.
 */
function rowLooksValid(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (!KINDS.has(r.kind as string) || typeof r.label !== 'string') return false;
  if (r.side !== undefined && !SIDES.has(r.side as string)) return false;
  if (r.code !== undefined && (typeof r.code !== 'string' || !CODE.test(r.code))) return false;
  if (r.name !== undefined && typeof r.name !== 'string') return false;
  if (typeof r.at !== 'object' || r.at === null) return false;
  if (typeof r.values !== 'object' || r.values === null || Array.isArray(r.values)) return false;
  for (const f of Object.values(r.values)) if (!isFigure(f)) return false;
  return true;
}

const rows = z.array(z.unknown()).superRefine((list, ctx) => {
  list.forEach((item, i) => {
    if (rowLooksValid(item)) return;
    const result = row.safeParse(item);
    if (result.success) return;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [i, ...issue.path] });
  });
});

export const tableSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['income-expenditure', 'income', 'expenditure', 'fiscal', 'gpb-expenditure', 'gpb-basic', 'gpb-project', 'sangong', 'fund-expenditure', 'soe-expenditure']),
    title: z.object({ value: z.string().min(1), at: location }).loose(),
    unit: z.enum(['元', '千元', '万元', '亿元']),
    columns: z.array(z.object({ index: z.number().int().min(0), role: z.string(), label: z.string() })),
    rows,
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
