import { PROGRESS_STORAGE_KEY } from '../constants';
import type { MementoLike } from './mementoLike';
import { ProgressStore } from './progressStore';

/** globalState's shape: a Memento that can name keys for Settings Sync. */
export interface SyncableMemento extends MementoLike {
  setKeysForSync(keys: readonly string[]): void;
}

/** The progress store over globalState, with its one key registered for Settings Sync. */
export function createSyncedProgressStore(state: SyncableMemento, now?: () => Date): ProgressStore {
  state.setKeysForSync([PROGRESS_STORAGE_KEY]);
  return new ProgressStore(state, PROGRESS_STORAGE_KEY, now);
}
