/** --format json: the report as the JSON contract of docs/report.schema.json (version 1). */
import type { Location } from '../document.js';
import type { Finding } from '../rules/types.js';
import type { Report } from './types.js';

export function formatJson(report: Report): string {
  return JSON.stringify(toJson(report), null, 2) + '\n';
}

export function toJson(report: Report): unknown {
  return {
    version: report.version,
    tool: report.tool,
    files: report.files.map((f) => ({
      file: f.file,
      unit: f.unit,
      year: f.year,
      tables: f.tables.map((t) => ({ id: t.id, title: t.title, ...(t.label ? { label: t.label } : {}), at: cleanLocation(t.at) })),
      findings: f.findings.map(findingJson),
      error: f.error,
      ...(f.companions?.length ? { companions: f.companions } : {}),
    })),
    summary: report.summary,
  };
}

export function findingJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    locations: f.locations.map(cleanLocation),
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    ...(f.gap !== undefined && f.gap !== null ? { gap: f.gap } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.table ? { table: f.table } : {}),
    ...(f.explained ? { explained: f.explained } : {}),
  };
}

export function cleanLocation(at: Location): Location {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(at)) if (v !== undefined && v !== '') out[k] = v;
  return out as Location;
}
