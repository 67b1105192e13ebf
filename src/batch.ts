/**
 * Many files at once: files, directories (recursive) and globs are expanded, a workbook's
 * narrative companion is paired with it, and files are checked on worker threads (tinypool) with
 * the reports kept in the order of the inputs. One bad file never stops the batch.
 */
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildReport, checkFile, isCompanionOf, type CheckOptions } from './check.js';
import type { FileReport, Report } from './report/types.js';

const CHECKED = /\.(xlsx|xlsm|xls|csv|docx|pdf|txt)$/i;

/** Expands the command line's paths: directories recursively, globs by pattern, in a stable order. */
export async function expandInputs(args: string[], pairCompanions = true): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch {
      info = null;
    }
    if (info?.isDirectory()) out.push(...(await walk(arg)));
    else if (!info && /[*?[\]{}]/.test(arg)) {
      const { glob } = await import('tinyglobby');
      out.push(...(await glob(arg, { onlyFiles: true, expandDirectories: false })).filter((f) => CHECKED.test(f)).sort());
    }
    else out.push(arg); // a file, or a path that does not exist (reported as such)
  }
  const unique = [...new Set(out)];
  // a narrative beside a workbook in the same batch is read with it
  return pairCompanions ? unique.filter((f) => !isCompanionOf(f, unique)) : unique;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && CHECKED.test(e.name) && !e.name.startsWith('~$')) out.push(p);
  }
  return out;
}

export interface BatchOptions {
  /** Worker threads; 1 checks in this thread. Default: the cores available, at most the files. */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

export async function checkMany(files: string[], options: CheckOptions, batch: BatchOptions = {}): Promise<Report> {
  const jobs = Math.max(1, Math.min(batch.jobs ?? availableParallelism(), files.length));
  const reports: FileReport[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: FileReport) => {
    reports[i] = r;
    batch.onProgress?.(++done, files.length, files[i]);
  };
  if (jobs === 1) {
    for (let i = 0; i < files.length; i++) finish(i, await checkFile(files[i], options));
    return buildReport(reports);
  }
  const { Tinypool } = await import('tinypool');
  // a larger young generation means fewer collections: a check allocates many short-lived objects
  const pool = new Tinypool({ filename: new URL('./worker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs, isolateWorkers: false, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  try {
    await Promise.all(
      files.map((file, i) =>
        pool.run({ file, options }).then(
          (r: FileReport) => finish(i, r),
          (e: Error) => finish(i, { file, unit: null, year: null, tables: [], findings: [], error: { code: 'E_INTERNAL', message: e.message } }),
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
  return buildReport(reports);
}
