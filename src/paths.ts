/**
 * Where the package's own files are (data/, docs/, package.json), found from this module's place
 * upwards: the same from src/ (tests), dist/ (the library) and dist/bundle/ (the command).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'budget-check') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('budget-check: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** A file of the package, by its path from the package root. */
export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
