// Where each stack's exercise of a skill stands, for the tree and the dashboard. Pure.
import type { ExerciseLanguage } from '../curriculum/types';
import type { ExerciseResult } from './exerciseResults';
import { stackName } from './stackChoice';

export type StackState = 'passed' | 'failed' | 'started' | 'notStarted';

export interface StackStatus {
  readonly stack: ExerciseLanguage;
  readonly state: StackState;
}

/**
 * One status per stack the skill has. This session's last check wins (a failure after an earlier
 * pass shows as failed), then a pass stored in progress, then whether the folder exists.
 */
export function stackStatuses(
  available: readonly ExerciseLanguage[],
  started: readonly ExerciseLanguage[],
  passed: readonly ExerciseLanguage[],
  lastCheck: (stack: ExerciseLanguage) => ExerciseResult | undefined,
): StackStatus[] {
  return available.map((stack) => ({
    stack,
    state: lastCheck(stack) ?? (passed.includes(stack) ? 'passed' : started.includes(stack) ? 'started' : 'notStarted'),
  }));
}

const MARK: Record<StackState, string> = { passed: ' ✓', failed: ' ✗', started: '', notStarted: '' };

/** "PHP ✓ · Node.js": the stacks started, passed or failed; empty when none was started. */
export function stackSummary(statuses: readonly StackStatus[]): string {
  return statuses
    .filter((status) => status.state !== 'notStarted')
    .map((status) => `${stackName(status.stack)}${MARK[status.state]}`)
    .join(' · ');
}
