import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const bin = join(ROOT, 'bin/budget-check');

export function run(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', CI: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A scratch directory with copies of fixture files (by path relative to fixtures/). */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-'));
  for (const [to, from] of Object.entries(files)) cpSync(join(ROOT, 'fixtures', from), join(dir, to), { recursive: true });
  return dir;
}
