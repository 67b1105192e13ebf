import { Dec } from '../../decimal.js';
import { interval } from '../arith.js';
import type { Rule, RuleFinding } from '../types.js';
import { currentAmount, narrativeOf, percentFits, percentText, rateBounds, shareBounds, shortSubject } from '../narrative-common.js';

/**
 * NA-YOY, NA-DIRECTION, NA-ZERO-BASE: a growth rate follows from the amounts, rate = |Δ| / (本年 − Δ),
 * decided on the intervals the written decimals allow; 增加/减少 and 增长/下降 agree; a rate on a
 * zero base is written as 新增 or 不可比, never as 增长x%; 持平 means no change.
 */
export const rule: Rule = {
  id: 'narrative/yoy',
  severity: 'error',
  title: { zh: '增减率与增减额一致', en: 'Year-on-year rates follow from the amounts' },
  messages: {
    rate: {
      zh: '「{subject}」本年{current}，{dir}{delta}，{word}率应为{expected}%（{delta}÷上年{prior}），文中写{actual}%',
      en: '"{subject}": {current} this year, {dirEn} {delta}, so the rate is {expected}% ({delta} ÷ last year {prior}); the text says {actual}%',
    },
    direction: {
      zh: '「{subject}」的增减方向自相矛盾：金额写“{a}”，比率写“{b}”',
      en: '"{subject}" contradicts itself: the amount says "{a}" but the rate says "{b}"',
    },
    'zero-base': {
      zh: '「{subject}」上年为0（本年{current}全部为增加额），不能写“{word}{actual}%”，应写“新增”或“不可比”',
      en: '"{subject}" was 0 last year (all of {current} is new), so "{word} {actual}%" cannot be right; write 新增 or 不可比',
    },
    'not-zero-base': {
      zh: '「{subject}」写明增长率不可比（基数为0），但按本年{current}与增加额{delta}计算，上年为{prior}',
      en: '"{subject}" says the rate is not comparable (zero base), but {current} this year and a change of {delta} put last year at {prior}',
    },
    prior: {
      zh: '「{subject}」本年{current}，上年{prior}，{dir}额应为{expected}，文中写{actual}',
      en: '"{subject}": {current} this year and {prior} last year, so the change is {expected}; the text says {actual}',
    },
    flat: {
      zh: '「{subject}」写“持平”，却又写了变动{actual}',
      en: '"{subject}" is said to be unchanged, but a change of {actual} is given',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    for (const s of n.statements) {
      const c = s.change;
      if (!c) continue;
      const base = { table: undefined, subject: { text: `${s.subject}|yoy` } };
      const subject = shortSubject(s);
      const words = [c.amountWord, c.percentWord].filter(Boolean) as string[];
      if (words.length === 2 && isDown(words[0]) !== isDown(words[1])) {
        out.push({ ...base, messageId: 'direction', params: { subject, a: words[0], b: words[1] }, locations: [c.at], expected: null, actual: `${words[0]}/${words[1]}` });
        continue;
      }
      if (c.direction === 'flat') {
        const moved = (c.amount && !c.amount.value.isZero()) || (c.percent && c.percent !== 'na' && !c.percent.value.isZero());
        if (moved) out.push({ ...base, messageId: 'flat', params: { subject, actual: c.amount?.text ?? (c.percent !== 'na' ? c.percent?.text : '') ?? '' }, locations: [c.at], expected: '0', actual: c.amount?.text ?? null });
        continue;
      }
      const current = currentAmount(d, n, s);
      // "较2024年的2190万元减少221万元": the change follows from the two years' figures
      if (c.prior && c.amount && current) {
        const stated = c.direction === 'down' ? c.amount.value.neg() : c.amount.value;
        const computed = current.value.sub(c.prior.value);
        const slack = current.half.add(c.prior.half).add(c.amount.half);
        if (computed.sub(stated).abs().gt(slack)) {
          const unit = c.amount.unit;
          const shown = trimAmount(computed.abs(), unit);
          out.push({ ...base, messageId: 'prior', params: { subject, current: current.text, prior: c.prior.text, dir: computed.sign() < 0 ? '减少' : '增加', expected: shown, actual: `${c.amountWord ?? ''}${c.amount.text}` }, locations: [c.at, current.at], expected: shown, actual: c.amount.text });
          continue;
        }
      }
      // "较2022年预算1.50万元增长75%": the rate over the base stated
      if (!c.amount && c.prior && current && c.percent && c.percent !== 'na') {
        const diff = current.value.sub(c.prior.value).abs();
        const part = { ...current, value: diff, half: current.half.add(c.prior.half) };
        const bounds = shareBounds(interval(part), interval(c.prior));
        if (percentFits(c.percent, bounds.lo, bounds.hi)) continue;
        const expected = percentText(diff, c.prior.value, c.percent.decimals) ?? '—';
        const unit = current.unit;
        out.push({
          ...base,
          messageId: 'rate',
          params: { subject, current: current.text, delta: trimAmount(diff, unit), dir: current.value.gte(c.prior.value) ? '增加' : '减少', dirEn: current.value.gte(c.prior.value) ? 'up' : 'down', word: c.direction === 'down' ? '下降' : '增长', prior: c.prior.text, expected, actual: c.percent.value.toString() },
          locations: [c.at, current.at],
          expected: `${expected}%`,
          actual: c.percent.text,
          gap: `${gapText(c.percent.value, Dec.parse(expected) ?? Dec.ZERO)}%`,
        });
        continue;
      }
      if (!c.amount || !c.percent) continue;
      if (!current) continue;
      const up = c.direction !== 'down';
      const delta = c.amount;
      const prior = up ? current.value.sub(delta.value) : current.value.add(delta.value);
      const unit = current.unit === delta.unit ? delta.unit : '万元';
      const fmt = (v: Dec) => trimAmount(v, unit);
      const params = {
        subject,
        current: current.text,
        delta: delta.text,
        dir: up ? '增加' : '减少',
        dirEn: up ? 'up' : 'down',
        word: up ? '增长' : '下降',
        prior: fmt(prior),
      };
      if (c.percent === 'na') {
        if (!prior.isZero() && !(current.value.isZero() && delta.value.isZero()))
          out.push({ ...base, messageId: 'not-zero-base', params, locations: [c.at, current.at], expected: fmt(prior), actual: '0' });
        continue;
      }
      const pct = c.percent;
      if (current.value.isZero() && delta.value.isZero()) continue; // 0 → 0: "增长0%" says nothing wrong
      if (up && prior.isZero() && current.half.isZero() && delta.half.isZero()) {
        out.push({ ...base, messageId: 'zero-base', params: { ...params, actual: pct.value.toString() }, locations: [c.at], expected: '新增', actual: pct.text });
        continue;
      }
      const b = rateBounds(interval(current), interval(delta), up);
      if (percentFits(pct, b.lo, b.hi)) continue;
      // "总预算A元，其中：基本支出B元，项目支出C元，同比增加D元，增长x%": after the last item
      // the change may be the total's; when it fits the total it is not an error
      const list = n.lists.find((l) => l.items[l.items.length - 1] === s && l.total.amount && !l.total.change);
      if (list) {
        const t = rateBounds(interval(list.total.amount!), interval(delta), up);
        if (percentFits(pct, t.lo, t.hi)) continue;
      }
      if (up && prior.sign() <= 0) {
        out.push({ ...base, messageId: 'zero-base', params: { ...params, actual: pct.value.toString() }, locations: [c.at], expected: '新增', actual: pct.text });
        continue;
      }
      const expected = percentText(delta.value, prior, pct.decimals) ?? '—';
      out.push({
        ...base,
        messageId: 'rate',
        params: { ...params, expected, actual: pct.value.toString() },
        locations: [c.at, ...(s.amount ? [] : [current.at])],
        expected: `${expected}%`,
        actual: pct.text,
        gap: `${gapText(pct.value, Dec.parse(expected) ?? Dec.ZERO)}%`,
      });
    }
    return out;
  },
};

function isDown(word: string): boolean {
  return /减|降/.test(word);
}

function gapText(a: Dec, b: Dec): string {
  return a.sub(b).toString();
}

/** An amount in 元 shown in the statement's unit, without needless zeros. */
function trimAmount(yuan: Dec, unit: string): string {
  const exp = unit === '万元' ? 4 : unit === '亿元' ? 8 : unit === '千元' ? 3 : 0;
  return `${yuan.mul(Dec.pow10(-exp)).toString()}${unit}`;
}

