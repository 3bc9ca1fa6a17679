import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { ScaffoldFileSystem } from '../../../src/scaffold/applyScaffold';
import { applyScaffold } from '../../../src/scaffold/applyScaffold';
import type { CopySource } from '../../../src/scaffold/copyTree';
import { copyTree, resetToStarter } from '../../../src/scaffold/copyTree';
import { UnsafeTemplatePathError, planScaffold } from '../../../src/scaffold/scaffoldPlan';
import { nodeTargetFs } from '../../../src/scaffold/targetFs';
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
        create: async () => {
          writes += 1;
          return 'written';
        },
        replace: async () => {
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
    assert.match(blocked.failed?.message ?? '', /blocked is a file, not a folder/);
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
      assert.match(report.failed?.message ?? '', /is a file, not a folder/);
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

// Links and dialog races go through the extension's own writer (copyTree over nodeTargetFs), the
// code Start Exercise, Scaffold and Reset run in every trust state: nothing here is a stand-in.
describe('robustness: symbolic links and dialog races', () => {
  let root: string;
  let base: string;
  let outside: string;
  const links = { layouts: 0, refusedNamingLink: 0, outsideUntouched: 0 };
  const races = { cases: 0, learnerFileKept: 0 };
  after(() => {
    console.log(
      `    robustness: links — ${links.layouts} link layouts, ${links.refusedNamingLink} refused naming the link, ` +
        `${links.outsideUntouched} left the outside folder byte-identical`,
    );
    console.log(`    robustness: dialog races — ${races.cases} races, ${races.learnerFileKept} kept the learner's file exactly`);
  });

  const TEMPLATE = new Map<string, string>([
    ['README.md', 'template readme\n'],
    ['src/app.js', 'export const app = 1;\n'],
    ['src/lib/util.js', 'export const util = 2;\n'],
    ['test/app.test.js', 'test\n'],
  ]);

  const source = (): CopySource => ({
    list: async () => [...TEMPLATE.keys()],
    read: async (path) => new TextEncoder().encode(TEMPLATE.get(path) ?? assert.fail(`no template file ${path}`)),
  });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bp-robust-links-'));
    base = join(root, 'workspace');
    outside = join(root, 'outside');
    await mkdir(base, { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'precious.txt'), 'outside file\n');
    await writeFile(join(outside, 'README.md'), 'outside readme\n');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const target = () => join(base, 'backend-path-exercises', '01-http-fundamentals');

  interface LinkLayout {
    readonly name: string;
    /** Creates the link(s) under the workspace; returns the link path the refusal must name. */
    readonly arrange: () => Promise<string>;
  }

  const layouts: LinkLayout[] = [
    {
      name: 'the exercise folder is a link to an outside folder',
      arrange: async () => {
        await mkdir(join(base, 'backend-path-exercises'));
        await symlink(outside, target());
        return target();
      },
    },
    {
      name: 'a folder above it (backend-path-exercises) is a link',
      arrange: async () => {
        await symlink(outside, join(base, 'backend-path-exercises'));
        return join(base, 'backend-path-exercises');
      },
    },
    {
      name: 'a template file (README.md) is a link to an outside file',
      arrange: async () => {
        await mkdir(target(), { recursive: true });
        await symlink(join(outside, 'README.md'), join(target(), 'README.md'));
        return join(target(), 'README.md');
      },
    },
    {
      name: 'a dangling file link points to where an outside file would be created',
      arrange: async () => {
        await mkdir(target(), { recursive: true });
        await symlink(join(outside, 'created-by-writer.txt'), join(target(), 'README.md'));
        return join(target(), 'README.md');
      },
    },
    {
      name: 'a dangling folder link (src) points to a missing outside folder',
      arrange: async () => {
        await mkdir(target(), { recursive: true });
        await symlink(join(outside, 'missing-dir'), join(target(), 'src'));
        return join(target(), 'src');
      },
    },
    {
      name: 'a nested folder (src/lib) is a link',
      arrange: async () => {
        await mkdir(join(target(), 'src'), { recursive: true });
        await symlink(outside, join(target(), 'src', 'lib'));
        return join(target(), 'src', 'lib');
      },
    },
    {
      name: 'a relative link climbs out (src → ../../..)',
      arrange: async () => {
        await mkdir(target(), { recursive: true });
        await symlink('../../../outside', join(target(), 'src'));
        return join(target(), 'src');
      },
    },
  ];

  for (const layout of layouts) {
    for (const answer of ['keep', 'overwrite'] as const) {
      it(`refuses when ${layout.name} (learner would answer "${answer}")`, async () => {
        links.layouts += 1;
        const link = await layout.arrange();
        const before = await tree(outside);
        let asked = 0;
        const outcome = await copyTree({
          source: source(),
          target: nodeTargetFs(base, target()),
          askAboutConflicts: async () => {
            asked += 1;
            return answer;
          },
        });
        assert.deepEqual(outcome.written, [], 'nothing was written');
        assert.equal(asked, 0, 'refused before asking anything');
        assert.ok(outcome.refused?.includes(link), `the refusal names the link ${link}: ${outcome.refused}`);
        assert.match(outcome.refused ?? '', /symbolic link/);
        links.refusedNamingLink += 1;
        assert.deepEqual(await tree(outside), before, 'the outside folder is byte-identical');
        assert.equal(existsSync(join(outside, 'created-by-writer.txt')), false, 'no outside file was created');
        assert.equal(existsSync(join(outside, 'missing-dir')), false, 'no outside folder was created');
        links.outsideUntouched += 1;
      });
    }
  }

  it('refuses a link that appears after the plan, right before the write (folder swapped during the dialog)', async () => {
    links.layouts += 1;
    await mkdir(join(target(), 'src'), { recursive: true });
    await writeFile(join(target(), 'README.md'), 'learner notes\n');
    const before = await tree(outside);
    const outcome = await copyTree({
      source: source(),
      target: nodeTargetFs(base, target()),
      askAboutConflicts: async () => {
        // While the dialog is open, src/ is replaced by a link to the outside folder.
        await rm(join(target(), 'src'), { recursive: true });
        await symlink(outside, join(target(), 'src'));
        return 'overwrite';
      },
    });
    assert.ok(outcome.failed, 'the write stopped');
    assert.match(outcome.failed.message, new RegExp(`${join(target(), 'src').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a symbolic link`));
    links.refusedNamingLink += 1;
    assert.deepEqual(await tree(outside), before);
    assert.equal(existsSync(join(outside, 'app.js')), false);
    links.outsideUntouched += 1;
  });

  it('refuses a file link swapped in for a file the learner agreed to overwrite', async () => {
    links.layouts += 1;
    await mkdir(target(), { recursive: true });
    await writeFile(join(target(), 'README.md'), 'learner notes\n');
    const before = await tree(outside);
    const outcome = await copyTree({
      source: source(),
      target: nodeTargetFs(base, target()),
      askAboutConflicts: async () => {
        await rm(join(target(), 'README.md'));
        await symlink(join(outside, 'README.md'), join(target(), 'README.md'));
        return 'overwrite';
      },
    });
    assert.equal(outcome.failed?.path, 'README.md');
    assert.match(outcome.failed?.message ?? '', /README\.md is a symbolic link to .*outside/);
    links.refusedNamingLink += 1;
    assert.deepEqual(await tree(outside), before);
    links.outsideUntouched += 1;
  });

  it('refuses to back up into a linked backup folder when resetting an exercise', async () => {
    links.layouts += 1;
    await mkdir(target(), { recursive: true });
    await writeFile(join(target(), 'README.md'), 'learner notes\n');
    await symlink(outside, join(base, 'backend-path-exercises', '.backups'));
    const before = await tree(outside);
    const outcome = await resetToStarter(source(), nodeTargetFs(base, target()), nodeTargetFs(base, join(base, 'backend-path-exercises', '.backups', 'x')));
    assert.match(outcome.failed?.message ?? '', /\.backups is a symbolic link/);
    links.refusedNamingLink += 1;
    assert.equal(await readFile(join(target(), 'README.md'), 'utf8'), 'learner notes\n', 'nothing replaced without its backup');
    assert.deepEqual(await tree(outside), before);
    links.outsideUntouched += 1;
  });

  for (const answer of ['keep', 'overwrite'] as const) {
    it(`keeps a file created while the conflict dialog is open ("${answer}")`, async () => {
      races.cases += 1;
      await mkdir(target(), { recursive: true });
      await writeFile(join(target(), 'README.md'), 'learner notes\n');
      const outcome = await copyTree({
        source: source(),
        target: nodeTargetFs(base, target()),
        askAboutConflicts: async (conflicts) => {
          assert.deepEqual(conflicts, ['README.md']);
          // The learner (or their editor) saves a new file where the starter would create one.
          await mkdir(join(target(), 'src'), { recursive: true });
          await writeFile(join(target(), 'src', 'app.js'), 'written during the dialog\n');
          return answer;
        },
      });
      assert.equal(outcome.failed, undefined);
      assert.equal(await readFile(join(target(), 'src', 'app.js'), 'utf8'), 'written during the dialog\n');
      assert.ok(outcome.kept.includes('src/app.js'), 'reported as kept');
      assert.ok(!outcome.written.includes('src/app.js'));
      const readme = await readFile(join(target(), 'README.md'), 'utf8');
      assert.equal(readme, answer === 'keep' ? 'learner notes\n' : 'template readme\n', 'the listed conflict follows the answer');
      races.learnerFileKept += 1;
    });
  }

  it('writes nothing at all when the dialog is dismissed, whatever changed meanwhile', async () => {
    races.cases += 1;
    await mkdir(target(), { recursive: true });
    await writeFile(join(target(), 'README.md'), 'learner notes\n');
    const outcome = await copyTree({
      source: source(),
      target: nodeTargetFs(base, target()),
      askAboutConflicts: async () => {
        await writeFile(join(target(), 'README.md'), 'edited during the dialog\n');
        return undefined;
      },
    });
    assert.equal(outcome.cancelled, true);
    assert.deepEqual(outcome.written, []);
    assert.deepEqual([...(await tree(target())).keys()], ['README.md']);
    assert.equal(await readFile(join(target(), 'README.md'), 'utf8'), 'edited during the dialog\n');
    races.learnerFileKept += 1;
  });

  it('counts only files that differ: identical files are neither asked about nor rewritten', async () => {
    races.cases += 1;
    await mkdir(join(target(), 'src'), { recursive: true });
    await writeFile(join(target(), 'README.md'), TEMPLATE.get('README.md') as string);
    await writeFile(join(target(), 'src', 'app.js'), 'my own app\n');
    const asked: string[][] = [];
    const outcome = await copyTree({
      source: source(),
      target: nodeTargetFs(base, target()),
      askAboutConflicts: async (conflicts) => {
        asked.push([...conflicts]);
        return 'keep';
      },
    });
    assert.deepEqual(asked, [['src/app.js']]);
    assert.deepEqual(outcome.unchanged, ['README.md']);
    assert.deepEqual(outcome.kept, ['src/app.js']);
    assert.deepEqual(outcome.written, ['src/lib/util.js', 'test/app.test.js']);
    assert.equal(await readFile(join(target(), 'src', 'app.js'), 'utf8'), 'my own app\n');
    races.learnerFileKept += 1;
  });

  it('Reset to Starter backs up each changed file before replacing it, and leaves other files alone', async () => {
    races.cases += 1;
    await mkdir(join(target(), 'src'), { recursive: true });
    await writeFile(join(target(), 'src', 'app.js'), 'my attempt\n');
    await writeFile(join(target(), 'notes.txt'), 'not part of the starter\n');
    const backupDir = join(base, 'backend-path-exercises', '.backups', '01-http-fundamentals-1');
    const outcome = await resetToStarter(source(), nodeTargetFs(base, target()), nodeTargetFs(base, backupDir));
    assert.equal(outcome.failed, undefined);
    assert.deepEqual(outcome.backedUp, ['src/app.js']);
    assert.equal(await readFile(join(backupDir, 'src', 'app.js'), 'utf8'), 'my attempt\n');
    assert.equal(await readFile(join(target(), 'src', 'app.js'), 'utf8'), TEMPLATE.get('src/app.js'));
    assert.equal(await readFile(join(target(), 'notes.txt'), 'utf8'), 'not part of the starter\n');
    for (const [path, content] of TEMPLATE) assert.equal(await readFile(join(target(), path), 'utf8'), content);
    races.learnerFileKept += 1;
  });
});
