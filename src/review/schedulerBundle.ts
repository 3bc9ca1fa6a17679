// Entry point of dist/scheduler.js: ts-fsrs is bundled here, not in extension.js, so activation
// never parses it; src/review/loadScheduler.ts requires it on the first review.
export { ReviewScheduler } from './scheduler';
