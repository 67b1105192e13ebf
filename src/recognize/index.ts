/**
 * recognize: Document → Disclosure. Finds the tables, reads their figures, and establishes the
 * unit, its code and the budget year from every place that states them.
 */
import type { Document } from '../document.js';
import type { AmountUnit, Disclosure, Paragraph, RoundingMode, Table, TableKind, UnitMention } from '../model.js';
import { validateTable } from './schema.js';
import { findTables } from './tables.js';
import { resolveUnit, unitCodeKey, type UnitHints } from './unit.js';

export interface RecognizeOptions {
  rounding?: RoundingMode;
  /** Expected unit name / code / year (configuration); they win over what the file says. */
  expected?: UnitHints & { year?: number };
}

export function recognize(doc: Document, options: RecognizeOptions = {}): Disclosure {
  const rounding = options.rounding ?? 'auto';
  const exactFor = (stored: boolean) => rounding === 'exact' || (rounding === 'auto' && stored);
  const optsFor = (s: (typeof doc.streams)[number], defaultUnit: AmountUnit) => ({ exact: exactFor(s.storedValues ?? doc.storedValues), defaultUnit });
  let readings = doc.streams.map((s) => findTables(s, optsFor(s, '万元')));
  // A table that declares no amount unit is read in the unit the other tables declare.
  const declared = readings.flatMap((r) => r.tables).map((t) => t.meta.amountUnit?.value).filter((u): u is AmountUnit => !!u);
  const usual = mostFrequent(declared);
  if (usual && usual !== '万元') {
    readings = doc.streams.map((s, i) =>
      readings[i].tables.some((t) => !t.meta.amountUnit) ? findTables(s, optsFor(s, usual)) : readings[i],
    );
  }
  const tables: Table[] = [];
  const paragraphs: Paragraph[] = [];
  const seen = new Map<TableKind, number>();
  for (const r of readings) {
    for (const t of r.tables) {
      const n = (seen.get(t.kind) ?? 0) + 1;
      seen.set(t.kind, n);
      if (n > 1) t.id = `${t.kind}#${n}`;
      validateTable(t);
      tables.push(t);
    }
    paragraphs.push(...r.paragraphs);
  }
  const mentions: UnitMention[] = [];
  for (const t of tables) {
    if (t.meta.unitName) mentions.push({ name: t.meta.unitName.value, code: t.meta.unitCode?.value, at: t.meta.unitName.at, source: 'table-header', table: t.id });
    for (const row of t.rows) {
      if (row.kind === 'unit' && row.unitName) mentions.push({ name: row.unitName, code: row.unitCode, at: row.labelAt, source: 'unit-row', table: t.id });
    }
  }
  const kinds = new Map(tables.map((t) => [t.id, t.kind]));
  const unit = resolveUnit(mentions, kinds, options.expected ?? {});
  const years = tables.map((t) => t.meta.year?.value).filter((y): y is number => y !== undefined);
  const year = options.expected?.year ?? mostFrequent(years) ?? null;
  return {
    file: doc.file,
    format: doc.format,
    document: doc,
    unit: { name: unit.name, code: unit.code ? unitCodeKey(unit.code) : null, mentions },
    year,
    tables,
    paragraphs,
    rounding,
  };
}

function mostFrequent<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) {
    best = v;
    n = c;
  }
  return best;
}
