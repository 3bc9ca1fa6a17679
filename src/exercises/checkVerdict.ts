// Decides what a finished test run means. Pure, so the rules that keep a check from reporting a
// pass that did not happen are unit-tested on their own.
import type { TestReport } from './junitReport';

export type Verdict =
  /** At least one test ran, none failed, and the runner exited 0. */
  | { readonly kind: 'passed'; readonly report: TestReport }
  /** Tests ran and some failed (or the runner exited non-zero although the report shows none failing). */
  | { readonly kind: 'failures'; readonly report: TestReport | undefined; readonly exitCode: number | undefined }
  /** The runner found no tests at all: never a pass. */
  | { readonly kind: 'noTests' }
  /** Every test was skipped: nothing was shown to work. */
  | { readonly kind: 'allSkipped'; readonly report: TestReport }
  /** The runner exited 0 but wrote no readable report, so nothing confirms a pass. */
  | { readonly kind: 'noReport' };

export function judgeRun(exitCode: number | undefined, report: TestReport | undefined): Verdict {
  if (!report) return exitCode === 0 ? { kind: 'noReport' } : { kind: 'failures', report: undefined, exitCode };
  if (report.total === 0) return { kind: 'noTests' };
  if (report.failed > 0 || exitCode !== 0) return { kind: 'failures', report, exitCode };
  if (report.passed === 0) return { kind: 'allSkipped', report };
  return { kind: 'passed', report };
}

/**
 * A task is the check's own only when it carries the exact id this check gave it; another task
 * for the same skill, or of another type, never decides the outcome.
 */
export function isOwnTask(definition: { readonly type?: unknown; readonly checkId?: unknown }, expected: { readonly type: string; readonly checkId: string }): boolean {
  return definition.type === expected.type && definition.checkId === expected.checkId;
}
