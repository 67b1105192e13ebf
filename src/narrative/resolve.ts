/**
 * Which table line a statement speaks of: by classification code, by name, or by the section
 * it is in (基本支出 in the 支出预算 section is the 支出总表's; in the 一般公共预算 section the
 * 一般公共预算支出表's).
 */
import type { ColumnRole, Disclosure, Table, TableKind } from '../model.js';
import { codesForName, lookupCode } from '../recognize/classification.js';
import { labelKey, stripQualifier } from '../recognize/text.js';
import type { Narrative, SectionKind, Statement, TableRef } from './types.js';

type Rule = { subject: RegExp; sections?: SectionKind[]; ref: TableRef | ((s: Statement) => TableRef | undefined) };

const INCOME_SECTIONS: SectionKind[] = ['income', 'total', 'explanation'];

/** Subject words → table line, tried in order; the first whose section fits wins. */
const RULES: Rule[] = [
  { subject: /^(收支总预算|收支预算总额|收支预算|预算总额)$/, ref: { kind: 'income-expenditure', total: true, income: 'total', role: 'total' } },
  { subject: /^(收入预算|收入总预算|收入预算总额|收入总计)$/, ref: { kind: 'income-expenditure', total: true, income: 'total', role: 'total' } },
  { subject: /^(支出预算|支出总预算|支出预算总额|支出总计)$/, ref: { kind: 'income-expenditure', total: true, role: 'total' } },
  { subject: /^财政拨款收支总预算$|^财政拨款收入(预算)?$/, sections: ['fiscal', 'explanation'], ref: { kind: 'fiscal', income: 'total', total: true, role: 'total' } },
  { subject: /^财政拨款支出(预算)?$/, sections: ['fiscal', 'explanation'], ref: { kind: 'fiscal', total: true, role: 'total' } },
  { subject: /^财政拨款(收入|补助)?$/, sections: INCOME_SECTIONS, ref: { kind: 'income-expenditure', income: 'fiscal', role: 'total' } },
  { subject: /^一般公共预算(拨款|资金|收入|财政拨款)*(支出预算)?$/, sections: ['gpb', 'gpb-scale'], ref: { kind: 'gpb-expenditure', total: true, role: 'total' } },
  { subject: /^一般公共预算(拨款|资金|收入)*(收入)?$/, sections: ['fiscal'], ref: { kind: 'fiscal', income: 'gpb', role: 'total' } },
  { subject: /^一般公共预算(拨款|资金|收入)*(收入)?$/, sections: INCOME_SECTIONS, ref: { kind: 'income-expenditure', income: 'gpb', role: 'total' } },
  { subject: /^一般公共预算(拨款)?支出(预算)?$/, sections: ['fiscal', 'explanation'], ref: { kind: 'fiscal', total: true, role: 'gpb' } },
  { subject: /^政府性基金(预算)?(拨款|资金|收入)*(收入)?$/, sections: ['fiscal'], ref: { kind: 'fiscal', income: 'fund', role: 'total' } },
  { subject: /^政府性基金(预算)?(拨款|资金|收入)*(收入)?$/, sections: INCOME_SECTIONS, ref: { kind: 'income-expenditure', income: 'fund', role: 'total' } },
  { subject: /^政府性基金预算(拨款)?支出$/, sections: ['fund'], ref: { kind: 'fund-expenditure', total: true, role: 'total' } },
  { subject: /^政府性基金(预算)?(拨款)?支出(预算)?$/, ref: { kind: 'fiscal', total: true, role: 'fund' } },
  { subject: /^国有资本经营预算(拨款|资金|收入)*(收入)?$/, sections: ['fiscal'], ref: { kind: 'fiscal', income: 'soe', role: 'total' } },
  { subject: /^国有资本经营预算(拨款|资金|收入)*(收入)?$/, sections: INCOME_SECTIONS, ref: { kind: 'income-expenditure', income: 'soe', role: 'total' } },
  { subject: /^国有资本经营(预算)?(拨款)?支出(预算)?$/, ref: { kind: 'fiscal', total: true, role: 'soe' } },
  { subject: /^事业收入$/, ref: { kind: 'income-expenditure', income: 'business', role: 'total' } },
  { subject: /^事业单位经营收入$/, ref: { kind: 'income-expenditure', income: 'operating', role: 'total' } },
  { subject: /^(单位)?其他(资金)?收入$/, ref: { kind: 'income-expenditure', income: 'other', role: 'total' } },
  { subject: /^基本支出$/, sections: ['gpb', 'gpb-scale'], ref: { kind: 'gpb-expenditure', total: true, role: 'basic' } },
  { subject: /^基本支出$/, sections: ['basic'], ref: { kind: 'gpb-basic', total: true, role: 'total' } },
  { subject: /^基本支出$/, sections: ['expenditure', 'total', 'explanation'], ref: { kind: 'expenditure', total: true, role: 'basic' } },
  { subject: /^项目支出$/, sections: ['gpb', 'gpb-scale'], ref: { kind: 'gpb-expenditure', total: true, role: 'project' } },
  { subject: /^项目支出$/, sections: ['project'], ref: { kind: 'gpb-project', total: true, role: 'total' } },
  { subject: /^项目支出$/, sections: ['expenditure', 'total', 'explanation'], ref: { kind: 'expenditure', total: true, role: 'project' } },
  { subject: /^一般公共预算(财政拨款)?基本支出$/, ref: { kind: 'gpb-basic', total: true, role: 'total' } },
  { subject: /^(一般公共预算)?(基本支出)?(中的)?人员经费$/, ref: { kind: 'gpb-basic', total: true, role: 'personnel' } },
  { subject: /^(一般公共预算)?(基本支出)?(中的)?(日常)?公用经费$/, ref: { kind: 'gpb-basic', total: true, role: 'public' } },
  { subject: /^(一般公共预算)?(财政拨款)?三公经费(预算)?(数|支出)?$/, ref: { kind: 'sangong', total: true, role: 'total' } },
  { subject: /^因公出国\(境\)费(用)?$/, sections: ['sangong'], ref: { kind: 'sangong', total: true, role: 'abroad' } },
  { subject: /^公务用车购置及运行(维护)?费$/, sections: ['sangong'], ref: { kind: 'sangong', total: true, role: 'vehicle' } },
  { subject: /^公务用车购置费$/, sections: ['sangong'], ref: { kind: 'sangong', total: true, role: 'vehicle-purchase' } },
  { subject: /^公务用车运行(维护)?费$/, sections: ['sangong'], ref: { kind: 'sangong', total: true, role: 'vehicle-operation' } },
  { subject: /^公务接待费$/, sections: ['sangong'], ref: { kind: 'sangong', total: true, role: 'reception' } },
];

