/** Table sets by template: which tables a disclosure must contain. */
import type { Disclosure, TableKind } from '../model.js';
import { CANONICAL_ORDER } from '../recognize/kinds.js';
import { placeTokens } from '../recognize/places.js';
import type { Profile } from './types.js';

/** The nine tables of the 单位/部门预算 template: the usual order without 国有资本经营预算支出表. */
const NINE: TableKind[] = CANONICAL_ORDER.filter((k) => k !== 'soe-expenditure');

export const PROFILES: Profile[] = [
  { id: 'unit', name: { zh: '单位预算公开（九张表）', en: 'unit budget (nine tables)' }, required: NINE, prefix: '单位' },
  { id: 'department', name: { zh: '部门预算公开（九张表）', en: 'department budget (nine tables)' }, required: NINE, prefix: '部门' },
  {
    id: 'shanghai',
    name: { zh: '上海市区级预算公开（九张表）', en: 'Shanghai district budget (nine tables)' },
    required: ['income-expenditure', 'income', 'expenditure', 'fiscal', 'gpb-expenditure', 'fund-expenditure', 'soe-expenditure', 'gpb-basic', 'sangong'],
    prefix: '单位',
  },
];

export function profileById(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** The profile a disclosure follows when none is configured: by the unit's province. */
export function chooseProfile(d: Disclosure): Profile {
  const name = d.unit.name ?? '';
  const first = placeTokens(name)[0];
  if (first?.divisions.some((x) => x.code === '31' || x.code.startsWith('31'))) return profileById('shanghai')!;
  const text = d.tables.map((t) => t.title.value).join(' ');
  if (/部门/.test(text) && !/单位/.test(text)) return profileById('department')!;
  return profileById('unit')!;
}
