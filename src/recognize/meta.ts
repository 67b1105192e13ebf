/**
 * The lines above a table's grid: who prepared it (unit name and code), for which year, and in
 * which amount unit. Many label variants occur in real exports (see docs/architecture.md).
 */
import type { AmountUnit } from '../model.js';
import { toHalfWidth } from './text.js';

export interface MetaReading {
  unitName?: string;
  unitCode?: string;
  parentName?: string;
  parentCode?: string;
  year?: number;
  amountUnit?: AmountUnit;
  /** The unit label was present with a code but no name: the name is on the next line. */
  nameOnNextLine?: boolean;
  /** Something was recognized in the text. */
  any: boolean;
}

const AMOUNT_UNIT = /(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|元)(?![\u4e00-\u9fa5])/;
const AMOUNT_UNIT_BRACKETED = /[(（]\s*(?:金额)?单位\s*[:：]?\s*(亿元|万元|千元|元)\s*[)）]/;
const YEAR = /(?:预算|决算)?年度\s*[:：]\s*(\d{4})/;
const UNIT_LABEL =
  /(预算单位编码及名称|单位编码及名称|预算单位名称|预算单位|编制单位|编制部门|填报单位|单位名称|部门名称|预算部门|主管部门|部门|单位)\s*[:：]\s*/;

export function readMeta(raw: string): MetaReading {
  const text = raw.replace(/\r?\n/g, ' ');
  const out: MetaReading = { any: false };
  const au = AMOUNT_UNIT_BRACKETED.exec(text) ?? AMOUNT_UNIT.exec(text);
  if (au) {
    out.amountUnit = au[1] as AmountUnit;
    out.any = true;
  }
  const y = YEAR.exec(text);
  if (y) {
    out.year = Number(y[1]);
    out.any = true;
  }
  const label = findUnitLabel(text);
  if (label !== null) {
    let value = text.slice(label);
    // cut where another label starts
    value = value.split(/(?:金额单位|单位\s*[:：]\s*(?:亿元|万元|千元|元)|预算年度|年度\s*[:：]|公开\d+表)/)[0];
    const items = splitUnits(value);
    if (items.length > 0) {
      out.any = true;
      const unit = items[items.length - 1];
      if (unit.code) out.unitCode = unit.code;
      if (unit.name) out.unitName = unit.name;
      else if (unit.code) out.nameOnNextLine = true;
      if (items.length > 1) {
        out.parentCode = items[0].code;
        out.parentName = items[0].name;
      }
    }
  }
  return out;
}

/** Index just after a unit label ("编制单位：" …) that is not the amount-unit label. */
function findUnitLabel(text: string): number | null {
  const re = new RegExp(UNIT_LABEL.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (before.endsWith('金额')) continue;
    const rest = text.slice(m.index + m[0].length);
    if (/^(亿元|万元|千元|元)(?![\u4e00-\u9fa5])/.test(rest)) continue;
    return m.index + m[0].length;
  }
  return null;
}

/** "[311]上高县房地产管理局 , [311001]上高县住房保障中心" → two units; "(002002)" → a code alone. */
export function splitUnits(value: string): { code?: string; name?: string }[] {
  const items: { code?: string; name?: string }[] = [];
  for (const part of value.split(/[,，;；]|\s{2,}/)) {
    const p = toHalfWidth(part).trim();
    if (!p) continue;
    const m = /^[([【]?\s*(\d{3,})\s*[)\]】]?\s*(.*)$/.exec(p);
    if (m && (/[([【]/.test(p[0]) || m[2] === '' || /^\d{3,}\s/.test(p))) {
      items.push({ code: m[1], name: cleanName(m[2]) || undefined });
    } else if (/[\u4e00-\u9fa5]/.test(p)) {
      items.push({ name: cleanName(p) });
    }
  }
  return items;
}

export function cleanName(s: string): string {
  return s
    .replace(/^[\s:：]+|[\s:：,，]+$/g, '')
    .replace(/\s+/g, '');
}

/** A year written in a title ("2025年预算单位…", "(2022年度)"). */
export function yearInTitle(title: string): number | undefined {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(toHalfWidth(title));
  return m ? Number(m[1]) : undefined;
}
