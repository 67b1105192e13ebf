/** Headings, sections and the table of contents of the narrative. */
import { matchTitleText } from '../recognize/tables.js';
import { chineseNumber } from '../recognize/text.js';
import type { Section, SectionKind, TextBlock, TocEntry } from './types.js';

/** Section kinds by heading words, tried in order (the first match wins). */
const KINDS: [SectionKind, RegExp][] = [
  ['toc', /^目\s*录$/],
  ['terms', /名词解释/],
  ['annex', /^附件|^附表|绩效目标表$/],
  ['opex', /机关运行经费/],
  ['procurement', /政府采购/],
  ['assets', /国有资产/],
  ['performance', /绩效/],
  ['sangong', /三公/],
  ['fund', /政府性基金/],
  ['soe', /国有资本经营/],
  ['basic', /基本支出/],
  ['project', /项目支出/],
  ['gpb-scale', /规模变化/],
  ['gpb-structure', /结构情况/],
  ['gpb-detail', /具体使用情况/],
  ['gpb', /一般公共预算/],
  ['fiscal', /财政拨款收支/],
  ['total', /收支(总)?预算情况的总体说明|收支总体情况|总体说明/],
  ['income', /收入预算/],
  ['expenditure', /支出预算/],
  ['other-matters', /其他(重要|相关)事项|其他相关情况说明|其他需说明/],
  ['explanation', /情况说明$|预算编制说明|编制说明/],
  ['tables', /预算公开表$|预算表$/],
  ['overview', /概况|主要职能|机构设置|人员情况/],
];

export interface Heading {
  level: number;
  number?: number;
  title: string;
}

/** Whether a block is a heading: short, no sentence end, and numbered or a known title. */
export function headingOf(block: TextBlock): Heading | null {
  if (block.cells) return null;
  const t = block.norm.replace(/^[\s\-•·*]+/, '').trim();
  if (t.length === 0 || t.length > 70 || /[。;；]$/.test(t) || /[。；]/.test(t.slice(0, -1))) return null;
  let m = /^第([一二三四五六七八九十]+)部分\s*(.*)$/.exec(t);
  if (m) return { level: 1, number: chineseNumber(m[1]) ?? undefined, title: m[2] };
  m = /^([一二三四五六七八九十]+)[、.]\s*(.+)$/.exec(t);
  if (m && !/[:：]\s*\S/.test(m[2]) && !/\d+(\.\d+)?(万元|元|%)/.test(m[2])) return { level: 2, number: chineseNumber(m[1]) ?? undefined, title: m[2] };
  m = /^[(（]([一二三四五六七八九十]+)[)）]\s*(.+)$/.exec(t);
  if (m && !/\d+(\.\d+)?(万元|元|%)/.test(m[2]) && m[2].length <= 40) return { level: 3, number: chineseNumber(m[1]) ?? undefined, title: m[2] };
  if (/^目\s*录$|^名词解释[:：]?$|^其他相关情况说明$|预算编制说明$|主要职能$|机构设置$|^附件/.test(t)) return { level: 2, title: t };
  return null;
}

export function kindOf(title: string): SectionKind | undefined {
  return KINDS.find(([, re]) => re.test(title))?.[0];
}

/**
 * Finds the sections and marks each block with the kinds of the sections it is in. The table
 * of contents runs from 目录 until a top-level number comes round again or prose starts.
 */
export function findSections(blocks: TextBlock[]): { sections: Section[]; toc: TocEntry[] } {
  const sections: Section[] = [];
  const toc: TocEntry[] = [];
  const open: Section[] = [];
  let inToc = false;
  const tocNumbers = new Set<string>();
  blocks.forEach((b, i) => {
    const h = headingOf(b);
    if (inToc) {
      const key = h ? `${h.level}:${h.number ?? h.title}` : '';
      const prose = !h && (b.norm.length > 40 || /[。;]/.test(b.norm)) && !matchTitleText(b.norm.replace(/^[\s\-•·*]+/, '').replace(/^\d+[.．、]\s*/, ''));
      const unnumberedAfterNumbered = !!h && h.number === undefined && toc.some((e) => e.level <= 2 && /^[一二三四五六七八九十]+[、.]/.test(e.text.replace(/^第/, '')));
      if ((h && h.level === 1 && tocNumbers.has(key)) || prose || unnumberedAfterNumbered) {
        inToc = false;
      } else {
        b.heading = true;
        if (key) tocNumbers.add(key);
        toc.push(tocEntry(b, h));
        b.sections = ['toc'];
        return;
      }
    }
    if (h) {
      b.heading = true;
      const kind = kindOf(h.title) ?? (h.level === 1 ? 'explanation' : undefined);
      if (kind === 'toc') {
        inToc = true;
        b.sections = ['toc'];
        return;
      }
      while (open.length && open[open.length - 1].level >= h.level) open.pop()!.end = i;
      if (kind) {
        const s: Section = { kind, heading: b.text, level: h.level, at: b.at, start: i, end: blocks.length };
        sections.push(s);
        open.push(s);
      }
    }
    b.sections = open.map((s) => s.kind).reverse();
  });
  return { sections, toc };
}

function tocEntry(b: TextBlock, h: Heading | null): TocEntry {
  const raw = b.norm.replace(/^[\s\-•·*]+/, '').trim();
  const numbered = /^(?:[一二三四五六七八九十]+[、.]|\d+[.．、]|[(（][一二三四五六七八九十\d]+[)）])\s*/.exec(raw);
  const text = numbered ? raw.slice(numbered[0].length) : raw;
  const title = matchTitleText(text);
  const num = numbered ? chineseNumber(numbered[0].replace(/[^\d一二三四五六七八九十]/g, '')) ?? undefined : undefined;
  return {
    text: b.text.replace(/^[\s\-•·*]+/, ''),
    at: b.at,
    level: h?.level ?? 3,
    ...(title ? { table: { kind: title.spec.kind, title: text, number: num } } : {}),
  };
}
