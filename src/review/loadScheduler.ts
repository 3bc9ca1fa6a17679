import type * as SchedulerModule from './schedulerBundle';
import type { ReviewScheduler } from './scheduler';

/**
 * Returns a loader that requires dist/scheduler.js on first use (Node's module cache makes later
 * loads free) and keeps one scheduler per activation; it holds only FSRS parameters.
 */
export function createSchedulerLoader(): () => ReviewScheduler {
  let scheduler: ReviewScheduler | undefined;
  return () => {
    if (!scheduler) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load of a sibling bundle
      const module = require('./scheduler.js') as typeof SchedulerModule;
      scheduler = new module.ReviewScheduler();
    }
    return scheduler;
  };
}
