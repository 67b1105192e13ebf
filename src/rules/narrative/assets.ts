import { toHalfWidth } from '../../recognize/text.js';
import { tableOf } from '../query.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf } from '../narrative-common.js';

/**
 * NT-ASSET: assets are stated as at the end of the previous year (or a date in it); the vehicle
 * count is the sum of its kinds; "未安排购置车辆" agrees with a zero 公务用车购置费 in the 三公 table
 * and a planned purchase with a non-zero one.
 */
export const rule: Rule = {
  id: 'narrative/assets',
  severity: 'warning',
  title: { zh: '国有资产说明自洽', en: 'The assets section is consistent' },
  messages: {
    date: { zh: '国有资产应截至{expected}年底，文中写「{text}」', en: 'Assets should be stated as at the end of {expected}; the text says "{text}"' },
    vehicles: { zh: '车辆总数为{actual}辆，各类车辆合计{expected}辆（{items}）', en: '{actual} vehicles in all, but the kinds add up to {expected} ({items})' },
    purchase: {
      zh: '文中「{text}」，但{cell}为{value}',
      en: 'The text says "{text}", but {cell} is {value}',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n || d.year === null) return [];
    const out: RuleFinding[] = [];
    const blocks = n.blocks.filter((b) => b.sections.includes('assets') && !b.heading);
    for (const b of blocks) {
      const t = toHalfWidth(b.text);
      for (const m of t.matchAll(/截[至止]\s*((?:19|20)\d{2})年/g)) {
        if (Number(m[1]) !== d.year - 1) out.push({ messageId: 'date', params: { expected: d.year - 1, text: t.slice(m.index!, m.index! + 12) }, locations: [{ ...b.at, excerpt: t.slice(m.index!, m.index! + 16) }], expected: String(d.year - 1), actual: m[1], subject: { text: 'asset-date' } });
      }
      // 车辆N辆…其中：a辆、b辆… (the first count is the total)
      const total = /(?:共有)?车辆\s*(\d+)\s*辆/.exec(t);
      const kinds = total ? [...t.slice(total.index + total[0].length).matchAll(/([\u4e00-\u9fa5]{2,12}?(?:用车|车辆))\s*(\d+)\s*辆/g)] : [];
      if (total && kinds.length >= 2 && /其中/.test(t)) {
        const sum = kinds.reduce((a, k) => a + Number(k[2]), 0);
        if (sum !== Number(total[1]))
          out.push({ messageId: 'vehicles', params: { actual: total[1], expected: sum, items: kinds.map((k) => `${k[1]}${k[2]}辆`).join('、') }, locations: [{ ...b.at, excerpt: t.slice(total.index, total.index + 40) }], expected: String(sum), actual: total[1], subject: { text: 'vehicles' } });
      }
    }
    // a planned purchase of vehicles and the 三公 table's 购置费
    const t8 = tableOf(d, 'sangong');
    const row = t8?.rows.find((r) => r.kind === 'total') ?? t8?.rows[0];
    const fee = row?.values['vehicle-purchase'];
    if (t8 && row && fee !== undefined) {
      for (const b of blocks) {
        const t = toHalfWidth(b.text);
        const none = /未安排(?:公务用车|车辆)?购置(?:车辆)?(?:经费|预算)?|安排购置车辆\s*0\s*辆/.exec(t);
        const some = /安排购置(?:公务用车|车辆)\s*([1-9]\d*)\s*辆/.exec(t);
        const hit = none ?? some;
        if (!hit) continue;
        const zero = !fee || fee.value.isZero();
        if ((none && !zero) || (some && zero)) {
          const cell = `${t8.label ?? t8.title.value}公务用车购置费`;
          out.push({ messageId: 'purchase', params: { text: hit[0], cell, value: fee?.text ?? '空白' }, locations: [{ ...b.at, excerpt: hit[0] }, ...(fee ? [fee.at] : [])], expected: none ? '0' : '> 0', actual: fee?.text ?? null, subject: { text: 'vehicle-purchase' } });
        }
      }
    }
    return out;
  },
};
