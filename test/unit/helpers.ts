import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MementoLike } from '../../src/progress/mementoLike';
import type { ScaffoldFileSystem } from '../../src/scaffold/applyScaffold';
import { nodeTargetFs } from '../../src/scaffold/targetFs';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function readRepoFile(relativePath: string): string {
  return readFileSync(join(REPO_ROOT, relativePath), 'utf8');
}

/** An in-memory Memento that, like globalState, stores a JSON copy of what it is given. */
export class MemoryMemento implements MementoLike {
  readonly values = new Map<string, unknown>();
  writes = 0;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    this.writes += 1;
    this.values.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  }
}

/** The scaffold writer's file system over real folders: the extension's own lstat-checking writer. */
export function diskFs(source: string, target: string): ScaffoldFileSystem {
  const writer = nodeTargetFs(dirname(target), target);
  return {
    readSource: async (path) => readFile(join(source, path)),
    create: (path, content) => writer.create(path, content),
    replace: (path, content) => writer.replace(path, content),
  };
}
