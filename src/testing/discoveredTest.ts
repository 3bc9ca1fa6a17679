/** Zero-based line and character, as the editor counts them. */
export interface SourcePosition {
  readonly line: number;
  readonly character: number;
}

export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** A test or suite found in a test file before anything runs. */
export interface DiscoveredTest {
  /** The title as the runner reports it: Node's `test()` title, PHPUnit's method name. */
  readonly name: string;
  readonly kind: 'suite' | 'test';
  readonly range: SourceRange;
  readonly children: readonly DiscoveredTest[];
  /** `it.skip` / `it.todo`: listed, and reported as skipped when run. */
  readonly skipped?: boolean;
  /** PHPUnit: the test class's fully qualified name, which `--filter` matches. */
  readonly className?: string;
}
