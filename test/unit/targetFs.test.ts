// The learner-side file system (targetFs.ts) and the copy flow (copyTree.ts, applyScaffold.ts) at
// the level of each operation's contract, against real folders: what each call returns, writes,
// refuses and leaves alone. The robustness suite adds random trees, links and dialog races on top.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScaffoldFileSystem } from '../../src/scaffold/applyScaffold';
import { applyScaffold } from '../../src/scaffold/applyScaffold';
import type { CopySource } from '../../src/scaffold/copyTree';
import { copyTree, planCopy, resetToStarter } from '../../src/scaffold/copyTree';
import { UnsafeTemplatePathError, planScaffold } from '../../src/scaffold/scaffoldPlan';
import type { TargetFileSystem } from '../../src/scaffold/targetFs';
import { LinkRefusedError, NotAFolderError, nodeTargetFs } from '../../src/scaffold/targetFs';

const bytes = (text: string) => new TextEncoder().encode(text);

function memorySource(files: Record<string, string>): CopySource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    list: async () => Object.keys(files),
    read: async (path) => {
      reads.push(path);
      if (!(path in files)) throw new Error(`no ${path} in the source`);
      return bytes(files[path]);
    },
  };
}

describe('target file system (never through a link)', () => {
  let root: string;
  let target: string;
  let fs: TargetFileSystem;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bp-targetfs-'));
    target = join(root, 'work', 'starter');
    await mkdir(join(root, 'work'));
    fs = nodeTargetFs(root, target);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('accepts the base itself or a folder inside it as the target, nothing outside', () => {
    assert.equal(nodeTargetFs(root, root).display('a/b.txt'), join(root, 'a', 'b.txt'));
    assert.equal(fs.display('src/app.js'), join(target, 'src', 'app.js'));
    assert.throws(() => nodeTargetFs(join(root, 'work'), join(root, 'elsewhere')), /is not inside/);
    assert.throws(() => nodeTargetFs(join(root, 'work'), root), /is not inside/);
  });

  it('trusts the base folder as it is, even when the base itself is a link', async () => {
    await mkdir(join(root, 'real'));
    await symlink(join(root, 'real'), join(root, 'linked'));
    const linked = nodeTargetFs(join(root, 'linked'), join(root, 'linked'));
    assert.equal(await linked.create('a.txt', bytes('a')), 'written');
    assert.equal(await readFile(join(root, 'real', 'a.txt'), 'utf8'), 'a');
    assert.equal(await linked.inspect('a.txt'), 'file');
  });

  it('inspects without creating anything: missing folders and files are "missing"', async () => {
    assert.equal(await fs.inspect('deep/er/file.txt'), 'missing');
    assert.equal(existsSync(target), false, 'not even the target folder is created');
    await mkdir(join(target, 'src'), { recursive: true });
    await writeFile(join(target, 'src', 'app.js'), 'x');
    assert.equal(await fs.inspect('src/app.js'), 'file');
    assert.equal(await fs.inspect('src'), 'directory');
    assert.equal(await fs.inspect('src/other.js'), 'missing');
  });

  it('names the link it refuses, and where it points', async () => {
    await mkdir(target, { recursive: true });
    await symlink(join(root, 'outside'), join(target, 'src'));
    await assert.rejects(fs.inspect('src/app.js'), (error: unknown) => {
      assert.ok(error instanceof LinkRefusedError);
      assert.equal(error.name, 'LinkRefusedError');
      assert.equal(error.linkPath, join(target, 'src'));
      assert.equal(error.pointsTo, join(root, 'outside'));
      assert.equal(error.message, `${join(target, 'src')} is a symbolic link to ${join(root, 'outside')}; Backend Path never writes through links. Remove or rename it, then try again.`);
      return true;
    });
    assert.equal(
      new LinkRefusedError('/w/x', undefined).message,
      '/w/x is a symbolic link; Backend Path never writes through links. Remove or rename it, then try again.',
    );
  });

  it('says which path is a file where a folder is needed', async () => {
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'src'), 'a file');
    await assert.rejects(fs.create('src/app.js', bytes('x')), (error: unknown) => {
      assert.ok(error instanceof NotAFolderError);
      assert.equal(error.name, 'NotAFolderError');
      assert.equal(error.path, join(target, 'src'));
      assert.equal(error.message, `${join(target, 'src')} is a file, not a folder, so nothing can be written inside it.`);
      return true;
    });
  });

  it('passes on errors other than "missing" instead of calling the path missing', async () => {
    await mkdir(target, { recursive: true });
    await assert.rejects(fs.inspect(`${'n'.repeat(300)}/file.txt`), (error: unknown) => (error as { code?: string }).code === 'ENAMETOOLONG');
  });

  it('reads only regular files, and creates nothing while reading', async () => {
    await mkdir(join(target, 'src'), { recursive: true });
    await writeFile(join(target, 'src', 'app.js'), 'content');
    assert.equal(new TextDecoder().decode(await fs.read('src/app.js')), 'content');
    await assert.rejects(fs.read('src'), new RegExp(`${join(target, 'src').replaceAll('/', '\\/')} is not a file`));
    await assert.rejects(fs.read('src/missing.js'), /missing\.js is not a file/);
    await assert.rejects(fs.read('nowhere/x.js'), /is not a file/);
    assert.equal(existsSync(join(target, 'nowhere')), false);
  });

  it('creates a new file with its folders, and never touches an existing one', async () => {
    assert.equal(await fs.create('src/lib/util.js', bytes('new')), 'written');
    assert.equal(await readFile(join(target, 'src', 'lib', 'util.js'), 'utf8'), 'new');
    assert.equal(await fs.create('src/lib/util.js', bytes('again')), 'exists');
    assert.equal(await readFile(join(target, 'src', 'lib', 'util.js'), 'utf8'), 'new');
  });

  it('replaces a file, creates a missing one (with its folders), and refuses a folder', async () => {
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'README.md'), 'the learner\'s long notes');
    await fs.replace('README.md', bytes('short'));
    assert.equal(await readFile(join(target, 'README.md'), 'utf8'), 'short', 'replaced, not overwritten in place');
    await fs.replace('new/folder/file.txt', bytes('made'));
    assert.equal(await readFile(join(target, 'new', 'folder', 'file.txt'), 'utf8'), 'made');
    await mkdir(join(target, 'adir'));
    await assert.rejects(fs.replace('adir', bytes('x')), new RegExp(`adir is not a regular file, so it was not replaced\\.`));
  });
});

