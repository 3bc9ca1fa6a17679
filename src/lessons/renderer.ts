// Entry point of dist/renderer.js: marked and highlight.js are the heaviest part of the extension,
// so they live in their own bundle that is loaded on the first lesson render, not at activation.
export { renderLesson } from './renderLesson';
