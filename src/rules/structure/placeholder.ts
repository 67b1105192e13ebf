import type { Location } from '../../document.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * STR-PLACEHOLDER: template residue — XX部门, ××, 某某, （单位名称）— or an amount left blank
 * ("其他资金 万元", "增长%") must not be published.
 */
const PATTERNS: { re: RegExp; what: { zh: string; en: string } }[] = [
  { re: /[XＸ]{2,}|×{2,}|[＊*]{3,}|某某|[(（]\s*(单位|部门)名称\s*[)）]|[【\[]\s*(?:单位|部门|项目)?名称\s*[】\]]/g, what: { zh: '模板占位符', en: 'a template placeholder' } },
  { re: /(?:资金|金额|经费|预算|费用|收入|支出|拨款|合计|总额|价值|预算数)(?:[ \u3000:：]*万元|[ \u3000:：]+元)(?=[。,，;；、)）]|$)/g, what: { zh: '空白金额', en: 'a blank amount' } },
  { re: /(?:增长|下降|增加|减少|占)[ \u3000]*%/g, what: { zh: '空白百分比', en: 'a blank percentage' } },
];

/** Words that legitimately end right before 元/万元 ("单位：万元", "金额单位：元"). */
const UNIT_LABEL = /(单位|金额单位|币种|计量单位|人民币)[:：]?[ \u3000]*(万元|元)$/;

export const rule: Rule = {
  id: 'structure/placeholder',
  severity: 'error',
  title: { zh: '无模板残留和空白金额', en: 'No template placeholders or blank amounts' },
  messages: {
    placeholder: {
      zh: '文中有{what}：「{text}」',
      en: 'The text holds {what}: "{text}"',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const texts: { text: string; at: Location }[] = [];
    for (const b of d.narrative?.blocks ?? []) {
      if (b.cells) for (const c of b.cells) texts.push({ text: c.text, at: c.at });
      else texts.push({ text: b.text, at: b.at });
    }
    for (const t of d.tables) if (t.meta.unitName) texts.push({ text: t.meta.unitName.value, at: t.meta.unitName.at });
    for (const { text, at } of texts) {
      for (const p of PATTERNS) {
        for (const m of text.matchAll(p.re)) {
          const around = text.slice(Math.max(0, m.index! - 10), m.index! + m[0].length + 2);
          if (p.what.zh === '空白金额' && (UNIT_LABEL.test(text.slice(0, m.index! + m[0].length)) || /[\d.]\s*$/.test(text.slice(0, m.index! + 1)))) continue;
          out.push({
            messageId: 'placeholder',
            params: { what: p.what, text: around.trim() },
            locations: [{ ...at, excerpt: around.trim() }],
            expected: null,
            actual: m[0].trim(),
            subject: { text: `${around.trim()}|placeholder` },
          });
        }
      }
    }
    return out;
  },
};
