// The build step that renders every lesson to HTML once (called by esbuild.mjs after the bundles):
// writes dist/lessons/<skill-id>.json and dist/lessons/search.json. A lesson beyond the renderer's
// limits fails the build with the reason.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import { PRERENDERED_DIR } from '../../src/lessons/prerendered';
import { prerenderLessons } from '../../src/lessons/prerenderLessons';

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function renderLessons(root: string): { lessons: number; ms: number } {
  const started = performance.now();
  const catalog = parseCatalog(readFileSync(join(root, 'lessons', 'curriculum.json'), 'utf8'));
  const { files, problems } = prerenderLessons(catalog, (folder) => readIfExists(join(root, 'lessons', folder, 'lesson.md')));
  if (problems.length > 0) throw new Error(`Some lessons could not be rendered:\n  ${problems.join('\n  ')}`);
  // Start clean, so a renamed or removed lesson leaves no stale page behind.
  rmSync(join(root, PRERENDERED_DIR), { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { lessons: files.size - 1, ms: performance.now() - started };
}
