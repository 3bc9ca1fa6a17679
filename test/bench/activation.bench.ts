// Runs inside a real VS Code (extension host), loaded by test/bench/index.ts. Measures, in one host:
// - `await ext.activate()` for the empty fixture (the baseline) and for Backend Path, each once, cold;
// - the time from `backendPath.openLesson` to the page's `ready`, over every lesson (median);
// - the host's heap after the first lesson and after all of them.
// Writes the figures as JSON to $BACKEND_PATH_BENCH_OUT (or prints them when it is unset).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
// This suite measures the real host, so it needs the vscode API at run time like test/integration does.
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';

const BACKEND_PATH_ID = 'backend-path.backend-path';
const EMPTY_ID = 'backend-path-fixtures.empty-extension';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

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

describe('bench: activation and lesson open', function () {
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

  it('opens every lesson and waits for its page to be ready', async () => {
    const extension = vscode.extensions.getExtension<BackendPathApi>(BACKEND_PATH_ID);
    assert.ok(extension);
    const api = extension.isActive ? extension.exports : await extension.activate();
    const catalog = await api.catalog();
    const times: { skillId: string; ms: number }[] = [];
    let heapAfterFirst = 0;
    for (const skill of catalog.skills) {
      const ready = api.lessonPanel.whenReady();
      const start = performance.now();
      await vscode.commands.executeCommand(Commands.openLesson, skill.id);
      await ready;
      times.push({ skillId: skill.id, ms: round(performance.now() - start) });
      assert.equal(api.lessonPanel.skillId, skill.id);
      if (times.length === 1) heapAfterFirst = process.memoryUsage().heapUsed;
    }
    const heapAfterAll = process.memoryUsage().heapUsed;
    const first = times[0];
    const rest = times.slice(1).map((time) => time.ms);
    results.lessonOpen = {
      lessons: times.length,
      // The first open creates the panel and loads the page script: the baseline for the others.
      firstMs: first.ms,
      medianMs: round(median(rest.length > 0 ? rest : [first.ms])),
      maxMs: round(Math.max(...times.map((time) => time.ms))),
      perLesson: times,
    };
    results.heap = {
      afterFirstLessonBytes: heapAfterFirst,
      afterAllLessonsBytes: heapAfterAll,
      ratio: round(heapAfterAll / heapAfterFirst),
      note: 'the extension host heap (shared with the other extensions); no forced GC between readings',
    };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
