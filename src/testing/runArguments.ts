// The command-line arguments that run a whole exercise, one file or chosen tests, and write a JUnit
// report next to the human-readable output. Test titles become anchored, escaped patterns, so a
// title with `(`, `*` or `/` selects exactly that test. Pure.
import type { ExerciseLanguage } from '../curriculum/types';

/** What to run inside one exercise folder: everything, or one file, possibly narrowed to some tests. */
export interface RunSelection {
  /** A test file relative to the exercise folder (`/` separators); absent = the whole exercise. */
  readonly file?: string;
  /** Tests in that file, by title path (Node: describe titles then the test's; PHP: the method); absent = all. */
  readonly tests?: readonly SelectedTest[];
}

export interface SelectedTest {
  readonly titlePath: readonly string[];
  /** PHPUnit: the fully qualified class name. */
  readonly className?: string;
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * node --test matches a pattern against a test's title joined to its suites' titles with spaces
 * (`describe('cart') > it('adds')` is "cart adds"); anchoring both ends keeps "adds" from also
 * running "adds twice". Selecting a suite runs everything in it.
 */
export function nodeNamePattern(titlePath: readonly string[]): string {
  return `^${escapeRegExp(titlePath.join(' '))}$`;
}

/**
 * PHPUnit's --filter is a PCRE matched against "Class::method" (PHPUnit 9 adds " with data set …",
 * 10+ "#…"/"@…" for data providers); with delimiters it is used as written.
 */
export function phpFilter(tests: readonly SelectedTest[]): string {
  const names = tests.map((test) => {
    const method = test.titlePath[test.titlePath.length - 1] ?? '';
    return `${escapeRegExp(test.className ?? '')}::${escapeRegExp(method)}`;
  });
  return `/^(?:${names.join('|')})(?:$| with data set |#|@)/`;
}

/** The arguments after the runner's own (`--test`, or the phpunit script) for one selection. */
export function testRunArguments(language: ExerciseLanguage, reportFile: string, selection: RunSelection = {}): string[] {
  const tests = selection.tests ?? [];
  if (language === 'node') {
    return [
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=junit',
      `--test-reporter-destination=${reportFile}`,
      ...tests.map((test) => `--test-name-pattern=${nodeNamePattern(test.titlePath)}`),
      ...(selection.file ? [selection.file] : []),
    ];
  }
  return ['--log-junit', reportFile, ...(tests.length > 0 ? ['--filter', phpFilter(tests)] : []), ...(selection.file ? [selection.file] : [])];
}
