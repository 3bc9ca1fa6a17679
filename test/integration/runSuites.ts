// Shared by the two test entry points (index.ts, indexUntrusted.ts). Both launchers
// (@vscode/test-electron and the code-server one) load an entry point and call its run().
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface SuiteSet {
  /** Folder of compiled tests, relative to out/test/integration. */
  readonly root: string;
  /** Sub-folders (relative to root) whose tests belong to another set. */
  readonly exclude: readonly string[];
}

function findTests(dir: string, exclude: readonly string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.test.js'))
    .filter((rel) => !exclude.some((ex) => rel === ex || rel.startsWith(ex + path.sep)))
    .sort()
    .map((rel) => path.join(dir, rel));
}

export function runSuites(set: SuiteSet): Promise<void> {
  // Stack traces point into test/integration/*.ts instead of the bundles.
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    // The extension host and the workbench start slowly on 2 cores.
    timeout: Number(process.env.BACKEND_PATH_TEST_TIMEOUT) || 20_000,
    grep: process.env.BACKEND_PATH_TEST_GREP || undefined,
  });
  const files = findTests(path.join(__dirname, set.root), set.exclude);
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      console.log('0 passed, 0 failed');
      reject(new Error(`no *.test.js under ${path.join(__dirname, set.root)}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        // The launchers look for this line; keep it last.
        console.log(`${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
