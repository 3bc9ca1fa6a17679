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
  const links = catalog.skills.map((skill) => [skill.folder, skill.id, skill.title] as const);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const worker = new Worker(workerFile, { workerData: { markdown, links } });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => resolve(refusedLesson({ kind: 'tooSlow', ms: Date.now() - started, limit: timeLimitMs }))),
      timeLimitMs,
    );
    worker.once('message', (rendered: RenderedLesson) => settle(() => resolve(rendered)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the lesson renderer stopped (exit code ${code})`))));
  });
}
