// Runs inside a real VS Code (extension host) after activation.bench.ts. For every lesson, times
// three commands from `executeCommand` to the lesson's heading being visible in the page:
//   floor:   benchFloor.open (test/fixtures/benchFloor), a webview whose page is one <h1>;
//   preview: markdown.showPreview of the same lesson.md (VS Code's built-in Markdown preview);
//   ours:    backendPath.openLesson.
// "Visible" is seen by the launcher (scripts/bench/openBench.mjs) in the page itself with
// Playwright: it appends {text, t} (wall-clock ms, same machine) to $BACKEND_PATH_BENCH_DIR/events.jsonl
// when an <h1> first shows in a webview. Editors are closed between opens, so every open is cold.
// Also: the tree's time to complete, measured by the launcher, and the host heap (after a forced GC)
// after the first and after all lesson opens.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
// This suite measures the real host, so it needs the vscode API at run time like test/integration does.
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';

const BACKEND_PATH_ID = 'backend-path.backend-path';
const FLOOR_ID = 'backend-path-fixtures.bench-floor';
const MARKDOWN_ID = 'vscode.markdown-language-features';
const VARIANTS = ['floor', 'preview', 'ours'] as const;
type Variant = (typeof VARIANTS)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number) => Number(value.toFixed(1));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A GC first, so the readings compare what stays reachable, not when the collector last ran. */
function heapUsed(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed;
}

interface HeadingEvent {
  readonly text: string;
  readonly t: number;
}

class Events {
  private offset = 0;
  private readonly seen: HeadingEvent[] = [];
  constructor(private readonly file: string) {}

  private read(): void {
    if (!fs.existsSync(this.file)) return;
    const text = fs.readFileSync(this.file, 'utf8');
    const fresh = text.slice(this.offset);
    const complete = fresh.lastIndexOf('\n');
    if (complete < 0) return;
    for (const line of fresh.slice(0, complete).split('\n')) if (line) this.seen.push(JSON.parse(line) as HeadingEvent);
    this.offset += complete + 1;
  }

  /** The first heading with `text` seen at or after `since`. */
  async waitFor(text: string, since: number, timeoutMs = 120_000): Promise<HeadingEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.read();
      const found = this.seen.find((event) => event.text === text && event.t >= since);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no visible heading "${text}" within ${timeoutMs} ms`);
      await sleep(10);
    }
  }
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear within ${timeoutMs} ms`);
    await sleep(20);
  }
}

function firstHeading(markdown: string): string {
  const match = /^# (.+)$/m.exec(markdown);
  assert.ok(match, 'every lesson starts with a level-1 heading');
  return match[1].trim();
}

describe('bench: opening a lesson against the floor and the Markdown preview', function () {
  this.timeout(30 * 60_000);
  const dir = process.env.BACKEND_PATH_BENCH_DIR;
  const results: Record<string, unknown> = {};

  after(() => {
    if (dir) fs.writeFileSync(path.join(dir, 'open.json'), `${JSON.stringify(results, null, 2)}\n`);
    else console.log(JSON.stringify(results, null, 2));
  });

  it('times every lesson three ways, and the tree', async function () {
    if (!dir) this.skip(); // needs the launcher that watches the page (npm run bench)
    const extension = vscode.extensions.getExtension<BackendPathApi>(BACKEND_PATH_ID);
    const floor = vscode.extensions.getExtension(FLOOR_ID);
    const markdown = vscode.extensions.getExtension(MARKDOWN_ID);
    assert.ok(extension && floor && markdown, 'Backend Path, the floor fixture and the Markdown extension are loaded');
    const api = extension.isActive ? extension.exports : await extension.activate();
    // All three are active before the first open, so "first open" compares opening, not activating.
    await Promise.all([floor.activate(), markdown.activate()]);
    // One untimed webview first: the workbench's webview machinery starts once per window, and that
    // cost belongs to no variant.
    await vscode.commands.executeCommand('benchFloor.open', 'warm-up');
    await sleep(1_000);

    // The launcher clicks the activity bar and times the tree, then tells us to go on.
    fs.writeFileSync(path.join(dir, 'host-ready'), '');
    await waitForFile(path.join(dir, 'tree-done'), 120_000);

    const events = new Events(path.join(dir, 'events.jsonl'));
    const catalog = await api.catalog();
    // BACKEND_PATH_BENCH_LESSONS limits the run to the first n lessons (a quick look); unset: all.
    const limit = Number(process.env.BACKEND_PATH_BENCH_LESSONS) || catalog.skills.length;
    const skills = catalog.skills.slice(0, limit);
    const times: Record<Variant, { skillId: string; ms: number }[]> = { floor: [], preview: [], ours: [] };
    let heapAfterFirst = 0;
    for (const [index, skill] of skills.entries()) {
      const file = vscode.Uri.joinPath(extension.extensionUri, 'lessons', skill.folder, 'lesson.md');
      const title = firstHeading(fs.readFileSync(file.fsPath, 'utf8'));
      // Rotate the order, so no variant always runs first (on the coldest caches).
      const order = VARIANTS.map((_, i) => VARIANTS[(i + index) % VARIANTS.length]);
      for (const variant of order) {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await sleep(300); // let the closed webviews go before the clock starts
        const start = Date.now();
        if (variant === 'floor') await vscode.commands.executeCommand('benchFloor.open', title);
        else if (variant === 'preview') await vscode.commands.executeCommand('markdown.showPreview', file);
        else await vscode.commands.executeCommand(Commands.openLesson, skill.id);
        const seen = await events.waitFor(title, start);
        times[variant].push({ skillId: skill.id, ms: seen.t - start });
        if (variant === 'ours' && index === 0) heapAfterFirst = heapUsed();
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const heapAfterAll = heapUsed();

    const summary = (variant: Variant) => ({
      firstMs: times[variant][0].ms,
      medianMs: round(median(times[variant].map((time) => time.ms))),
      perLesson: times[variant],
    });
    const floorSummary = summary('floor');
    const previewSummary = summary('preview');
    const oursSummary = summary('ours');
    const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(3)) : null);
    results.lessons = skills.length;
    results.floor = floorSummary;
    results.preview = previewSummary;
    results.ours = oursSummary;
    results.ratios = {
      oursVsFloorFirst: ratio(oursSummary.firstMs, floorSummary.firstMs),
      oursVsFloorMedian: ratio(oursSummary.medianMs, floorSummary.medianMs),
      oursVsPreviewFirst: ratio(oursSummary.firstMs, previewSummary.firstMs),
      oursVsPreviewMedian: ratio(oursSummary.medianMs, previewSummary.medianMs),
    };
    results.heap = {
      afterFirstLessonBytes: heapAfterFirst,
      afterAllLessonsBytes: heapAfterAll,
      ratio: ratio(heapAfterAll, heapAfterFirst),
      note: 'extension host heap after a forced GC (shared with the other extensions)',
    };
  });
});
