/** Development aid: prints what the recognizer read from a file. npx tsx scripts/dump.ts FILE */
import { loadDocument } from '../src/load/index.js';
import { recognize } from '../src/recognize/index.js';

const file = process.argv[2];
const d = recognize(await loadDocument(file), { rounding: (process.argv[3] as 'auto') ?? 'auto' });
console.log('unit', d.unit.name, d.unit.code, 'year', d.year, 'rounding', d.rounding);
for (const t of d.tables) {
  console.log(`\n[${t.id}] ${t.label ?? ''} ${t.title.value} unit=${t.unit} at=${JSON.stringify(t.at)}`);
  console.log('  meta', JSON.stringify({ name: t.meta.unitName?.value, code: t.meta.unitCode?.value, year: t.meta.year?.value, unit: t.meta.amountUnit?.value }));
  console.log('  columns', t.columns.map((c) => `${c.index}:${c.role}${c.side ? '/' + c.side[0] : ''}(${c.label})`).join(' '));
  for (const r of t.rows) {
    const vals = Object.entries(r.values)
      .map(([k, v]) => `${k}=${v ? v.text + (v.half.isZero() ? '' : '±') : '∅'}`)
      .join(' ');
    console.log(`  ${r.kind.padEnd(5)} ${r.side?.[0] ?? ' '} ${(r.code ?? '').padEnd(7)} ${r.incomeRole ?? ''} ${r.label} | ${vals}`);
  }
  if (t.notes.length) console.log('  notes', t.notes.map((n) => n.text));
  if (t.problems.length) console.log('  problems', JSON.stringify(t.problems));
  if (t.invalidCells.length) console.log('  invalid', JSON.stringify(t.invalidCells));
}
console.log(`\n${d.paragraphs.length} paragraphs`);
