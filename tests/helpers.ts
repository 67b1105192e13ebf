import { fileURLToPath } from 'node:url';
import { checkFile, type CheckOptions } from '../src/index.js';
import type { Finding } from '../src/rules/types.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

export async function findings(path: string, opts: CheckOptions = {}): Promise<Finding[]> {
  const r = await checkFile(path, { companions: false, ...opts });
  if (r.error) throw new Error(`${path}: ${r.error.code} ${r.error.message}`);
  return r.findings;
}

/** The parts of a finding a test pins down: rule, severity, first location, expected and actual. */
export function brief(f: Finding) {
  const at = f.locations[0] ?? {};
  const where = at.sheet !== undefined ? `${at.sheet}!${at.cell ?? at.range ?? ''}` : at.line !== undefined ? `line ${at.line}` : at.page !== undefined ? `page ${at.page}` : '';
  return { rule: f.ruleId, severity: f.severity, at: where, expected: f.expected ?? null, actual: f.actual ?? null };
}

export function of(list: Finding[], rule: string) {
  return list.filter((f) => f.ruleId === rule).map(brief);
}
