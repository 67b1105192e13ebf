#!/usr/bin/env node
/**
 * npm run bench — how long checks take, measured side by side in one run.
 *
 *   cold start: `budget-check FILE` as a new process vs `node` merely reading FILE with SheetJS
 *   in-process: load + recognize + rules on an already running process
 *
 * Options: --runs N (default 15), --file PATH (default the reference workbook).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const runs = Number(arg('runs', 15));
const file = arg('file', `${root}fixtures/wuerhe-2022/budget.xlsx`);

function timeProcess(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status === null || r.status > 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  return stats(times);
}

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0] };
}

const bare = timeProcess(['-e', `require(${JSON.stringify(require_xlsx())}).read(require('fs').readFileSync(${JSON.stringify(file)}))`]);
const check = timeProcess([`${root}bin/budget-check`, file]);

const { checkFile } = await import(`${root}dist/index.js`);
await checkFile(file); // warm
const inproc = [];
for (let i = 0; i < runs * 4; i++) {
  const t = performance.now();
  await checkFile(file);
  inproc.push(performance.now() - t);
}
const warm = stats(inproc);

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`file: ${file} (${readFileSync(file).length} bytes), ${runs} runs each, median (min)`);
console.log(`node + SheetJS read only     ${ms(bare.median)} (${ms(bare.min)})`);
console.log(`budget-check, new process    ${ms(check.median)} (${ms(check.min)})   ratio ${(check.median / bare.median).toFixed(2)}x`);
console.log(`check in a running process   ${ms(warm.median)} (${ms(warm.min)})`);

function require_xlsx() {
  return `${root}node_modules/xlsx/xlsx.js`;
}
