// Entry point for the benchmark run inside VS Code (extensionTestsPath → out/test/bench/index).
// Not part of the test suites: it measures, and writes its figures to $BACKEND_PATH_BENCH_OUT.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 10 * 60_000 });
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith('.bench.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.bench.js under ${__dirname}`));
      return;
    }
    const runner = mocha.run((failures) => {
      // The launchers look for this line; keep it last.
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} benchmark(s) failed`));
      else resolve();
    });
  });
}
