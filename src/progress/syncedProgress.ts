import { createHash } from 'node:crypto';
import { PROGRESS_STORAGE_KEY } from '../constants';
import type { MementoLike } from './mementoLike';
import type { ProgressStoreOptions } from './progressStore';
import { ProgressStore } from './progressStore';

/** globalState's shape: a Memento that can name keys for Settings Sync. */
export interface SyncableMemento extends MementoLike {
  setKeysForSync(keys: readonly string[]): void;
}

/** Not synced: each machine remembers which progress warnings it has already shown. */
export const PROGRESS_NOTICE_KEY = 'backendPath.progressNoticeSeen';

/** The progress store over globalState, with its one key registered for Settings Sync. */
export function createSyncedProgressStore(state: SyncableMemento, options?: ProgressStoreOptions | (() => Date)): ProgressStore {
  state.setKeysForSync([PROGRESS_STORAGE_KEY]);
  return new ProgressStore(state, PROGRESS_STORAGE_KEY, options);
}

/**
 * True the first time these findings are seen on this machine (and remembers them), so a warning
 * about the same stored record is shown once, not on every activation. No findings: false.
 */
export function firstTimeSeen(state: MementoLike, findings: readonly string[]): boolean {
  if (findings.length === 0) return false;
  const fingerprint = createHash('sha256').update(JSON.stringify(findings)).digest('hex');
  if (state.get<string>(PROGRESS_NOTICE_KEY) === fingerprint) return false;
  // Losing this write only means the warning shows once more.
  Promise.resolve(state.update(PROGRESS_NOTICE_KEY, fingerprint)).catch(() => undefined);
  return true;
}
