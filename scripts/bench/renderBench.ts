// Times turning each lesson into the page HTML (the real LessonSession: render + page, as the panel does)
// against the baseline of marked.parse on the same text, interleaved in one process.
// Loaded by scripts/bench.mjs through importTs, so it uses the extension's own code from src/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Marked } from 'marked';
import type { Skill } from '../../src/curriculum/types';
import type { PageLabels } from '../../src/lessonPanel/pageHtml';
import type { RecordingSession } from '../lib/recordingSession';
import { createRecordingSession } from '../lib/recordingSession';

export interface RenderOptions {
  readonly root: string;
  readonly warmup: number;
  readonly runs: number;
}

export interface LessonTiming {
  readonly skillId: string;
  readonly chars: number;
  /** Medians over the runs, in milliseconds. */
  readonly pageMs: number;
  readonly markedMs: number;
  readonly ratio: number;
}

export interface RenderResult {
  readonly runs: number;
  readonly warmup: number;
  readonly lessons: readonly LessonTiming[];
  readonly longest: LessonTiming;
  /** The median over all lessons of each lesson's median. */
  readonly median: { readonly pageMs: number; readonly markedMs: number; readonly ratio: number };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Labels as the panel would pass them; their text does not change the work done. */
const labels = new Proxy({}, { get: (_target, key) => `[${String(key)}]` }) as PageLabels;
const resources = { cspSource: 'vscode-webview://bench', asWebviewUri: (path: string) => `vscode-webview://bench/${path}` };

interface Loaded {
  readonly skill: Skill;
  readonly markdown: string;
}

/**
 * What opening a lesson costs the panel, minus the webview: the real LessonSession renders the
 * markdown (renderOnEveryShow) and builds the page, handing it to a recording view.
 */
async function buildPage(pages: RecordingSession, lesson: Loaded): Promise<string> {
  return pages.page(lesson.skill.id);
}

function baseline(markdown: string): string {
  return new Marked({ gfm: true, async: false }).parse(markdown, { async: false });
}

export async function benchRender(options: RenderOptions): Promise<RenderResult> {
  const pages = await createRecordingSession({ root: options.root, resources, labels, renderOnEveryShow: true });
  const lessons: Loaded[] = [];
  for (const skill of pages.catalog.skills) {
    const markdown = await readFile(join(options.root, 'lessons', skill.folder, 'lesson.md'), 'utf8').catch(() => undefined);
    if (markdown !== undefined) lessons.push({ skill, markdown });
  }
  if (lessons.length === 0) throw new Error('no lessons/*/lesson.md to render');

  let sink = 0;
  for (let i = 0; i < options.warmup; i++) {
    for (const lesson of lessons) sink += (await buildPage(pages, lesson)).length + baseline(lesson.markdown).length;
  }
  const pageTimes = lessons.map(() => [] as number[]);
  const markedTimes = lessons.map(() => [] as number[]);
  for (let run = 0; run < options.runs; run++) {
    for (const [index, lesson] of lessons.entries()) {
      // Alternate which goes first, so neither always gets the warmer caches.
      const order = (run + index) % 2 === 0 ? ['page', 'marked'] : ['marked', 'page'];
      for (const which of order) {
        const start = performance.now();
        sink += which === 'page' ? (await buildPage(pages, lesson)).length : baseline(lesson.markdown).length;
        (which === 'page' ? pageTimes : markedTimes)[index].push(performance.now() - start);
      }
    }
  }
  if (sink === 0) throw new Error('nothing was rendered');

  const timings: LessonTiming[] = lessons.map((lesson, index) => {
    const pageMs = median(pageTimes[index]);
    const markedMs = median(markedTimes[index]);
    return { skillId: lesson.skill.id, chars: lesson.markdown.length, pageMs, markedMs, ratio: pageMs / markedMs };
  });
  const longest = timings.reduce((best, timing) => (timing.chars > best.chars ? timing : best));
  const pageMs = median(timings.map((timing) => timing.pageMs));
  const markedMs = median(timings.map((timing) => timing.markedMs));
  return { runs: options.runs, warmup: options.warmup, lessons: timings, longest, median: { pageMs, markedMs, ratio: pageMs / markedMs } };
}
