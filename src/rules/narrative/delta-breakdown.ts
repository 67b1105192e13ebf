import { Dec } from '../../decimal.js';
import type { Figure } from '../../model.js';
import type { Narrative, Statement } from '../../narrative/types.js';
import { formatAmount } from '../arith.js';
import type { Rule, RuleFinding } from '../types.js';
import { narrativeOf } from '../narrative-common.js';

/**
 * NA-DELTA-SUM: changes of the parts agree with the change of the whole. For a list that
 * divides a total ("其中：…"), the total's change is the sum of the parts' changes. For the
 * 项 lines of the 一般公共预算 (all of this year's lines listed), the total change can be at most
 * the sum of their changes: lines that existed only last year can only lower it.
 */
export const rule: Rule = {
  id: 'narrative/delta-breakdown',
  severity: 'error',
  title: { zh: '分项增减额与总额增减额一致', en: 'Changes of the parts add up to the change of the whole' },
  messages: {
    sum: {
      zh: '「{total}」{dirTotal}{totalDelta}，但其各分项增减额合计为{sum}（{items}），相差{gap}',
      en: '"{total}" changes by {totalDelta}, but its parts change by {sum} in all ({items}); difference {gap}',
    },
    bound: {
      zh: '{scope}各科目增减额合计为{sum}（{items}），总额却{dirTotal}{totalDelta}：本年的科目都已列出，上年另有的科目只会使总额的变动更小，总额变动不可能超过{sum}',
      en: 'The lines of {scope} change by {sum} in all ({items}), yet the total changes by {totalDelta}; with every current line listed, the total cannot change by more than their sum',
    },
  },
  check(d) {
    const n = narrativeOf(d);
    if (!n) return [];
    const out: RuleFinding[] = [];
    // 1. a list and its parts
    for (const l of n.lists) {
      const t = signed(l.total);
      const parts = l.items.map(signed);
      if (!t || l.open || l.items.length < 2 || parts.some((p) => !p)) continue;
      const sum = parts.reduce((a, b) => a!.add(b!), Dec.ZERO)!;
      const slack = [l.total, ...l.items].reduce((a, s) => a.add((s.change!.amount?.half ?? Dec.ZERO)), Dec.ZERO);
      const gap = t.sub(sum);
      if (gap.isZero() || gap.abs().lt(slack)) continue;
      const unit = l.total.change!.amount?.unit ?? l.items.find((i) => i.change?.amount)?.change!.amount!.unit ?? '万元';
      out.push({
        messageId: 'sum',
        params: {
          total: l.total.subject,
          dirTotal: t.sign() < 0 ? '减少' : '增加',
          totalDelta: l.total.change!.amount ? fmt(t, l.total.change!.amount) : '0',
          sum: signedText(sum, unit),
          items: l.items.map((s) => `${s.subject}${signedText(signed(s)!, unit)}`).join('，'),
          gap: signedText(gap, unit),
        },
        locations: [l.total.change!.at, ...l.items.map((s) => s.change!.at)],
        expected: plain(sum, unit),
        actual: plain(t, unit),
        gap: plain(gap, unit),
        unit,
        subject: { text: `${l.total.subject}|delta` },
      });
    }
    // 2. the 项 lines of the 一般公共预算 against its total change
    const f = projectLinesBound(n, d);
    if (f) out.push(f);
    return out;
  },
};

/** Δ with its sign, in 元. */
function signed(s: Statement): Dec | null {
  const c = s.change;
  if (!c) return null;
  if (c.direction === 'flat') return Dec.ZERO;
  if (!c.amount) return null;
  return c.direction === 'down' ? c.amount.value.neg() : c.amount.value;
}

function signedText(yuan: Dec, unit: Figure['unit']): string {
  const s = formatAmount(yuan, unit, 2);
  return (yuan.sign() > 0 ? '+' : '') + s + unit;
}

function plain(yuan: Dec, unit: Figure['unit']): string {
  return formatAmount(yuan, unit, 2);
}

function fmt(yuan: Dec, f: Figure): string {
  return `${formatAmount(yuan.abs(), f.unit, Math.max(2, f.decimals))}${f.unit}`;
}

function projectLinesBound(n: Narrative, d: Parameters<Rule['check']>[0]): RuleFinding | null {
  const lines = n.statements.filter((s) => s.section.includes('gpb-detail') && s.code && s.code.length === 7);
  if (lines.length === 0 || lines.some((s) => signed(s) === null)) return null;
  // every 项 line of the 一般公共预算支出表 with money this year is listed
  const t5 = d.tables.find((t) => t.kind === 'gpb-expenditure');
  if (t5) {
    const current = t5.rows.filter((r) => r.code?.length === 7 && r.values.total && !r.values.total.value.isZero()).map((r) => r.code!);
    if (current.some((c) => !lines.some((s) => s.code === c))) return null;
  }
  const total = gpbTotalChange(n);
  if (!total) return null;
  const sum = lines.reduce((a, s) => a.add(signed(s)!), Dec.ZERO);
  const slack = lines.reduce((a, s) => a.add(s.change!.amount?.half ?? Dec.ZERO), total.half);
  // total change ≤ Σ line changes (within rounding)
  if (total.value.sub(sum).lte(slack)) return null;
  const unit = lines[0].change!.amount?.unit ?? '万元';
  return {
    messageId: 'bound',
    params: {
      scope: { zh: '一般公共预算当年拨款', en: 'the general public budget' },
      sum: signedText(sum, unit),
      items: lines.map((s) => `${s.code}${signedText(signed(s)!, unit)}`).join('，'),
      dirTotal: total.value.sign() < 0 ? '减少' : '增加',
      totalDelta: `${formatAmount(total.value.abs(), unit, 2)}${unit}`,
    },
    locations: [...lines.map((s) => s.change!.at), ...total.at],
    expected: `≤ ${plain(sum, unit)}`,
    actual: plain(total.value, unit),
    gap: plain(total.value.sub(sum), unit),
    unit,
    subject: { text: 'gpb-lines|delta' },
  };
}

/** The change of the 一般公共预算 total: stated, or the sum of its 基本/项目 parts' changes. */
function gpbTotalChange(n: Narrative): { value: Dec; half: Dec; at: Statement['at'][] } | null {
  const direct = n.statements.find(
    (s) => s.change?.amount && s.ref && ((s.ref.kind === 'gpb-expenditure' && s.ref.total && s.ref.role === 'total') || (s.ref.income === 'gpb' && s.ref.role === 'total')),
  );
  if (direct) return { value: signed(direct)!, half: direct.change!.amount!.half, at: [direct.change!.at] };
  const parts = n.statements.filter((s) => s.ref?.kind === 'gpb-expenditure' && s.ref.total && (s.ref.role === 'basic' || s.ref.role === 'project') && s.change?.amount);
  const basic = parts.find((s) => s.ref!.role === 'basic');
  const project = parts.find((s) => s.ref!.role === 'project');
  if (!basic || !project) return null;
  return { value: signed(basic)!.add(signed(project)!), half: basic.change!.amount!.half.add(project.change!.amount!.half), at: [basic.change!.at, project.change!.at] };
}
