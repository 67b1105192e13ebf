import type { UnitMention } from '../../model.js';
import { placeConflict, type PlaceConflict } from '../../narrative/mentions.js';
import { checkPlaces, divisionPath, placeTokens } from '../../recognize/places.js';
import { sameUnit, unitCodeKey } from '../../recognize/unit.js';
import type { Bilingual, Rule, RuleFinding } from '../types.js';

/** STR-UNIT-NAME: the unit is named the same way everywhere, and its place names exist and nest. */
export const rule: Rule = {
  id: 'meta/unit-name',
  severity: 'error',
  title: { zh: '单位名称全文一致', en: 'The unit is named consistently' },
  messages: {
    differs: {
      zh: '{where}的单位名称「{actual}」与本单位「{expected}」不一致{place}',
      en: '{where} names the unit "{actual}", but the disclosure is for "{expected}"{place}',
    },
    text: {
      zh: '文中的单位名称「{actual}」与本单位「{expected}」不一致{place}',
      en: 'The text names the unit "{actual}", but the disclosure is for "{expected}"{place}',
    },
    place: {
      zh: '单位名称「{actual}」中的地名有误{place}',
      en: 'The place in the unit name "{actual}" is wrong{place}',
    },
  },
  check(d) {
    const out: RuleFinding[] = [];
    const unit = d.unit.name;
    if (!unit) return out;
    const code = d.unit.code;
    const seen = new Set<string>();
    for (const m of d.unit.mentions) {
      if (m.source === 'unit-row' && !(m.code && code && unitCodeKey(m.code) === code)) continue;
      if (sameUnit(m.name, unit)) continue;
      out.push({
        messageId: 'differs',
        params: { where: where(m, d.tables), actual: m.name, expected: unit, place: placeNote(m.name) },
        locations: [{ ...m.at, excerpt: m.name }],
        expected: unit,
        actual: m.name,
        table: m.table,
        subject: { table: m.table?.replace(/#\d+$/, ''), row: m.source, text: m.name },
      });
      seen.add(m.name);
    }
    // the running text: every heading and sentence that names the unit with its places
    for (const m of d.narrative?.mentions ?? []) {
      const conflict = placeConflict(m, unit);
      if (!conflict) continue;
      out.push({
        messageId: 'text',
        params: { actual: m.text, expected: unit, place: conflictNote(conflict, unit) },
        locations: [m.at],
        expected: unit,
        actual: m.text,
        subject: { row: 'narrative', text: m.text },
      });
    }
    // the name everything agrees on may itself name a place that does not exist
    const first = d.unit.mentions.find((m) => m.name === unit) ?? d.unit.mentions.find((m) => sameUnit(m.name, unit));
    const note = placeNote(unit);
    if (first && note.zh) {
      out.push({
        messageId: 'place',
        params: { actual: unit, place: note },
        locations: [{ ...first.at, excerpt: unit }],
        expected: null,
        actual: unit,
        table: first.table,
        subject: { text: unit },
      });
    }
    return out;
  },
};

function where(m: UnitMention, tables: { id: string; label?: string; title: { value: string } }[]): Bilingual {
  const t = m.table ? tables.find((x) => x.id === m.table) : undefined;
  const name = t ? (t.label ? `${t.label}` : t.title.value) : '';
  switch (m.source) {
    case 'table-header':
      return { zh: `${name}表头`, en: `The header of ${name}` };
    case 'unit-row':
      return { zh: `${name}单位行`, en: `The unit row of ${name}` };
    case 'title':
      return { zh: '标题', en: 'The title' };
    default:
      return { zh: '正文', en: 'The text' };
  }
}

/** "（乌鲁木齐区 不是行政区划，已知 乌鲁木齐市、乌鲁木齐县）" for a name whose places are wrong. */
export function placeNote(name: string): Bilingual {
  const { problems } = checkPlaces(name);
  if (problems.length === 0) return { zh: '', en: '' };
  const p = problems[0];
  if (p.kind === 'unknown') {
    return {
      zh: `（没有名为「${p.token}」的行政区划，相近的有 ${p.detail.join('、')}）`,
      en: ` (there is no division named "${p.token}"; similar: ${p.detail.join(', ')})`,
    };
  }
  return {
    zh: `（「${p.token}」属于 ${p.detail.join(' ')}，与前面的地名不符）`,
    en: ` ("${p.token}" lies in ${p.detail.join(' ')}, not in the place named before it)`,
  };
}

/** "（乌尔禾区属于 新疆维吾尔自治区 克拉玛依市，不在乌鲁木齐市）" */
function conflictNote(c: PlaceConflict, unit: string): Bilingual {
  if (c.reason === 'unknown') {
    const [token, known] = c.detail.split('|');
    return { zh: `（没有名为「${token}」的行政区划，相近的有 ${known}）`, en: ` (there is no division named "${token}"; similar: ${known.split('、').join(', ')})` };
  }
  const inner = placeTokens(unit).filter((t) => !t.unknown).pop();
  const path = inner?.divisions[0] ? divisionPath(inner.divisions[0]).slice(0, -1).join(' ') : '';
  return {
    zh: `（${inner?.text ?? ''}属于 ${path}，不在「${c.detail}」）`,
    en: ` (${inner?.text ?? ''} lies in ${path}, not in "${c.detail}")`,
  };
}
