// What each Testing view run reported, per test id: kept so the extension's integration tests can
// read results back (VS Code offers extensions no API to read test results). Pure.

export interface RecordedMessage {
  readonly text: string;
  readonly markdown: boolean;
  /** Zero-based, as the editor counts. */
  readonly location?: { readonly path: string; readonly line: number; readonly character: number };
  /** `path:line` (1-based) of each stack frame shown. */
  readonly stack: readonly string[];
}

export interface RecordedResult {
  readonly state: 'started' | 'passed' | 'failed' | 'errored' | 'skipped';
  readonly durationMs?: number;
  readonly messages?: readonly RecordedMessage[];
}

export interface RunRecord {
  readonly name: string | undefined;
  readonly results: ReadonlyMap<string, RecordedResult>;
  readonly output: string;
  readonly ended: boolean;
}

/** Only the latest runs are kept: enough for a test to read back, never a growing memory. */
const KEPT_RUNS = 10;

export class RunRecorder {
  private readonly kept: RunRecord[] = [];

  get records(): readonly RunRecord[] {
    return this.kept;
  }

  begin(name: string | undefined): { set(id: string, result: RecordedResult): void; output(text: string): void; end(): void } {
    const results = new Map<string, RecordedResult>();
    const record = { name, results, output: '', ended: false };
    this.kept.push(record);
    if (this.kept.length > KEPT_RUNS) this.kept.shift();
    return {
      set: (id, result) => void results.set(id, result),
      output: (text) => void (record.output += text),
      end: () => void (record.ended = true),
    };
  }
}
