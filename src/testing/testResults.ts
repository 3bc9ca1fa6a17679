// Connects a JUnit test case to the test it reports on, and turns a failure into what the Testing
// view shows: the message, the place to jump to, and the exercise's own stack frames. Pure.
import { normalize, relative, sep } from 'node:path';
import type { ExerciseLanguage } from '../curriculum/types';
import type { JUnitCase } from '../exercises/junitReport';
import type { StackFrame } from './failureLocation';
import { exerciseFrames, failureLocation, stackFrames } from './failureLocation';

export interface TestIdentity {
  /** Absolute path of the test file. */
  readonly file?: string;
  /** Node: suite titles then the test's; PHP: the method name last. */
  readonly titlePath: readonly string[];
  /** PHPUnit: the fully qualified class. */
  readonly className?: string;
}

/**
 * The same key for a discovered test and for the case a run reports on it: Node tests by file and
 * title path, PHPUnit tests by class and method (a class name is unique in a suite, a file path may
 * be spelt differently by PHPUnit and by the editor).
 */
export function resultKey(language: ExerciseLanguage, test: TestIdentity): string {
  const method = test.titlePath[test.titlePath.length - 1] ?? '';
  if (language === 'php') return `php\u0000${test.className ?? ''}::${method}`;
  return `node\u0000${test.file ? normalize(test.file) : ''}\u0000${test.titlePath.join('\u0000')}`;
}

/** The identity of the test a JUnit case reports on. */
export function caseIdentity(testCase: JUnitCase): TestIdentity {
  if (testCase.className) return { file: testCase.file, titlePath: [testCase.name], className: testCase.className };
  return { file: testCase.file, titlePath: [...testCase.suites, testCase.name] };
}

/**
 * node --test reports a file that failed before any of its tests ran (a syntax error, a failing
 * import) as one case named after the file's path.
 */
export function isWholeFileCase(testCase: JUnitCase, exerciseRoot: string): boolean {
  if (testCase.className || !testCase.file || testCase.suites.length > 0) return false;
  return relative(exerciseRoot, testCase.file).split(sep).join('/') === testCase.name.split(sep).join('/');
}

export interface FailureDetails {
  readonly message: string;
  /** Where the failure happened: the assertion in the test file, else the exercise code that threw. */
  readonly location?: StackFrame;
  /** The exercise's own frames, innermost first. */
  readonly stack: readonly StackFrame[];
}

export function failureDetails(testCase: JUnitCase, exerciseRoot: string): FailureDetails {
  const frames = stackFrames(testCase.details ?? '');
  const location = failureLocation(frames, testCase.file, exerciseRoot);
  return { message: testCase.message ?? testCase.summary ?? 'failed', ...(location ? { location } : {}), stack: exerciseFrames(frames, exerciseRoot) };
}