export function resolveStatements(n: Narrative, d: Disclosure): void {
  for (const s of n.statements) s.ref = resolve(s, d);
  // "初中教育支出2,065,405.42元，其中：基本支出2,065,405.42元，项目支出0元": the split of that
  // line, not the totals of the tables
  for (const l of n.lists) {
    const parent = l.total.ref;
    if (parent?.total) continue;
    for (const item of l.items) {
      const part = /^(基本支出|项目支出)$/.exec(labelKey(item.subject))?.[1];
      if (!part) continue;
      item.ref = parent?.code ? { ...parent, role: part === '基本支出' ? 'basic' : 'project' } : undefined;
    }
  }
}

function resolve(s: Statement, d: Disclosure): TableRef | undefined {
  const subject = labelKey(s.subject);
  for (const r of RULES) {
    if (!r.subject.test(subject)) continue;
    if (r.sections && !r.sections.some((k) => s.section.includes(k))) continue;
    const ref = typeof r.ref === 'function' ? r.ref(s) : r.ref;
    if (ref) return ref;
  }
  // classification lines: by code written with the name, or by the name path
  const code = s.code && lookupOrTable(d, s.code) ? s.code : codeFromNames(s.subject, d);
  if (code) {
    const inGpb = s.section.some((k) => k === 'gpb' || k === 'gpb-structure' || k === 'gpb-detail' || k === 'gpb-scale');
    if (s.section.includes('fiscal') && code.length === 3) return { kind: 'fiscal', code, role: has(d, 'fiscal', 'gpb') ? 'gpb' : 'total' };
    if (inGpb || code.length > 3 || s.section.includes('explanation')) return { kind: has(d, 'gpb-expenditure') ? 'gpb-expenditure' : 'expenditure', code, role: 'total' };
    return { kind: 'expenditure', code, role: 'total' };
  }
  // economic lines in the basic-expenditure section, by name
  if (s.section.includes('basic')) {
    const t6 = d.tables.find((t) => t.kind === 'gpb-basic');
    const row = t6?.rows.find((r) => r.code && r.name && sameItem(r.name, s.subject));
    if (row) return { kind: 'gpb-basic', code: row.code, role: 'total' };
  }
  // projects by name
  if (s.section.includes('project')) {
    const t7 = d.tables.find((t) => t.kind === 'gpb-project');
    const row = t7?.rows.find((r) => r.project && sameItem(r.project, s.subject));
    if (row) return { kind: 'gpb-project', name: row.project, role: 'total' };
  }
  return undefined;
}

function has(d: Disclosure, kind: TableKind, role?: ColumnRole): boolean {
  const t = d.tables.find((x) => x.kind === kind);
  return !!t && (!role || t.columns.some((c) => c.role === role));
}

function lookupOrTable(d: Disclosure, code: string): boolean {
  return !!lookupCode('functional', code) || d.tables.some((t) => t.rows.some((r) => r.code === code));
}

/**
 * "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行", "一般公共服务支出（类）商贸事务（款）行政运行（项）"
 * and "一般公共服务支出" → the code, using the tables' own names first.
 */
function codeFromNames(subject: string, d: Disclosure): string | undefined {
  const parts = labelKey(subject)
    .replace(/科目$/, '')
    .split(/[-—–]|\((?:类|款|项)\)/)
    .map((p) => p.replace(/^\(|\)$/g, ''))
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return undefined;
  const rows = d.tables.filter((t) => t.kind !== 'gpb-basic').flatMap((t) => t.rows.filter((r) => r.code && r.name));
  let code = '';
  for (const part of parts) {
    const want = code.length === 0 ? 3 : code.length + 2;
    const hit = rows.find((r) => r.code!.length === want && r.code!.startsWith(code) && sameItem(r.name!, part))?.code ?? codesForName('functional', part).find((c) => c.length === want && c.startsWith(code));
    if (!hit) return undefined;
    code = hit;
  }
  return code || undefined;
}

/** Names of the same line: equal without qualifiers, or equal once 缴费/费 wording is aligned. */
export function sameItem(a: string, b: string): boolean {
  const k = (x: string) => stripQualifier(x).replace(/缴费/g, '费').replace(/费用$/, '费');
  return k(a) === k(b);
}

export function tableFor(d: Disclosure, kind: TableKind): Table | undefined {
  return d.tables.find((t) => t.kind === kind && t.columns.length > 0);
}
