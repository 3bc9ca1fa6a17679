// Bundles a TypeScript entry point (which may import from src/) with esbuild and imports it, so the
// repository's scripts reuse the extension's own validators instead of copies of them.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function importTs(relativeEntry) {
  const outdir = join(root, 'out', 'scripts');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, basename(relativeEntry).replace(/\.ts$/, '.mjs'));
  await esbuild.build({
    entryPoints: [join(root, relativeEntry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

export { root };
