/** Where the running text names the unit, with the place names written in front of its name. */
import { checkPlaces, placeTokens, placeWithin, type PlaceToken } from '../recognize/places.js';
import { unitKey } from '../recognize/unit.js';
import { spanAt } from './text.js';
import type { NarrativeMention, TextBlock } from './types.js';

/** The unit's name without its leading places, as a pattern that also accepts 人民政府 for 政府. */
function tailPattern(unitName: string): RegExp | null {
  const key = unitKey(unitName);
  const places = placeTokens(key);
  const tail = key.slice(places.map((p) => p.text).join('').length);
  if (tail.length < 2 || places.length === 0) return null;
  const body = tail
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/政府/g, '(?:人民)?政府')
    .replace(/委(?!员会)/g, '委(?:员会)?');
  return new RegExp(body, 'g');
}

export function findMentions(blocks: TextBlock[], unitName: string | null): NarrativeMention[] {
  if (!unitName) return [];
  const re = tailPattern(unitName);
  if (!re) return [];
  const out: NarrativeMention[] = [];
  for (const b of blocks) {
    const texts = b.cells ? b.cells.map((c) => ({ text: c.text, at: c.at })) : [{ text: b.norm, at: b.at }];
    for (const { text, at } of texts) {
      for (const m of text.matchAll(re)) {
        const before = text.slice(Math.max(0, m.index! - 16), m.index!);
        const places = leadingPlaces(before);
        if (!places) continue;
        const start = m.index! - places.length;
        const end = m.index! + m[0].length;
        out.push({ text: text.slice(start, end), places, at: b.cells ? { ...at, excerpt: text.slice(start, end) } : spanAt(b, start, end) });
      }
    }
  }
  return out;
}

/** The longest end of `before` made only of place names ("关于乌尔禾区" → "乌尔禾区"). */
function leadingPlaces(before: string): string | null {
  for (let i = 0; i < before.length - 1; i++) {
    const s = before.slice(i);
    const tokens = placeTokens(s);
    if (tokens.length && tokens.map((t) => t.text).join('') === s) return s;
  }
  return null;
}

export interface PlaceConflict {
  /** The mention names another place than the unit's (or one that does not exist). */
  reason: 'unknown' | 'other-place';
  detail: string;
}

/** Whether the places written before the unit's name fit the unit: its own place, inside what encloses it. */
export function placeConflict(mention: NarrativeMention, unitName: string): PlaceConflict | null {
  const unitPlaces = checkPlaces(unitKey(unitName)).tokens.filter((t) => !t.unknown);
  if (unitPlaces.length === 0) return null;
  const inner = unitPlaces[unitPlaces.length - 1];
  const { tokens, problems } = checkPlaces(mention.places);
  const unknown = tokens.find((t) => t.unknown);
  if (unknown) return { reason: 'unknown', detail: `${unknown.text}|${unknown.unknown!.knownAs.join('、')}` };
  if (problems.length) return { reason: 'other-place', detail: problems[0].token };
  const last = tokens[tokens.length - 1];
  if (!sameDivision(last, inner)) return { reason: 'other-place', detail: last.text };
  // places written before it must enclose it
  for (const t of tokens.slice(0, -1)) if (!placeWithin(inner.divisions, t.divisions) && !sameDivision(t, inner)) return { reason: 'other-place', detail: t.text };
  return null;
}

function sameDivision(a: PlaceToken, b: PlaceToken): boolean {
  return a.divisions.some((x) => b.divisions.some((y) => x.code === y.code));
}
