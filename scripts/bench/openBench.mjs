// The launcher half of the open benchmark (test/bench/*.bench.ts is the extension-host half): runs
// the `bench` suite in code-server with Backend Path, the empty extension and the floor fixture
// loaded, and watches the page with Playwright while it runs:
// - every webview frame gets a watcher that reports, from inside the frame, the wall-clock time at
//   the first animation frame where an <h1> is visible; reports go to <dir>/events.jsonl, which the
//   host reads to stop its clock;
// - when the host says so (<dir>/host-ready), it clicks Backend Path in the activity bar and times
//   the tree until every stage shows its count and the first skill is visible (<dir>/tree.json).
import fs from 'node:fs';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { compileIntegrationTests, learnerEnv, runInCodeServer } from '../runVsCodeTests.mjs';
import { ensureCodeServer } from '../lib/codeServer/install.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Runs in a webview frame: the text of its first laid-out <h1> and the frame's wall clock. */
function visibleHeading() {
  for (const heading of document.querySelectorAll('h1')) {
    const box = heading.getBoundingClientRect();
    const text = (heading.textContent ?? '').trim();
    if (text && box.height > 0 && box.bottom > 0) return { text, t: Date.now() };
  }
  return null;
}

/** Runs in the workbench: resolves the wall-clock time the tree is complete. */
function watchTree({ stages, firstSkill }) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the tree did not complete within 60 s')), 60_000);
    const complete = () => {
      const rows = [...document.querySelectorAll('.part.sidebar .monaco-list-row[role="treeitem"]')];
      const label = row => row.querySelector('.label-name')?.textContent ?? '';
      // The list is virtual: rows below the fold do not exist. Complete means the first stage shows
      // its count and its skills are listed.
      const counted = rows.some(row => label(row).includes(stages[0])
        && /\d+\s*\/\s*\d+/.test(row.querySelector('.label-description')?.textContent ?? ''));
      return counted && rows.some(row => label(row).includes(firstSkill));
    };
    const tick = () => {
      if (complete()) {
        clearTimeout(timer);
        resolve(Date.now());
      } else {
        requestAnimationFrame(tick);
      }
    };
    tick();
  });
}

/**
 * Polls every webview frame for its heading (animation frames and timers are throttled in frames
 * VS Code keeps hidden until they are ready, so a watcher inside the frame can miss the moment).
 * Each new heading per frame is appended to `eventsFile` with the frame's own clock. Returns stop().
 */
export function watchFrames(page, eventsFile, { intervalMs = 20 } = {}) {
  const watched = new WeakSet();
  let stopped = false;
  // One loop per frame: a frame VS Code keeps frozen answers late, and must not hold up the others.
  const watch = async frame => {
    if (watched.has(frame) || frame === page.mainFrame()) return;
    watched.add(frame);
    let last;
    while (!stopped && !frame.isDetached() && !page.isClosed()) {
      const event = await frame.evaluate(visibleHeading).catch(() => null);
      if (event && event.text !== last) {
        last = event.text;
        fs.appendFileSync(eventsFile, `${JSON.stringify(event)}\n`);
      }
      await sleep(intervalMs);
    }
  };
  page.on('frameattached', frame => void watch(frame));
  page.on('framenavigated', frame => void watch(frame));
  for (const frame of page.frames()) void watch(frame);
  return () => { stopped = true; };
}

async function timeTree(page, dir, root) {
  const catalog = JSON.parse(readFileSync(path.join(root, 'lessons', 'curriculum.json'), 'utf8'));
  const stages = catalog.stages.map(stage => stage.title);
  const firstSkill = catalog.stages[0].skills[0].title;
  const deadline = Date.now() + 20 * 60_000;
  while (!fs.existsSync(path.join(dir, 'host-ready'))) {
    if (Date.now() > deadline) return;
    await sleep(50);
  }
  const item = page.locator('.part.activitybar [role="tab"][aria-label^="Backend Path"], .part.activitybar [aria-label^="Backend Path"]').first();
  await item.waitFor({ timeout: 60_000 });
  const shown = page.evaluate(watchTree, { stages, firstSkill });
  const start = Date.now();
  await item.click();
  try {
    const done = await shown;
    fs.writeFileSync(path.join(dir, 'tree.json'), JSON.stringify({ completeMs: done - start, stages: stages.length }));
  } catch (error) {
    fs.writeFileSync(path.join(dir, 'tree.json'), JSON.stringify({ error: String(error) }));
  } finally {
    fs.writeFileSync(path.join(dir, 'tree-done'), '');
  }
}

/**
 * Runs the bench suite and returns what it measured: activation (activation.bench.ts), the open
 * times and heap (open.bench.ts) and the tree. Everything is written under `dir` (an ignored folder).
 */
export async function benchOpen({ root, dir, lessons }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await compileIntegrationTests();
  await ensureCodeServer();
  const result = await runInCodeServer({
    suite: 'bench',
    extensionDevelopmentPaths: [root, path.join(root, 'test', 'fixtures', 'emptyExtension'), path.join(root, 'test', 'fixtures', 'benchFloor')],
    timeoutMs: 30 * 60_000,
    env: {
      ...learnerEnv(),
      BACKEND_PATH_BENCH_DIR: dir,
      BACKEND_PATH_BENCH_OUT: path.join(dir, 'activation.json'),
      ...(lessons ? { BACKEND_PATH_BENCH_LESSONS: String(lessons) } : {}),
    },
    onWorkbench: async workbench => {
      const stop = watchFrames(workbench.page, path.join(dir, 'events.jsonl'));
      await timeTree(workbench.page, dir, root);
      return stop;
    },
  });
  const read = name => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      return undefined;
    }
  };
  return { code: result.code, activation: read('activation.json'), open: read('open.json'), tree: read('tree.json') };
}
