// Entry point of dist/renderWorker.js: renders one lesson in a worker thread, so marked's worst
// cases can never block the extension host (renderInWorker stops it after its time limit).
import { parentPort, workerData } from 'node:worker_threads';
import { renderLesson } from './renderLesson';

interface Job {
  readonly markdown: string;
  readonly links: readonly (readonly [folder: string, skillId: string, title: string])[];
}

const { markdown, links } = workerData as Job;
const byFolder = new Map(links.map(([folder, skillId, title]) => [folder, { skillId, title }]));
parentPort?.postMessage(
  renderLesson(markdown, {
    skillIdForFolder: (folder) => byFolder.get(folder)?.skillId,
    titleForFolder: (folder) => byFolder.get(folder)?.title,
  }),
);
