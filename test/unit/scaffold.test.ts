import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScaffoldFileSystem } from '../../src/scaffold/applyScaffold';
import { applyScaffold } from '../../src/scaffold/applyScaffold';
import { UnsafeTemplatePathError, planScaffold } from '../../src/scaffold/scaffoldPlan';
import { diskFs } from './helpers';

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

describe('scaffold planning and writing', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bp-scaffold-'));
    await mkdir(join(root, 'template', 'src'), { recursive: true });
    await writeFile(join(root, 'template', 'README.md'), 'template readme');
    await writeFile(join(root, 'template', 'src', 'app.js'), 'export {};');
    await mkdir(join(root, 'target'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('splits files into new ones and conflicts', () => {
    const plan = planScaffold(['src/app.js', 'README.md'], new Set(['README.md']));
    assert.deepEqual(plan, { create: ['src/app.js'], conflicts: ['README.md'], unchanged: [] });
  });

  it('counts files identical to the template as unchanged, not as conflicts', () => {
    const plan = planScaffold(['src/app.js', 'README.md', 'a.txt'], new Set(['README.md', 'a.txt']), new Set(['a.txt']));
    assert.deepEqual(plan, { create: ['src/app.js'], conflicts: ['README.md'], unchanged: ['a.txt'] });
  });

  it('rejects template paths with .. or absolute paths before writing anything', () => {
    assert.throws(() => planScaffold(['ok.txt', '../escape.txt', '/etc/passwd'], new Set()), (error: unknown) =>
      error instanceof UnsafeTemplatePathError && error.paths.join() === '../escape.txt,/etc/passwd');
  });

  it('writes new files and leaves existing files byte-identical without consent', async () => {
    await writeFile(join(root, 'target', 'README.md'), 'MY OWN NOTES');
    const before = await sha256(join(root, 'target', 'README.md'));
    const plan = planScaffold(['README.md', 'src/app.js'], new Set(['README.md']));
    const report = await applyScaffold(plan, diskFs(join(root, 'template'), join(root, 'target')), false);
    assert.deepEqual(report, { written: ['src/app.js'], kept: ['README.md'] });
    assert.equal(await sha256(join(root, 'target', 'README.md')), before);
    assert.equal(await readFile(join(root, 'target', 'src', 'app.js'), 'utf8'), 'export {};');
  });

  it('overwrites conflicts only when told to', async () => {
    await writeFile(join(root, 'target', 'README.md'), 'MY OWN NOTES');
    const plan = planScaffold(['README.md'], new Set(['README.md']));
    const report = await applyScaffold(plan, diskFs(join(root, 'template'), join(root, 'target')), true);
    assert.deepEqual(report.written, ['README.md']);
    assert.equal(await readFile(join(root, 'target', 'README.md'), 'utf8'), 'template readme');
  });

  it('reports exactly what was written when a write fails halfway', async () => {
    const plan = planScaffold(['a.txt', 'b.txt', 'c.txt'], new Set());
    let calls = 0;
    const fs: ScaffoldFileSystem = {
      readSource: async () => new TextEncoder().encode('x'),
      create: async (path) => {
        calls += 1;
        if (path === 'b.txt') throw new Error('disk full');
        return 'written';
      },
      replace: async () => assert.fail('nothing is replaced without consent'),
    };
    const report = await applyScaffold(plan, fs, false);
    assert.deepEqual(report.written, ['a.txt']);
    assert.deepEqual(report.failed, { path: 'b.txt', message: 'disk full' });
    assert.equal(calls, 2, 'nothing after the failure is attempted');
  });

  it('gives a clear error when the target cannot be written (even as root)', async () => {
    // A file where the target folder should be fails for every user, unlike permission bits.
    await writeFile(join(root, 'blocked'), 'not a folder');
    const plan = planScaffold(['README.md'], new Set());
    const report = await applyScaffold(plan, diskFs(join(root, 'template'), join(root, 'blocked')), false);
    assert.equal(report.failed?.path, 'README.md');
    assert.match(report.failed?.message ?? '', /blocked is a file, not a folder/);
    assert.deepEqual(report.written, []);
  });

  it('gives a clear error when the source is missing', async () => {
    const plan = planScaffold(['missing.txt'], new Set());
    const report = await applyScaffold(plan, diskFs(join(root, 'template'), join(root, 'target')), false);
    assert.equal(report.failed?.path, 'missing.txt');
    assert.match(report.failed?.message ?? '', /ENOENT/);
    assert.deepEqual(await readdir(join(root, 'target')), []);
    assert.ok((await stat(join(root, 'target'))).isDirectory());
  });
});
