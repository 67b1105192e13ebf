/** The project list (项目名称 / 预算安排规模 …) and the 项目支出绩效目标表 of the narrative. */
import { toHalfWidth } from '../recognize/text.js';
import { AMOUNT, amountFigure } from './numbers.js';
import { spanAt } from './text.js';
import type { PerformanceTable, ProjectClaim, TextBlock } from './types.js';

/** "项目名称：区长专项准备经费" then "预算安排规模：支出金额20.00万元", "项目承担单位：…". */
export function readProjects(blocks: TextBlock[]): ProjectClaim[] {
  const out: ProjectClaim[] = [];
  let cur: ProjectClaim | null = null;
  for (const b of blocks) {
    if (b.cells) continue;
    const t = b.norm;
    let m = /^项目名称[:：]\s*(.+)$/.exec(t);
    if (m) {
      cur = { name: m[1].trim(), at: spanAt(b, 0, t.length) };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    m = /^(?:预算安排规模|预算规模|预算金额|资金规模)[:：]/.exec(t);
    if (m) {
      const a = new RegExp(AMOUNT.source).exec(t);
      if (a) cur.amount = amountFigure(a[1], a[2], spanAt(b, a.index, a.index + a[0].length)) ?? undefined;
      continue;
    }
    m = /^(?:项目)?承担单位[:：]\s*(.+)$/.exec(t);
    if (m) {
      cur.unitName = { text: m[1].trim(), at: spanAt(b, t.indexOf(m[1]), t.length) };
      continue;
    }
    m = /^资金执行时间[:：]\s*(.+)$/.exec(t);
    if (m) {
      cur.period = { text: m[1].trim(), at: spanAt(b, t.indexOf(m[1]), t.length) };
      continue;
    }
    if (b.heading) cur = null;
  }
  return out;
}

/** 项目支出绩效目标表: a title line, then rows (cells) with 项目名称, 预算单位, 项目资金 … */
export function readPerformanceTables(blocks: TextBlock[]): PerformanceTable[] {
  const out: PerformanceTable[] = [];
  let cur: PerformanceTable | null = null;
  for (const b of blocks) {
    if (!b.cells) {
      if (/绩效目标表/.test(b.norm) && b.norm.length < 40) {
        cur = { title: b.text, blanks: [], texts: [], at: b.at };
        out.push(cur);
      } else if (cur && b.norm.length > 40 && !/^[(（]?\d{4}年度[)）]?$/.test(b.norm)) {
        // prose after the table ends it; short lines (signatures, phone numbers) do not
        if (/[。]$/.test(b.norm)) cur = null;
      }
      continue;
    }
    if (!cur) continue;
    const cells = b.cells.filter((c) => c.text.trim() !== '');
    const key = toHalfWidth(cells[0]?.text ?? '').replace(/\s/g, '');
    const rest = cells.slice(key === '' ? 0 : 1);
    if (/^项目名称$/.test(key) && rest[0]) cur.project = rest[0].text.trim();
    if (/^(预算单位|实施单位|主管部门)$/.test(key) && rest[0]) cur.unitName = { text: rest[0].text.trim(), at: { ...rest[0].at, excerpt: rest[0].text } };
    for (const c of cells) {
      const t = toHalfWidth(c.text).replace(/\s+/g, '');
      const money = /(年度资金总额|资金总额|财政拨款|其他资金)[:：]?(?:([\d,.]+)(万元|元|万))?/.exec(t);
      if (money) {
        const at = { ...c.at, excerpt: c.text.trim() };
        if (!money[2]) {
          if (/^(年度资金总额|其中[:：]?财政拨款|财政拨款|其他资金)[:：]?(万元|元)[。.]?$/.test(t.replace(/^其中[:：]?/, ''))) cur.blanks.push({ text: c.text.trim(), at });
        } else {
          const fig = amountFigure(money[2], money[3], at);
          if (fig) {
            if (/总额/.test(money[1])) cur.total = fig;
            else if (money[1] === '财政拨款') cur.fiscal = fig;
            else cur.other = fig;
          }
        }
        continue;
      }
      if (t.length >= 6) cur.texts.push({ text: c.text.trim(), at: { ...c.at, excerpt: c.text.trim() } });
    }
  }
  return out;
}
