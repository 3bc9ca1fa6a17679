// Runs inside a real VS Code (extension host), loaded by test/bench/index.ts. Measures, in one host:
// - `await ext.activate()` for the empty fixture (the baseline) and for Backend Path, each once, cold;
// (Opening lessons is timed by open.bench.ts, against the floor and the Markdown preview.)
// Writes the figures as JSON to $BACKEND_PATH_BENCH_OUT (or prints them when it is unset).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
// This suite measures the real host, so it needs the vscode API at run time like test/integration does.
import * as vscode from 'vscode';

const BACKEND_PATH_ID = 'backend-path.backend-path';
const EMPTY_ID = 'backend-path-fixtures.empty-extension';

const round = (value: number) => Number(value.toFixed(3));

interface Activation {
  /** Null when the extension was already active (its activation event fired first): no cold figure. */
  readonly activateMs: number | null;
  readonly wasActive: boolean;
}

async function timeActivation(id: string): Promise<Activation> {
  const extension = vscode.extensions.getExtension(id);
  assert.ok(extension, `${id} is not loaded; pass it to the launcher as an extension development path`);
  if (extension.isActive) return { activateMs: null, wasActive: true };
  const start = performance.now();
  await extension.activate();
  return { activateMs: round(performance.now() - start), wasActive: false };
}

describe('bench: activation', function () {
  this.timeout(10 * 60_000);
  const results: Record<string, unknown> = { date: new Date().toISOString(), vscode: vscode.version };

  after(() => {
    const text = `${JSON.stringify(results, null, 2)}\n`;
    const out = process.env.BACKEND_PATH_BENCH_OUT;
    if (out) {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, text);
    } else {
      console.log(text);
    }
  });

  it('activates the empty fixture, then Backend Path (each once, cold)', async () => {
    // The baseline first, so Backend Path does not pay for loading the fixture.
    const empty = await timeActivation(EMPTY_ID);
    const backendPath = await timeActivation(BACKEND_PATH_ID);
    results.emptyExtension = empty;
    results.backendPath = backendPath;
    results.activationRatio = empty.activateMs && backendPath.activateMs !== null ? round(backendPath.activateMs / empty.activateMs) : null;
    // What a call costs once the extension is active: the floor under both figures.
    const start = performance.now();
    await vscode.extensions.getExtension(BACKEND_PATH_ID)?.activate();
    results.activeCallFloorMs = round(performance.now() - start);
  });
});
