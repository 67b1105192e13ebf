/** Runs the rules over a disclosure and renders each finding's message. */
import type { Disclosure } from '../model.js';
import { chooseProfile } from './profiles.js';
import { RULES } from './registry.js';
import type { Finding, Param, Profile, Rule, RuleFinding, Severity } from './types.js';

export type Lang = 'zh' | 'en';

export interface RunOptions {
  lang?: Lang;
  profile?: Profile;
  /** Rules to run (by id); all when absent. */
  only?: string[];
  skip?: string[];
  /** Severity per rule id, or 'off'. */
  severities?: Record<string, Severity | 'off'>;
}

export function runRules(d: Disclosure, opts: RunOptions = {}): Finding[] {
  const profile = opts.profile ?? chooseProfile(d);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (opts.only && !opts.only.includes(rule.id)) continue;
    if (opts.skip?.includes(rule.id)) continue;
    const configured = opts.severities?.[rule.id];
    if (configured === 'off') continue;
    for (const f of rule.check(d, { profile })) {
      const severity = configured ?? f.severity ?? rule.severity;
      findings.push({ ...f, ruleId: rule.id, severity, message: render(rule, f, opts.lang ?? 'zh') });
    }
  }
  return findings;
}

export function render(rule: Rule, f: RuleFinding, lang: Lang): string {
  const template = rule.messages[f.messageId]?.[lang] ?? f.messageId;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => paramText(f.params?.[k], lang));
}

export function paramText(p: Param | undefined, lang: Lang): string {
  if (p === undefined) return '';
  if (typeof p === 'string' || typeof p === 'number') return String(p);
  return p[lang];
}