describe('copy flow (plan, ask, write)', () => {
  let root: string;
  let target: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bp-copy-'));
    target = join(root, 'starter');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('refuses unsafe template paths with their names, and counts a path listed twice once', () => {
    assert.throws(() => planScaffold(['ok', '../x'], new Set()), (error: unknown) => {
      assert.ok(error instanceof UnsafeTemplatePathError);
      assert.equal(error.name, 'UnsafeTemplatePathError');
      assert.equal(error.message, 'Template paths must stay inside the target folder; refused: ../x');
      return true;
    });
    assert.deepEqual(planScaffold(['b', 'a', 'b'], new Set(['a'])), { create: ['b'], conflicts: ['a'], unchanged: [] });
  });

  it('calls a file unchanged only when every byte matches', async () => {
    await mkdir(target, { recursive: true });
    const files = { 'same.txt': 'abcd', 'lastByte.txt': 'abcd', 'shorter.txt': 'abcd', 'longer.txt': 'abcd', 'empty.txt': '' };
    await writeFile(join(target, 'same.txt'), 'abcd');
    await writeFile(join(target, 'lastByte.txt'), 'abcX');
    await writeFile(join(target, 'shorter.txt'), 'abc');
    await writeFile(join(target, 'longer.txt'), 'abcde');
    await writeFile(join(target, 'empty.txt'), '');
    const plan = await planCopy(Object.keys(files), memorySource(files), nodeTargetFs(root, target));
    assert.deepEqual(plan, { create: [], conflicts: ['lastByte.txt', 'longer.txt', 'shorter.txt'], unchanged: ['empty.txt', 'same.txt'] });
  });

  it('counts a folder where the template has a file as a conflict, without reading it', async () => {
    await mkdir(join(target, 'notes.md'), { recursive: true });
    const source = memorySource({ 'notes.md': 'x' });
    assert.deepEqual(await planCopy(['notes.md'], source, nodeTargetFs(root, target)), { create: [], conflicts: ['notes.md'], unchanged: [] });
    assert.deepEqual(source.reads, []);
  });

  it('leaves excluded files out entirely', async () => {
    const outcome = await copyTree({ source: memorySource({ 'a.txt': 'a', 'secret.env': 's' }), target: nodeTargetFs(root, target), exclude: (path) => path.endsWith('.env') });
    assert.deepEqual(outcome, { written: ['a.txt'], kept: [], unchanged: [], cancelled: false });
    assert.equal(existsSync(join(target, 'secret.env')), false);
  });

  it('asks only when a file differs, and writes nothing when the question is dismissed', async () => {
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'same.txt'), 'same');
    const asked: (readonly string[])[] = [];
    const quiet = await copyTree({
      source: memorySource({ 'same.txt': 'same', 'new.txt': 'n' }),
      target: nodeTargetFs(root, target),
      askAboutConflicts: async (conflicts) => {
        asked.push(conflicts);
        return 'overwrite';
      },
    });
    assert.equal(asked.length, 0, 'nothing differs, nothing to ask');
    assert.deepEqual(quiet, { written: ['new.txt'], kept: [], unchanged: ['same.txt'], cancelled: false });

    await writeFile(join(target, 'mine.txt'), 'my work');
    const dismissed = await copyTree({
      source: memorySource({ 'same.txt': 'same', 'mine.txt': 'starter', 'other.txt': 'o' }),
      target: nodeTargetFs(root, target),
      askAboutConflicts: async (conflicts) => {
        asked.push(conflicts);
        return undefined;
      },
    });
    assert.deepEqual(asked, [['mine.txt']]);
    assert.deepEqual(dismissed, { written: [], kept: ['mine.txt'], unchanged: ['same.txt'], cancelled: true });
    assert.equal(existsSync(join(target, 'other.txt')), false, 'not even new files are written');
    assert.equal(await readFile(join(target, 'mine.txt'), 'utf8'), 'my work');
  });

  it('keeps differing files without a question to ask, and overwrites them only on "overwrite"', async () => {
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'mine.txt'), 'my work');
    const kept = await copyTree({ source: memorySource({ 'mine.txt': 'starter' }), target: nodeTargetFs(root, target) });
    assert.deepEqual(kept, { written: [], kept: ['mine.txt'], unchanged: [], cancelled: false });
    const keep = await copyTree({ source: memorySource({ 'mine.txt': 'starter' }), target: nodeTargetFs(root, target), askAboutConflicts: async () => 'keep' });
    assert.deepEqual(keep, { written: [], kept: ['mine.txt'], unchanged: [], cancelled: false });
    assert.equal(await readFile(join(target, 'mine.txt'), 'utf8'), 'my work');
    const overwritten = await copyTree({ source: memorySource({ 'mine.txt': 'starter' }), target: nodeTargetFs(root, target), askAboutConflicts: async () => 'overwrite' });
    assert.deepEqual(overwritten, { written: ['mine.txt'], kept: [], unchanged: [], cancelled: false });
    assert.equal(await readFile(join(target, 'mine.txt'), 'utf8'), 'starter');
  });

  it('reports a link or a file in the way as a refusal before writing, and passes other errors on', async () => {
    await mkdir(root, { recursive: true });
    await symlink(join(root, 'elsewhere'), target);
    const refused = await copyTree({ source: memorySource({ 'a.txt': 'a' }), target: nodeTargetFs(root, target) });
    assert.deepEqual(refused, { written: [], kept: [], unchanged: [], cancelled: false, refused: new LinkRefusedError(target, join(root, 'elsewhere')).message });
    const broken: TargetFileSystem = {
      display: (path) => path,
      inspect: async () => {
        throw new Error('the disk is on fire');
      },
      read: async () => bytes(''),
      create: async () => 'written',
      replace: async () => undefined,
    };
    await assert.rejects(copyTree({ source: memorySource({ 'a.txt': 'a' }), target: broken }), /the disk is on fire/);
    await assert.rejects(resetToStarter(memorySource({ 'a.txt': 'a' }), broken, broken), /the disk is on fire/);
  });

  it('Reset to Starter: refuses a linked target, and stops before replacing anything when a backup cannot be written', async () => {
    await symlink(join(root, 'elsewhere'), target);
    const backupFs = nodeTargetFs(root, join(root, 'backup'));
    const refused = await resetToStarter(memorySource({ 'a.txt': 'a' }), nodeTargetFs(root, target), backupFs);
    assert.deepEqual(refused, { written: [], kept: [], unchanged: [], backedUp: [], cancelled: false, refused: new LinkRefusedError(target, join(root, 'elsewhere')).message });

    await rm(target);
    await mkdir(target);
    await writeFile(join(target, 'a.txt'), 'mine a');
    await writeFile(join(target, 'b.txt'), 'mine b');
    await writeFile(join(target, 'same.txt'), 'same');
    await mkdir(join(root, 'backup'));
    await writeFile(join(root, 'backup', 'b.txt'), 'an older backup');
    const source = memorySource({ 'a.txt': 'starter a', 'b.txt': 'starter b', 'same.txt': 'same', 'c.txt': 'c' });
    const stopped = await resetToStarter(source, nodeTargetFs(root, target), backupFs);
    assert.deepEqual(stopped, {
      written: [],
      kept: ['a.txt', 'b.txt'],
      unchanged: ['same.txt'],
      backedUp: ['a.txt'],
      cancelled: false,
      failed: { path: 'b.txt', message: `${join(root, 'backup', 'b.txt')} already exists` },
    });
    assert.equal(await readFile(join(target, 'a.txt'), 'utf8'), 'mine a', 'nothing replaced');
    assert.equal(existsSync(join(target, 'c.txt')), false, 'nothing created');

    await rm(join(root, 'backup'), { recursive: true });
    const done = await resetToStarter(source, nodeTargetFs(root, target), backupFs);
    assert.deepEqual(done, { written: ['a.txt', 'b.txt', 'c.txt'], kept: [], unchanged: ['same.txt'], backedUp: ['a.txt', 'b.txt'], cancelled: false });
    assert.equal(await readFile(join(root, 'backup', 'b.txt'), 'utf8'), 'mine b');
    assert.equal(await readFile(join(target, 'b.txt'), 'utf8'), 'starter b');
  });

  it('writes in path order and reports kept files in path order, whichever list they came from', async () => {
    const writes: string[] = [];
    const fs: ScaffoldFileSystem = {
      readSource: async (path) => bytes(path),
      create: async (path) => {
        writes.push(path);
        return path === 'a-appeared.txt' ? 'exists' : 'written';
      },
      replace: async (path) => void writes.push(path),
    };
    const plan = { create: ['c.txt', 'a-appeared.txt'], conflicts: ['b.txt'], unchanged: [] };
    assert.deepEqual(await applyScaffold(plan, fs, true), { written: ['b.txt', 'c.txt'], kept: ['a-appeared.txt'] });
    assert.deepEqual(writes, ['a-appeared.txt', 'b.txt', 'c.txt']);
    writes.length = 0;
    const keeping = { create: ['c.txt', 'a-appeared.txt'], conflicts: ['z.txt', 'b.txt'], unchanged: [] };
    assert.deepEqual(await applyScaffold(keeping, fs, false), { written: ['c.txt'], kept: ['a-appeared.txt', 'b.txt', 'z.txt'] });
  });
});
