import { Worker } from 'node:worker_threads';
import type { Catalog } from '../curriculum/types';
import { checkLessonLimits } from './lessonLimits';
import { refusedLesson, type RenderedLesson } from './renderedLesson';

/** The longest a lesson may take to render before it is stopped and refused. */
export const RENDER_TIME_LIMIT_MS = 10_000;

/**
 * Renders lesson markdown in a worker thread (the bundle at `workerFile`). The host only waits, so
 * even a pathological lesson never blocks it; one that is still rendering after `timeLimitMs` is
 * stopped and shown as refused. The cheap limits are checked here first, so refused input never
 * starts a worker.
 */
export function renderInWorker(
  workerFile: string,
  markdown: string,
  catalog: Pick<Catalog, 'skills'>,
  timeLimitMs = RENDER_TIME_LIMIT_MS,
): Promise<RenderedLesson> {
  const refusal = checkLessonLimits(markdown);
  if (refusal) return Promise.resolve(refusedLesson(refusal));
  const started = Date.now();
  return runWorker<RenderedLesson>(workerFile, { markdown, links: linksOf(catalog) }, timeLimitMs, () =>
    refusedLesson({ kind: 'tooSlow', ms: Date.now() - started, limit: timeLimitMs }),
  );
}

/**
 * Renders several short documents (an exercise's hints) in one worker, each as a lesson would be,
 * and returns their HTML. A document beyond the lesson limits gives the refusal's HTML; a worker that
 * is still rendering after `timeLimitMs` is stopped and the promise rejects.
 */
export async function renderHintsInWorker(
  workerFile: string,
  markdowns: readonly string[],
  catalog: Pick<Catalog, 'skills'>,
  timeLimitMs = RENDER_TIME_LIMIT_MS,
): Promise<string[]> {
  const refusals = markdowns.map((markdown) => checkLessonLimits(markdown));
  const accepted = markdowns.filter((_, index) => !refusals[index]);
  const rendered =
    accepted.length === 0
      ? []
      : await runWorker<RenderedLesson[] | undefined>(workerFile, { markdown: '', markdowns: accepted, links: linksOf(catalog) }, timeLimitMs, () => undefined);
  if (!rendered) throw new Error(`rendering took longer than ${timeLimitMs} ms`);
  let next = 0;
  return refusals.map((refusal) => (refusal ? refusedLesson(refusal).html : (rendered[next++]?.html ?? '')));
}

function linksOf(catalog: Pick<Catalog, 'skills'>): (readonly [string, string, string])[] {
  return catalog.skills.map((skill) => [skill.folder, skill.id, skill.title] as const);
}

/** Runs the render worker on one job; after `timeLimitMs` it is stopped and `onTimeout` answers. */
function runWorker<T>(workerFile: string, workerData: unknown, timeLimitMs: number, onTimeout: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => resolve(onTimeout())), timeLimitMs);
    worker.once('message', (rendered: T) => settle(() => resolve(rendered)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the lesson renderer stopped (exit code ${code})`))));
  });
}
