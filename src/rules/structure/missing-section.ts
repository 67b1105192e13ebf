import type { SectionKind } from '../../narrative/types.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * STR-SECTIONS: the explanation has the sections every disclosure must have: functions and
 * structure, the 三公 explanation, 机关运行经费, 政府采购, 国有资产, 绩效, 名词解释. Only checked when
 * the narrative is there at all (a workbook alone is not expected to hold it).
 */
const REQUIRED: { kinds: SectionKind[]; words: RegExp; name: { zh: string; en: string } }[] = [
  { kinds: ['overview'], words: /主要职能|职能|机构设置|概况/, name: { zh: '单位概况（职能、机构设置）', en: 'functions and structure' } },
  { kinds: ['sangong'], words: /三公/, name: { zh: '“三公”经费情况说明', en: 'the three public expenses' } },
  { kinds: ['opex'], words: /机关运行经费/, name: { zh: '机关运行经费情况', en: 'agency operating costs' } },
  { kinds: ['procurement'], words: /政府采购/, name: { zh: '政府采购情况', en: 'government procurement' } },
  { kinds: ['assets'], words: /国有资产/, name: { zh: '国有资产占用使用情况', en: 'state-owned assets' } },
  { kinds: ['performance'], words: /绩效/, name: { zh: '预算绩效情况', en: 'performance management' } },
  { kinds: ['terms'], words: /名词解释/, name: { zh: '名词解释', en: 'glossary' } },
];

export const rule: Rule = {
  id: 'structure/missing-section',
  severity: 'error',
  title: { zh: '说明必备章节齐全', en: 'Required sections are present' },
  messages: {
    missing: { zh: '说明中缺少「{section}」部分', en: 'The explanation has no section on {sectionEn}' },
  },
  check(d) {
    const n = d.narrative;
    // judge only a real narrative: several headings and some statements about the budget
    if (!n || n.sections.length < 5 || n.statements.length < 3) return [];
    const out: RuleFinding[] = [];
    const headings = n.blocks.filter((b) => b.heading && b.sections[0] !== 'toc').map((b) => b.norm);
    for (const r of REQUIRED) {
      if (n.sections.some((s) => r.kinds.includes(s.kind)) || headings.some((h) => r.words.test(h))) continue;
      out.push({ messageId: 'missing', params: { section: r.name.zh, sectionEn: r.name.en }, locations: [{ ...(n.sections[0]?.at ?? {}), excerpt: n.sections[0]?.heading }], expected: r.name.zh, actual: null, subject: { text: r.name.zh } });
    }
    return out;
  },
};
