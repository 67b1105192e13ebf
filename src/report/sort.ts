/** Orders findings: file-level findings first, then table by table in document order, then by place. */
import type { Location } from '../document.js';
import type { Finding } from '../rules/types.js';
import type { TableSummary } from './types.js';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The fields of a location that say where it is (not what is there). */
export function placeKey(at: Location): string {
  return [at.file ?? '', at.sheet ?? '', at.cell ?? '', at.page ?? '', at.line ?? '', at.paragraph ?? '', at.table ?? '', at.row ?? '', at.column ?? ''].join('|');
}

/**
 * `reading` gives the document position of a location when known (rows in reading order), so that
 * paragraphs and Word tables interleave as they do in the document.
 */
export function sortFindings(findings: Finding[], tables: TableSummary[], reading?: Map<string, number>): Finding[] {
  const order = new Map(tables.map((t, i) => [t.id, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ta = a.f.table === undefined ? -1 : order.get(a.f.table) ?? tables.length;
      const tb = b.f.table === undefined ? -1 : order.get(b.f.table) ?? tables.length;
      if (ta !== tb) return ta - tb;
      const oa = a.f.locations[0] && reading?.get(placeKey(a.f.locations[0]));
      const ob = b.f.locations[0] && reading?.get(placeKey(b.f.locations[0]));
      if (oa !== undefined && ob !== undefined && oa !== ob) return oa - ob;
      const pa = position(a.f.locations[0]);
      const pb = position(b.f.locations[0]);
      for (let k = 0; k < pa.length; k++) if (pa[k] !== pb[k]) return pa[k] - pb[k];
      const s = SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity];
      return s !== 0 ? s : a.i - b.i;
    })
    .map((x) => x.f);
}

/** A sortable position: page, line, paragraph, table, row, then sheet cell row and column. */
export function position(at: Location | undefined): number[] {
  if (!at) return [0, 0, 0, 0];
  const m = at.cell ? /^([A-Z]+)(\d+)$/.exec(at.cell) : null;
  const col = m ? [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : at.column ?? 0;
  const row = m ? Number(m[2]) : at.row ?? 0;
  return [at.page ?? 0, at.line ?? at.paragraph ?? at.table ?? 0, row, col];
}
