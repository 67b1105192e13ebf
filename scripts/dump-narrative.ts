/** Development aid: prints what the narrative reader found. npx tsx scripts/dump-narrative.ts FILE */
import { loadDocument } from '../src/load/index.js';
import { readNarrative } from '../src/narrative/index.js';
import { recognize } from '../src/recognize/index.js';

const d = recognize(await loadDocument(process.argv[2]));
const n = readNarrative(d);
const loc = (a: { line?: number; paragraph?: number; page?: number }) => (a.page ? `p${a.page}:` : '') + (a.line ?? a.paragraph ?? '');
console.log('sections:', n.sections.map((s) => `${s.kind}@${loc(s.at)}`).join(' '));
console.log('toc:', n.toc.map((e) => (e.table ? `[${e.table.kind}]` : '') + e.text).join(' | '));
for (const s of n.statements) {
  const ch = s.change ? ` Δ${s.change.direction}${s.change.amount ? ' ' + s.change.amount.text : ''}${s.change.percent ? ' ' + (s.change.percent === 'na' ? 'na' : s.change.percent.text) : ''}` : '';
  const ref = s.ref ? ` → ${s.ref.kind}:${s.ref.code ?? s.ref.income ?? s.ref.name ?? (s.ref.total ? 'total' : '')}/${s.ref.role}` : '';
  console.log(`${loc(s.at)} [${s.section[0] ?? ''}] «${s.subject}»${s.code ? '(' + s.code + ')' : ''} ${s.amount?.text ?? ''}${s.share ? ' 占' + s.share.text : ''}${ch}${s.opensList ? ' ⊃' : ''}${ref}`);
}
for (const l of n.lists) console.log(`list ${loc(l.at)} «${l.total.subject}» = ${l.items.map((i) => i.subject + ' ' + (i.amount?.text ?? '?')).join(' + ')}${l.open ? ' …' : ''}`);
for (const p of n.projects) console.log(`project ${p.name} ${p.amount?.text} ${p.unitName?.text} ${p.period?.text}`);
for (const p of n.performance) console.log(`P1 ${p.project} total=${p.total?.text} fiscal=${p.fiscal?.text} other=${p.other?.text} blanks=${p.blanks.map((b) => b.text)} texts=${p.texts.length}`);
console.log('performance summary', n.performanceSummary?.count, n.performanceSummary?.amount?.text);
