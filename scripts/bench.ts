/**
 * npm run bench — how fast budget-check is, measured side by side in one run.
 *
 *   1. cold start: `budget-check FILE` as a new process vs `node` merely reading FILE with SheetJS
 *   2. batch throughput over N generated workbooks with 1 and with 2 worker threads
 *   3. memory: peak RSS of a batch of N/10 and of N workbooks (flat means it does not grow with N)
 *   4. PDF: `budget-check FILE.pdf` vs pdfjs-dist alone extracting the text of the same file
 *
 * Options: --n N (default 1000), --runs R (default 9), --keep (reuse generated workbooks).
 * Workbooks are generated from fixtures/src/wuerhe-2022-clean: units like the reference with
 * amounts scaled, and departments of 2 to 50 units, each unit with its own lines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { departmentWorkbook, sequence } from './departments.js';
import { readSource } from './make-fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('n', '1000'));
const RUNS = Number(arg('runs', '9'));
const out = join(root, '.bench', `gen-${N}`);

// ------------------------------------------------------------------ generation

const rnd = sequence(42);

function generate(): string[] {
  if (existsSync(join(out, 'done')) && process.argv.includes('--keep')) return readdirSync(out).filter((f) => f.endsWith('.xlsx')).map((f) => join(out, f));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const base = readSource(join(root, 'fixtures/src/wuerhe-2022-clean'));
  const files: string[] = [];
  for (let i = 0; i < N; i++) {
    // most units are single units like the reference; some are departments of up to 50 units
    const units = rnd() < 0.8 ? 1 : 2 + Math.floor(rnd() * rnd() * 49);
    const file = join(out, `${String(i).padStart(5, '0')}-${units}.xlsx`);
    writeFileSync(file, XLSX.write(departmentWorkbook(base, units, i, rnd), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    files.push(file);
  }
  writeFileSync(join(out, 'done'), '');
  return files;
}

// ------------------------------------------------------------------ measuring

const node = process.execPath;
const bin = join(root, 'bin/budget-check');

function time(args: string[], runs = RUNS): { median: number; min: number } {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(node, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    ts.push(performance.now() - t);
    if (r.status === null || r.status > 2) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  ts.sort((a, b) => a - b);
  return { median: ts[Math.floor(ts.length / 2)], min: ts[0] };
}

/**
 * Peak RSS of one batch of the first `count` workbooks and the largest one (a peak follows the
 * largest workbook read, so both sizes of batch include it: what is left is growth with N).
 */
function peakRss(count: number, jobs: number, largest: string): number {
  const script = `
    const { checkMany } = await import(${JSON.stringify(join(root, 'dist/batch.js'))});
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(${JSON.stringify(out)}).filter((f) => f.endsWith('.xlsx')).slice(0, ${count}).map((f) => ${JSON.stringify(out)} + '/' + f);
    if (!files.includes(${JSON.stringify(largest)})) files.push(${JSON.stringify(largest)});
    await checkMany(files, { views: false }, { jobs: ${jobs} });
    console.log(process.resourceUsage().maxRSS);`;
  // a file, not -e: worker threads cannot inherit --input-type
  const file = join(root, '.bench', 'memory.mjs');
  writeFileSync(file, script);
  const r = spawnSync(node, [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim()) / 1024;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const files = generate();
const typical = files.find((f) => /-1\.xlsx$/.test(f))!;
const largest = files.reduce((a, b) => (Number(/-(\d+)\.xlsx$/.exec(b)![1]) > Number(/-(\d+)\.xlsx$/.exec(a)![1]) ? b : a));
console.log(`budget-check benchmark — ${N} generated workbooks (${files.filter((f) => !/-1\.xlsx$/.test(f)).length} departments, largest ${/-(\d+)\.xlsx$/.exec(largest)![1]} units), node ${process.version}, ${RUNS} runs per timing (median, min)\n`);

console.log('1. one check, new process');
for (const f of [typical, largest]) {
  const bare = time(['-e', `require(${JSON.stringify(join(root, 'node_modules/xlsx/xlsx.js'))}).read(require('fs').readFileSync(${JSON.stringify(f)}))`]);
  const check = time([bin, '--no-progress', f]);
  console.log(`   ${f.endsWith('-1.xlsx') ? 'unit      ' : 'department'}  node + SheetJS read ${ms(bare.median)} (${ms(bare.min)})   budget-check ${ms(check.median)} (${ms(check.min)})   ratio ${(check.median / bare.median).toFixed(2)}×`);
}

console.log(`\n2. batch of ${N} workbooks (one process, json to /dev/null)`);
for (const jobs of [1, 2]) {
  const t = time([bin, '--no-progress', '-j', String(jobs), '-f', 'json', '-o', '/dev/null', out], Math.min(3, RUNS));
  console.log(`   ${jobs} worker${jobs > 1 ? 's' : ' '}  ${ms(t.median)}   ${(N / (t.median / 1000)).toFixed(0)} workbooks/s`);
}

console.log('\n3. peak memory of a batch (2 workers; both batches include the largest workbook)');
const small = Math.max(10, Math.floor(N / 10));
const m1 = peakRss(small, 2, largest);
const m2 = peakRss(N, 2, largest);
console.log(`   ${small} workbooks ${m1.toFixed(0)} MB   ${N} workbooks ${m2.toFixed(0)} MB   growth ${((m2 / m1 - 1) * 100).toFixed(0)}%`);
{
  // what stays behind: the heap after a full collection, checking the workbooks one after another
  const script = `
    const { checkFile } = await import(${JSON.stringify(join(root, 'dist/check.js'))});
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(${JSON.stringify(out)}).filter((f) => f.endsWith('.xlsx')).map((f) => ${JSON.stringify(out)} + '/' + f);
    const out = [];
    for (let i = 0; i < files.length; i++) {
      await checkFile(files[i], { views: false });
      if (i + 1 === ${small} || i + 1 === files.length) { globalThis.gc(); out.push(process.memoryUsage().heapUsed / 1048576); }
    }
    console.log(out.join(' '));`;
  const file = join(root, '.bench', 'heap.mjs');
  writeFileSync(file, script);
  const r = spawnSync(node, ['--expose-gc', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [h1, h2] = r.stdout.trim().split(' ').map(Number);
  console.log(`   heap left after ${small} workbooks ${h1.toFixed(1)} MB, after ${N} ${h2.toFixed(1)} MB (one thread, after a full collection)`);
}

const pdfs = [join(root, 'fixtures/wuerhe-2022/disclosure.pdf'), ...['shanghai-putuo-govoffice-unit-2025.pdf', 'shanghai-putuo-commerce-dept-2025.pdf'].map((f) => join(root, '../shared/real', f))].filter(existsSync);
if (pdfs.length) {
  console.log('\n4. PDF: check vs pdfjs-dist text extraction alone, new process each');
  const extract = (f: string) => `
    const pdfjs = await import(${JSON.stringify(join(root, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'))});
    const data = new Uint8Array((await import('node:fs')).readFileSync(${JSON.stringify(f)}));
    const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();`;
  for (const f of pdfs) {
    const bare = time(['--input-type=module', '-e', extract(f)]);
    const check = time([bin, '--no-progress', f]);
    console.log(`   ${f.split('/').pop()!.padEnd(42)} pdfjs text ${ms(bare.median)}   budget-check ${ms(check.median)}   ratio ${(check.median / bare.median).toFixed(2)}×`);
  }
}
