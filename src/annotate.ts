/** --annotate DIR: a copy of each workbook with a comment on every cell a finding points at. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import type { Report } from './report/types.js';

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/** Writes the annotated copies; returns the paths written. Never writes over an input. */
export async function annotateWorkbooks(report: Report, dir: string, lang: 'zh' | 'en'): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const inputs = new Set(report.files.map((f) => resolve(f.file)));
  for (const f of report.files) {
    if (f.error || !WORKBOOK.test(f.file)) continue;
    const wb = XLSX.read(await readFile(f.file), { type: 'buffer', cellNF: true, cellStyles: true });
    const notes = new Map<string, string[]>();
    for (const finding of f.findings) {
      for (const at of finding.locations) {
        if (at.file || at.sheet === undefined || !at.cell || !wb.Sheets[at.sheet]) continue;
        const key = `${at.sheet}!${at.cell}`;
        const sev = { error: lang === 'zh' ? '错误' : 'error', warning: lang === 'zh' ? '警告' : 'warning', info: lang === 'zh' ? '提示' : 'info' }[finding.severity];
        const line = `[${sev}] ${finding.message} (${finding.ruleId})${finding.explained ? (lang === 'zh' ? ` 已说明：${finding.explained.reason}` : ` explained: ${finding.explained.reason}`) : ''}`;
        const list = notes.get(key) ?? [];
        if (!list.includes(line)) list.push(line);
        notes.set(key, list);
      }
    }
    for (const [key, lines] of notes) {
      const [sheet, cell] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
      const ws = wb.Sheets[sheet];
      const c: XLSX.CellObject = (ws[cell] as XLSX.CellObject | undefined) ?? { t: 'z' };
      c.c = [{ a: 'budget-check', t: lines.join('\n') }];
      c.c.hidden = true;
      ws[cell] = c;
      extendRange(ws, cell);
    }
    let out = join(dir, basename(f.file, extname(f.file)) + '.xlsx');
    if (inputs.has(resolve(out))) out = join(dir, basename(f.file, extname(f.file)) + '.annotated.xlsx');
    await writeFile(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    written.push(out);
  }
  return written;
}

function extendRange(ws: XLSX.WorkSheet, cell: string): void {
  const ref = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : { s: { r: 0, c: 0 }, e: { r: 0, c: 0 } };
  const a = XLSX.utils.decode_cell(cell);
  ref.e.r = Math.max(ref.e.r, a.r);
  ref.e.c = Math.max(ref.e.c, a.c);
  ws['!ref'] = XLSX.utils.encode_range(ref);
}
