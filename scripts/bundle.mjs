/**
 * Bundles the command line into dist/bundle/ (esbuild, ES modules with split chunks so that a
 * format or a reader is still loaded only when used). One file loads much faster than the ~80
 * modules tsc emits, which is most of a single check's start-up time. SheetJS and pdfjs-dist stay
 * outside: they are large and loaded as they are.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// chunks are named by content hash: start empty so that old ones do not pile up
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts', 'src/worker.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // tinypool starts its own worker entry file: it must stay where it is installed; yaml and
  // cli-progress are imported on demand, and their module shape must stay as published
  external: ['xlsx', 'pdfjs-dist', 'tinypool', 'yaml', 'cli-progress'],
  // CommonJS dependencies bundled into ES modules still call require()
  banner: { js: "import { createRequire as __bcRequire } from 'node:module'; const require = __bcRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
