/** The one place that decides the exit status. */
import type { Report } from './types.js';

export interface GateOptions {
  /** Which severity fails the gate. */
  failOn?: 'error' | 'warning';
  /** More warnings than this fail the gate (-1: no limit). */
  maxWarnings?: number;
}

/** 0: passed; 1: findings fail the gate; 2: a file could not be checked. */
export function exitCode(report: Report, opts: GateOptions = {}): 0 | 1 | 2 {
  if (report.files.some((f) => f.error)) return 2;
  const { errors } = report.summary;
  // a warning accepted by a written explanation (审核说明) does not count
  const warnings = report.files.reduce((n, f) => n + f.findings.filter((x) => x.severity === 'warning' && !x.explained).length, 0);
  if (errors > 0) return 1;
  if (opts.failOn === 'warning' && warnings > 0) return 1;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) return 1;
  return 0;
}
