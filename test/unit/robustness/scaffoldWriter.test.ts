import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { ScaffoldFileSystem } from '../../../src/scaffold/applyScaffold';
import { applyScaffold } from '../../../src/scaffold/applyScaffold';
import { UnsafeTemplatePathError, planScaffold } from '../../../src/scaffold/scaffoldPlan';
import { Random } from './support';
import { diskFs } from '../helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a folder, as forward-slash relative paths with their hashes. */
async function tree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.set(relative(root, full).split(sep).join('/'), sha256(await readFile(full)));
  }
  return out;
}

async function writeAll(root: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  for (const [path, content] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

function randomPath(random: Random): string {
  const depth = random.int(3);
  const parts = Array.from({ length: depth }, () => random.pick(['src', 'public', 'config', 'tests', 'lib', random.string(4)]));
  return [...parts, `${random.string(1 + random.int(8))}${random.pick(['.php', '.js', '.json', '.md', '', '.env'])}`].join('/');
}

const UNSAFE_PATHS = [
  '..', '../escape.txt', 'a/../../escape.txt', 'a/..', 'src/../../../etc/passwd', './a.txt', 'a/./b.txt', '.',
  '/etc/passwd', '/tmp/x', '//server/share/x',
  'C:\\Windows\\win.ini', 'C:/Windows/win.ini', 'c:x.txt', 'Z:', 'a\\b.txt', '..\\escape.txt', '\\\\server\\share\\x', 'src\\..\\..\\x',
  '', 'a//b.txt', 'a/', '/',
];

describe('robustness: scaffold writer', () => {
  let root: string;
  const summary = { existing: 0, identical: 0, unsafe: 0, refused: 0, halfway: 0, exact: 0 };
  after(() => {
    console.log(
      `    robustness: scaffold — ${summary.existing} existing files, ${summary.identical} byte-identical afterwards; ` +
        `${summary.unsafe} unsafe template paths, ${summary.refused} refused before any write; ` +
        `${summary.halfway} halfway failures, ${summary.exact} reported exactly the files on disk`,
    );
  });
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bp-robust-scaffold-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('leaves every existing file byte-identical (random trees, 5 seeds)', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const random = new Random(seed);
      const source = join(root, `template-${seed}`);
      const target = join(root, `target-${seed}`);
      const template = new Map<string, Uint8Array>();
      const existing = new Map<string, Uint8Array>();
      while (existing.size < 20 + random.int(10)) existing.set(randomPath(random), random.bytes(random.int(4096)));
      // The template overlaps the learner's files, and adds its own.
      for (const path of existing.keys()) if (random.chance(0.6)) template.set(path, random.bytes(1 + random.int(512)));
      while (template.size < existing.size + 10) {
        const path = randomPath(random);
        if (!existing.has(path)) template.set(path, random.bytes(random.int(512)));
      }
      // A path cannot be both a file and a folder; drop template files that collide with learner folders.
      for (const path of [...template.keys()]) {
        if ([...existing.keys(), ...template.keys()].some((other) => other.startsWith(`${path}/`))) template.delete(path);
      }
      for (const path of [...existing.keys()]) if ([...existing.keys(), ...template.keys()].some((other) => other.startsWith(`${path}/`))) existing.delete(path);
      await writeAll(source, template);
      await writeAll(target, existing);
      const before = await tree(target);
      summary.existing += before.size;

      const plan = planScaffold([...template.keys()], new Set(before.keys()));
      const report = await applyScaffold(plan, diskFs(source, target), false);
      assert.equal(report.failed, undefined, JSON.stringify(report.failed));
      const after = await tree(target);
      for (const [path, hash] of before) {
        assert.equal(after.get(path), hash, `${path} is unchanged (seed ${seed})`);
        summary.identical += 1;
      }
      assert.deepEqual(new Set(report.kept), new Set([...template.keys()].filter((path) => before.has(path))));
      assert.deepEqual(new Set(report.written), new Set([...template.keys()].filter((path) => !before.has(path))));
      for (const path of report.written) assert.equal(after.get(path), sha256(template.get(path) as Uint8Array), `${path} is the template's`);
      assert.equal(after.size, before.size + report.written.length, 'nothing else appeared');
    }
    assert.ok(summary.existing >= 20);
  });

  for (const unsafe of UNSAFE_PATHS) {
    it(`refuses the template path ${JSON.stringify(unsafe)} before writing anything`, async () => {
      summary.unsafe += 1;
      const target = join(root, 'target');
      await mkdir(target);
      let writes = 0;
      const fs: ScaffoldFileSystem = {
        readSource: async () => new Uint8Array([1]),
        writeTarget: async () => {
          writes += 1;
        },
      };
      // Planning and writing in one go, as the scaffolder does: the plan must refuse before any write.
      await assert.rejects(
        async () => applyScaffold(planScaffold(['README.md', unsafe, 'src/app.js'], new Set()), fs, true),
        (error: unknown) => {
          assert.ok(error instanceof UnsafeTemplatePathError, String(error));
          assert.deepEqual(error.paths, [unsafe]);
          assert.match(error.message, /must stay inside the target folder/);
          return true;
        },
      );
      assert.equal(writes, 0);
      assert.deepEqual(await readdir(target), []);
      summary.refused += 1;
    });
  }

  it('gives a clear error for a missing source and for a file where the target folder should be', async () => {
    const source = join(root, 'template');
    await writeAll(source, new Map([['a.txt', new Uint8Array([1])]]));
    const missing = await applyScaffold(planScaffold(['gone.txt'], new Set()), diskFs(source, join(root, 'target')), false);
    assert.equal(missing.failed?.path, 'gone.txt');
    assert.match(missing.failed?.message ?? '', /ENOENT.*gone\.txt/);
    assert.deepEqual(missing.written, []);

    await writeFile(join(root, 'blocked'), 'a file, not a folder');
    const blocked = await applyScaffold(planScaffold(['a.txt'], new Set()), diskFs(source, join(root, 'blocked')), false);
    assert.equal(blocked.failed?.path, 'a.txt');
    assert.match(blocked.failed?.message ?? '', /ENOTDIR|EEXIST/);
    assert.deepEqual(blocked.written, []);
    assert.equal(await readFile(join(root, 'blocked'), 'utf8'), 'a file, not a folder');
  });

  it('reports exactly the files written when it fails halfway (10 seeds), and they are the ones on disk', async () => {
    for (let seed = 100; seed < 110; seed++) {
      const random = new Random(seed);
      const source = join(root, `template-${seed}`);
      const target = join(root, `target-${seed}`);
      const names = Array.from({ length: 8 + random.int(12) }, (_, i) => `f${String(i).padStart(2, '0')}/file.txt`);
      const template = new Map(names.map((name) => [name, random.bytes(1 + random.int(256))]));
      await writeAll(source, template);
      // A file where one of the folders should be: the write into it fails for every user, root included.
      const blocker = names[1 + random.int(names.length - 2)].split('/')[0];
      await mkdir(target, { recursive: true });
      await writeFile(join(target, blocker), 'learner file');
      const before = await tree(target);

      const plan = planScaffold(names, new Set(before.keys()));
      const report = await applyScaffold(plan, diskFs(source, target), false);
      summary.halfway += 1;
      assert.equal(report.failed?.path, `${blocker}/file.txt`);
      assert.match(report.failed?.message ?? '', /EEXIST|ENOTDIR/);
      const sorted = [...names].sort();
      assert.deepEqual(report.written, sorted.slice(0, sorted.indexOf(`${blocker}/file.txt`)), 'the files before the failure, in order');
      const after = await tree(target);
      assert.deepEqual(new Set(after.keys()), new Set([...before.keys(), ...report.written]), 'on disk: the learner file plus exactly the reported ones');
      for (const path of report.written) assert.equal(after.get(path), sha256(template.get(path) as Uint8Array));
      assert.equal(after.get(blocker), before.get(blocker));
      summary.exact += 1;
    }
  });
});
