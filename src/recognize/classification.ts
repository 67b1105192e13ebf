/**
 * 政府收支分类科目: code ↔ name tables (data/classification), loaded once on first use.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../paths.js';
import { stripNumbering, stripQualifier } from './text.js';

export type CodeSystem = 'functional' | 'economic';

export interface ClassEntry {
  code: string;
  name: string;
  level: number;
}

interface Tables {
  entries: Map<string, ClassEntry>[];
  byName: Map<string, string[]>[];
  legacy: { code: string; legacy: string; current: string }[];
  complete: Set<string>;
}


let cache: Tables | null = null;

function readCsv(name: string): string[][] {
  const text = readFileSync(packageFile('data', 'classification', name), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

function load(): Tables {
  if (cache) return cache;
  const systems: Record<CodeSystem, string[]> = {
    functional: ['functional_2022_lei.csv', 'functional_kuan_xiang_partial.csv'],
    economic: ['economic_department.csv'],
  };
  const entries: Map<string, ClassEntry>[] = [];
  const byName: Map<string, string[]>[] = [];
  for (const sys of ['functional', 'economic'] as CodeSystem[]) {
    const m = new Map<string, ClassEntry>();
    const n = new Map<string, string[]>();
    for (const f of systems[sys]) {
      for (const [code, name, level] of readCsv(f)) {
        m.set(code, { code, name, level: Number(level) });
        const key = stripQualifier(name);
        n.set(key, [...(n.get(key) ?? []), code]);
      }
    }
    entries.push(m);
    byName.push(n);
  }
  const legacy = readCsv('legacy_names.csv').map(([code, l, c]) => ({ code, legacy: l, current: c }));
  const complete = new Set(readCsv('completeness.csv').filter((r) => r[2] === 'yes').map((r) => `${r[0]}:${r[1]}`));
  cache = { entries, byName, legacy, complete };
  return cache;
}

const idx = (s: CodeSystem) => (s === 'functional' ? 0 : 1);

export function lookupCode(system: CodeSystem, code: string): ClassEntry | undefined {
  return load().entries[idx(system)].get(code);
}

/** Codes whose name (without a trailing qualifier) is `name`. */
export function codesForName(system: CodeSystem, name: string): string[] {
  return load().byName[idx(system)].get(stripQualifier(stripNumbering(name))) ?? [];
}

/** The 类-level code named `name` (e.g. "一、一般公共服务支出" → 201), if unambiguous. */
export function categoryCodeForName(system: CodeSystem, name: string): string | undefined {
  const codes = codesForName(system, name).filter((c) => c.length === 3);
  if (codes.length === 1) return codes[0];
  const legacy = load().legacy.find((l) => stripQualifier(l.legacy) === stripQualifier(stripNumbering(name)));
  return legacy && system === 'functional' ? legacy.code : undefined;
}

export function legacyName(code: string, name: string): { current: string } | undefined {
  const key = stripQualifier(name);
  const hit = load().legacy.find((l) => l.code === code && stripQualifier(l.legacy) === key);
  return hit ? { current: hit.current } : undefined;
}

/** Parent code: 2010301 → 20103 → 201; 30101 → 301. */
export function parentCode(code: string): string | undefined {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return undefined;
}

/** Whether the data lists every child of `parent` (so an unknown child code is really unknown). */
export function childrenComplete(system: CodeSystem, parent: string | undefined): boolean {
  return load().complete.has(`${system}:${parent ?? ''}`);
}

/** Names compare equal when they differ only in spacing, bracket width or a trailing qualifier. */
export function sameName(a: string, b: string): boolean {
  return stripQualifier(a) === stripQualifier(b) || stripQualifier(a) === b || a === stripQualifier(b);
}

/** Every legacy class name with its code and current name. */
export function legacyNames(): { code: string; legacy: string; current: string }[] {
  return load().legacy;
}
