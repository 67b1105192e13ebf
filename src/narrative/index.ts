/**
 * narrative: the disclosure's running text → claims tied to the table lines they speak of.
 */
import type { Disclosure } from '../model.js';
import { findMentions } from './mentions.js';
import { readPerformanceTables, readProjects } from './projects.js';
import { resolveStatements, sameItem } from './resolve.js';
import { findSections } from './sections.js';
import { readStatements } from './statements.js';
import { reflow } from './text.js';
import type { Narrative, Statement } from './types.js';

export type { Narrative } from './types.js';

export function readNarrative(d: Disclosure): Narrative {
  const blocks = reflow(d.paragraphs);
  const { sections, toc } = findSections(blocks);
  const unitNames = unitNameForms(d);
  const statements: Statement[] = [];
  const lists: Narrative['lists'] = [];
  let carry: Statement | null = null;
  for (const b of blocks) {
    if (b.heading || b.cells || b.sections[0] === 'toc') {
      if (b.heading) carry = null;
      continue;
    }
    const r = readStatements(b, unitNames, carry, statements);
    // "1.公共安全支出…。" "2.…。" then "3" and no more: the list was cut off
    if (carry && !r.statements.some((s) => s.amount) && /^\s*(?:\d+|[(（]?[一二三四五六七八九十]+[)）]?)\s*[.、．]?/.test(b.text)) {
      for (const l of lists) if (l.total === carry) l.open = true;
    }
    statements.push(...r.statements);
    for (const l of r.lists) if (!lists.includes(l)) lists.push(l);
    // a list carried from "…，其中：" goes on while the following blocks state amounts
    carry = r.open ?? (carry && r.statements.some((s) => s.amount) ? carry : null);
  }
  // lists carried over several blocks: one list per head
  const merged = new Map<Statement, Narrative['lists'][number]>();
  for (const l of lists) {
    const m = merged.get(l.total);
    // (a head that opens a second list in its sentence — its items' amounts, then their
    // changes — keeps one item per subject)
    if (m) m.items.push(...l.items.filter((i) => !m.items.includes(i) && !m.items.some((x) => sameItem(x.subject, i.subject))));
    else merged.set(l.total, l);
  }
  const narrative: Narrative = {
    blocks,
    sections,
    toc,
    statements,
    lists: [...merged.values()].filter((l) => l.items.length > 0),
    projects: readProjects(blocks),
    performance: readPerformanceTables(blocks),
    mentions: findMentions(blocks, d.unit.name),
  };
  narrative.performanceSummary = readPerformanceSummary(narrative);
  resolveStatements(narrative, d);
  return narrative;
}

/** The unit's name as written in full and short forms, longest first. */
function unitNameForms(d: Disclosure): string[] {
  const names = new Set<string>();
  for (const n of [d.unit.name, ...d.unit.mentions.map((m) => m.name)]) {
    if (!n) continue;
    names.add(n);
    names.add(n.replace(/政府/g, '人民政府').replace(/人民人民/g, '人民'));
    names.add(n.replace(/人民政府/g, '政府'));
  }
  // short forms such as 政府办 are also words of other names (政府办公厅): not removed from subjects
  return [...names].filter((n) => n.length >= 5).sort((a, b) => b.length - a.length);
}

function readPerformanceSummary(n: Narrative): Narrative['performanceSummary'] {
  for (const b of n.blocks) {
    const m = /(?:绩效(?:管理|目标)?的?|编报绩效目标的)[^。]*?项目(?:共)?\s*(\d+)\s*个[,，]?\s*(?:涉及|共涉及)?(?:项目)?(?:预算)?(?:资金|金额)?\s*([\d,.]+)\s*(万元|元|万)/.exec(b.norm);
    if (m) {
      const amount = n.statements.find((s) => s.block === b.index && s.amount && s.amount.text.startsWith(m[2]))?.amount;
      return { count: Number(m[1]), amount, at: { ...b.at, excerpt: b.text.slice(Math.max(0, m.index - 4), m.index + m[0].length + 2) } };
    }
  }
  return undefined;
}
