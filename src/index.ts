/**
 * budget-check as a library: check(files, options) → Report, and the pieces it is made of.
 * load → recognize → narrative → rules → report (docs/architecture.md).
 */
export { check, checkFile, checkDisclosure, buildReport, findCompanions, isCompanionOf, type CheckOptions } from './check.js';
export type { Report, FileReport } from './report/types.js';
export type { Finding, Severity } from './rules/types.js';
export type { Disclosure, Table, TableRow, Figure, RoundingMode } from './model.js';
export type { Document, Location } from './document.js';
export { RULES } from './rules/registry.js';
export { loadDocument } from './load/index.js';
export { recognize } from './recognize/index.js';
export { readNarrative } from './narrative/index.js';
export { formatJson } from './report/json.js';
export { formatStylish } from './report/stylish.js';
export { formatSarif } from './report/sarif.js';
export { formatJunit } from './report/junit.js';
export { formatGithub, githubStepSummary } from './report/github.js';
export { formatMarkdown } from './report/markdown.js';
export { formatHtml } from './report/html.js';
export { exitCode } from './report/exit-code.js';
