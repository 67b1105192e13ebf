import type { Location } from '../document.js';
import type { Disclosure, TableKind } from '../model.js';

export type Severity = 'error' | 'warning' | 'info';

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A template parameter: the same in both languages, or translated. */
export type Param = string | number | Bilingual;

/** What a rule reports: the engine adds the rule id and severity. */
export interface RuleFinding {
  /** Key of the message template in the rule's `messages`. */
  messageId: string;
  params?: Record<string, Param>;
  /** Where: the stated figure first, then what it was compared with. */
  locations: Location[];
  /** The value the check computed, the value stated, and stated − computed. */
  expected?: string | null;
  actual?: string | null;
  gap?: string | null;
  /** The amount unit of expected/actual/gap. */
  unit?: string;
  /** Table the finding belongs to (for grouping), by table id. */
  table?: string;
  /** What the finding is about, independent of cell addresses (for fingerprints). */
  subject?: { table?: string; row?: string; column?: string; text?: string };
  /** Overrides the rule's severity for this finding (e.g. a warning-level variant). */
  severity?: Severity;
}

export interface Finding extends RuleFinding {
  ruleId: string;
  severity: Severity;
  /** Rendered in the report language. */
  message: string;
  /** Accepted by a written explanation (审核说明). */
  explained?: { reason: string; by: string; date: string };
}

export interface Profile {
  id: string;
  name: Bilingual;
  /** Tables a disclosure of this profile must contain. */
  required: TableKind[];
  /** How the summary tables are prefixed in this template: 单位收支总体情况表, 部门收支总体情况表. */
  prefix: string;
}

export interface RuleContext {
  profile: Profile;
}

export interface Rule {
  /** Public id, `group/name`, stable forever. */
  id: string;
  severity: Severity;
  title: Bilingual;
  /** Message templates with {placeholders}. */
  messages: Record<string, Bilingual>;
  check(disclosure: Disclosure, ctx: RuleContext): RuleFinding[];
}
