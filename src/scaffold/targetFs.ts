// The only way the extension writes a learner's files on disk. Pure Node (no `vscode`), so the unit
// and robustness suites drive exactly this code against real folders, symbolic links included.
import { constants } from 'node:fs';
import { lstat, mkdir, open, readlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** What sits at a path, seen without following links. */
export type EntryKind = 'missing' | 'file' | 'directory' | 'other';

/**
 * Refusal to go through a symbolic link (or a Windows junction): a cloned repository can link a
 * folder or file to anywhere on the machine, and writing through it would write there.
 */
export class LinkRefusedError extends Error {
  override name = 'LinkRefusedError';
  constructor(
    /** The link itself, as an absolute path. */
    readonly linkPath: string,
    /** Where it points, when that could be read. */
    readonly pointsTo: string | undefined,
  ) {
    super(
      pointsTo === undefined
        ? `${linkPath} is a symbolic link; Backend Path never writes through links. Remove or rename it, then try again.`
        : `${linkPath} is a symbolic link to ${pointsTo}; Backend Path never writes through links. Remove or rename it, then try again.`,
    );
  }
}

/** A folder expected, something else found (a file where the tree needs a folder). */
export class NotAFolderError extends Error {
  override name = 'NotAFolderError';
  constructor(readonly path: string) {
    super(`${path} is a file, not a folder, so nothing can be written inside it.`);
  }
}

/**
 * The target side of a copy. Paths are forward-slash paths relative to the target folder; every
 * folder between the trusted base and the file is checked on each call, right before the write.
 */
export interface TargetFileSystem {
  /** The absolute path shown to the learner for a relative path. */
  display(relativePath: string): string;
  /** What is at the path; throws LinkRefusedError when any component from the base down is a link. */
  inspect(relativePath: string): Promise<EntryKind>;
  /** Reads an existing regular file (never through a link). */
  read(relativePath: string): Promise<Uint8Array>;
  /** Creates a new file; resolves 'exists' and writes nothing when anything is at the path by then. */
  create(relativePath: string, content: Uint8Array): Promise<'written' | 'exists'>;
  /** Replaces a regular file's content, or creates it when it has gone; never writes through a link. */
  replace(relativePath: string, content: Uint8Array): Promise<void>;
}

// Windows has no O_NOFOLLOW; the lstat checks right before the open still refuse links there.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * A TargetFileSystem over the local disk. `base` is the folder the learner chose or opened (trusted
 * as it is, even if it is itself a link); `target` lies inside it, and every component below `base`
 * must be a real folder or file.
 */
export function nodeTargetFs(base: string, target: string): TargetFileSystem {
  const fromBase = relative(base, target);
  if (fromBase.startsWith('..') || fromBase.split(sep).includes('..')) {
    throw new Error(`${target} is not inside ${base}`);
  }
  const baseSegments = fromBase === '' ? [] : fromBase.split(sep);
  const segmentsOf = (relativePath: string) => [...baseSegments, ...relativePath.split('/')];
  const absolute = (segments: readonly string[]) => join(base, ...segments);

  /** lstat of one path; a link is refused, naming it. */
  const kindOf = async (path: string): Promise<EntryKind> => {
    let stats;
    try {
      stats = await lstat(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 'missing';
      throw error;
    }
    if (stats.isSymbolicLink()) {
      const pointsTo = await readlink(path).catch(() => undefined);
      throw new LinkRefusedError(path, pointsTo);
    }
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  };

  /** Checks every folder above the file; creates missing ones one at a time, so none is a link. */
  const prepareFolders = async (segments: readonly string[], createMissing: boolean): Promise<'ready' | 'missing'> => {
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = absolute(segments.slice(0, depth));
      let kind = await kindOf(folder);
      if (kind === 'missing') {
        if (!createMissing) return 'missing';
        try {
          await mkdir(folder);
        } catch (error) {
          if (errorCode(error) !== 'EEXIST') throw error;
        }
        // Whatever is there now (ours, or something that raced in) must be a real folder.
        kind = await kindOf(folder);
      }
      if (kind !== 'directory') throw new NotAFolderError(folder);
    }
    return 'ready';
  };

  const writeHandle = async (path: string, flags: number, content: Uint8Array) => {
    const handle = await open(path, flags | NO_FOLLOW, 0o666);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  };

  return {
    display: (relativePath) => absolute(segmentsOf(relativePath)),

    async inspect(relativePath) {
      const segments = segmentsOf(relativePath);
      if ((await prepareFolders(segments, false)) === 'missing') return 'missing';
      return kindOf(absolute(segments));
    },

    async read(relativePath) {
      const segments = segmentsOf(relativePath);
      await prepareFolders(segments, false);
      const path = absolute(segments);
      if ((await kindOf(path)) !== 'file') throw new Error(`${path} is not a file`);
      const handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
      try {
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },

    async create(relativePath, content) {
      const segments = segmentsOf(relativePath);
      await prepareFolders(segments, true);
      const path = absolute(segments);
      if ((await kindOf(path)) !== 'missing') return 'exists';
      try {
        // O_EXCL: fails if anything (a file that appeared meanwhile, even a dangling link) is there.
        await writeHandle(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, content);
      } catch (error) {
        if (errorCode(error) === 'EEXIST') {
          await kindOf(path); // names the link if that is what appeared
          return 'exists';
        }
        throw error;
      }
      return 'written';
    },

    async replace(relativePath, content) {
      const segments = segmentsOf(relativePath);
      await prepareFolders(segments, true);
      const path = absolute(segments);
      const kind = await kindOf(path);
      if (kind === 'missing') {
        await writeHandle(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, content);
        return;
      }
      if (kind !== 'file') throw new Error(`${path} is not a regular file, so it was not replaced.`);
      try {
        await writeHandle(path, constants.O_WRONLY | constants.O_TRUNC, content);
      } catch (error) {
        // ELOOP: a link replaced the file between the check and the open.
        if (errorCode(error) === 'ELOOP') await kindOf(path);
        throw error;
      }
    },
  };
}
