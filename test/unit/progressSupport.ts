// Shared by the progress tests: a catalog, clocks, and Mementos that fail or show writes late.
import type { MementoLike } from '../../src/progress/mementoLike';
import type { ProgressCatalog } from '../../src/progress/progressTransfer';
import { EXPORT_FORMAT } from '../../src/progress/progressTransfer';

export const KEY = 'backendPath.progress';
export const NOW = '2026-11-27T10:00:00.000Z';
export const fixedNow = (): Date => new Date(NOW);

/** A clock that moves one second per reading, so every change gets its own moment. */
export function tickingClock(start = NOW): () => Date {
  let time = Date.parse(start);
  return () => new Date((time += 1000));
}

/** Skill ids the tests use, each with its quiz's length (0: no quiz). */
export const CATALOG: ProgressCatalog = {
  quizLengths: new Map([
    ['http-fundamentals', 5],
    ['sql-fundamentals', 5],
    ['orm-basics', 5],
    ['caching', 6],
    ['no-quiz', 0],
    ['a', 5],
    ['b', 5],
    ['c', 5],
  ]),
};

export const exportOf = (progress: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: NOW, progress, ...extra }, null, 2);

/**
 * globalState as the extension host has it: the new value is kept in memory at once, then written;
 * when `failNext` is set, the write rejects (the in-memory value stays, as in VS Code).
 */
export class FlakyMemento implements MementoLike {
  readonly values = new Map<string, unknown>();
  failures = 0;
  writes = 0;

  constructor(initial: Record<string, unknown> = {}, public failNext = 0) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    this.writes += 1;
    this.values.set(key, JSON.parse(JSON.stringify(value)));
    if (this.failNext > 0) {
      this.failNext -= 1;
      this.failures += 1;
      return Promise.reject(new Error('disk full'));
    }
    return Promise.resolve();
  }
}

/**
 * Shared storage seen by several windows, each through its own view. A write is visible at once in
 * the window that made it and reaches the others only when `deliver()` runs (late, like globalState
 * across windows); deliveries arrive in write order, the last one wins.
 */
export class LateStorage {
  private stored: unknown;
  private readonly inFlight: unknown[] = [];
  private readonly views: LateView[] = [];

  view(): LateView {
    const view = new LateView(this, this.stored);
    this.views.push(view);
    return view;
  }

  send(value: unknown): void {
    this.inFlight.push(value);
  }

  deliver(): void {
    for (const value of this.inFlight.splice(0)) {
      this.stored = value;
      for (const view of this.views) view.seen = value;
    }
  }

  get value(): unknown {
    return this.stored;
  }
}

export class LateView implements MementoLike {
  constructor(
    private readonly storage: LateStorage,
    public seen: unknown,
  ) {}

  get<T>(key: string): T | undefined {
    return key === KEY ? (this.seen as T) : undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (key !== KEY) return;
    this.seen = JSON.parse(JSON.stringify(value));
    this.storage.send(this.seen);
  }
}
