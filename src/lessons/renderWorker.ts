// Entry point of dist/renderWorker.js: renders one lesson in a worker thread, so marked's worst
// cases can never block the extension host (renderInWorker stops it after its time limit).
import { parentPort, workerData } from 'node:worker_threads';
import { renderLesson } from './renderLesson';

interface Job {
  readonly markdown: string;
  /** Several short documents (an exercise's hints) at once: one worker, one answer with each rendered. */
  readonly markdowns?: readonly string[];
  readonly links: readonly (readonly [folder: string, skillId: string, title: string])[];
}

const { markdown, markdowns, links } = workerData as Job;
const byFolder = new Map(links.map(([folder, skillId, title]) => [folder, { skillId, title }]));
const render = (text: string) =>
  renderLesson(text, {
    skillIdForFolder: (folder) => byFolder.get(folder)?.skillId,
    titleForFolder: (folder) => byFolder.get(folder)?.title,
  });
parentPort?.postMessage(markdowns ? markdowns.map(render) : render(markdown));
