/**
 * Which unit the disclosure is about, from every place that names it (table headers, unit rows,
 * titles, narrative). Full and short forms of a name are the same unit.
 */
import type { TableKind, UnitMention } from '../model.js';
import { CANONICAL_ORDER } from './kinds.js';
import { checkPlaces, placeTokens, placeWithin } from './places.js';
import { labelKey } from './text.js';

/** Abbreviations that do not change which unit is meant. */
const SHORT_FORMS: [RegExp, string][] = [
  [/人民政府/g, '政府'],
  [/人民代表大会常务委员会/g, '人大常委会'],
  [/中国共产党/g, '中共'],
  [/委员会/g, '委'],
];

export function unitKey(name: string): string {
  let k = labelKey(name).replace(/^[\[(]\d+[\])]/, '');
  for (const [re, to] of SHORT_FORMS) k = k.replace(re, to);
  return k;
}

/** Whether two names denote the same unit: equal keys, or one is the other with leading enclosing places. */
export function sameUnit(a: string, b: string): boolean {
  const ka = unitKey(a);
  const kb = unitKey(b);
  if (ka === kb) return true;
  const [long, short] = ka.length > kb.length ? [ka, kb] : [kb, ka];
  if (!long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  const pre = placeTokens(prefix);
  if (pre.length === 0 || pre.map((t) => t.text).join('') !== prefix || pre.some((t) => t.unknown)) return false;
  const inner = placeTokens(short);
  if (inner.length === 0) return true;
  return placeWithin(inner[0].divisions, pre[pre.length - 1].divisions);
}

export interface ResolvedUnit {
  name: string | null;
  code: string | null;
}

export interface UnitHints {
  /** Expected name from configuration or the command line. */
  name?: string;
  code?: string;
}

/**
 * Picks the unit's name: the expected name when given; otherwise among the distinct names in
 * table headers, one whose places exist and nest; then the one in the first table (收支总表
 * first); then the most frequent.
 */
export function resolveUnit(mentions: UnitMention[], tableKinds: Map<string, TableKind>, hints: UnitHints = {}): ResolvedUnit {
  const code = hints.code ?? mostFrequent(mentions.filter((m) => m.source === 'table-header' && m.code).map((m) => m.code!));
  if (hints.name) return { name: hints.name, code: code ?? null };
  const headerNames = mentions.filter((m) => m.source === 'table-header' || m.source === 'title');
  const pool = headerNames.length > 0 ? headerNames : mentions;
  if (pool.length === 0) return { name: null, code: code ?? null };
  const groups: { names: string[]; mentions: UnitMention[] }[] = [];
  for (const m of pool) {
    const g = groups.find((x) => sameUnit(x.names[0], m.name));
    if (g) {
      g.mentions.push(m);
      g.names.push(m.name);
    } else groups.push({ names: [m.name], mentions: [m] });
  }
  const rank = (g: (typeof groups)[number]) => {
    const valid = g.names.every((n) => checkPlaces(n).problems.length === 0) ? 0 : 1;
    const first = Math.min(
      ...g.mentions.map((m) => {
        const kind = m.table ? tableKinds.get(m.table) : undefined;
        const i = kind ? CANONICAL_ORDER.indexOf(kind) : -1;
        return i < 0 ? 99 : i;
      }),
    );
    return [valid, first, -g.mentions.length];
  };
  groups.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return 0;
  });
  const best = groups[0];
  // the form written most often in the winning group (table headers first)
  return { name: mostFrequent(best.names) ?? best.names[0], code: code ?? null };
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) {
    best = v;
    n = c;
  }
  return best;
}

/** Normalizes a unit code as written: "(002002)", "[002002]", "（002002）" → 002002. */
export function unitCodeKey(code: string): string {
  return code.replace(/\D/g, '');
}
