import * as vscode from 'vscode';
import type { Prompts } from '../ui/prompts';
import type { CopyOutcome, CopySource, ResetOutcome } from './copyTree';
import { copyTree, resetToStarter } from './copyTree';
import type { EntryKind, TargetFileSystem } from './targetFs';
import { LinkRefusedError, NotAFolderError, nodeTargetFs } from './targetFs';

async function listFiles(root: vscode.Uri, prefix = ''): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(prefix ? vscode.Uri.joinPath(root, ...prefix.split('/')) : root);
  const nested = await Promise.all(
    entries.map(async ([name, type]) => {
      const path = prefix ? `${prefix}/${name}` : name;
      if (type & vscode.FileType.SymbolicLink) return []; // the bundle has none; never follow one
      if (type & vscode.FileType.Directory) return listFiles(root, path);
      return type & vscode.FileType.File ? [path] : [];
    }),
  );
  return nested.flat();
}

/** A bundled folder of the extension, read through workspace.fs. */
export function bundledSource(root: vscode.Uri): CopySource {
  return {
    list: () => listFiles(root),
    read: async (path) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ...path.split('/'))),
  };
}

/**
 * The learner's side of a copy. On disk it is the lstat-checking writer; a virtual workspace only
 * has workspace.fs, whose stat still flags links.
 */
export function targetFileSystem(base: vscode.Uri, target: vscode.Uri): TargetFileSystem {
  if (base.scheme === 'file' && target.scheme === 'file') return nodeTargetFs(base.fsPath, target.fsPath);
  return workspaceTargetFs(base, target);
}

function workspaceTargetFs(base: vscode.Uri, target: vscode.Uri): TargetFileSystem {
  const baseParts = base.path.replace(/\/$/, '').split('/');
  const targetParts = target.path.replace(/\/$/, '').split('/');
  const below = targetParts.slice(baseParts.length);
  const uriOf = (parts: readonly string[]) => (parts.length > 0 ? vscode.Uri.joinPath(base, ...parts) : base);
  const kindOf = async (uri: vscode.Uri): Promise<EntryKind> => {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return 'missing';
    }
    if (stat.type & vscode.FileType.SymbolicLink) throw new LinkRefusedError(uri.toString(true), undefined);
    return stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other';
  };
  const checkFolders = async (parts: readonly string[]): Promise<'ready' | 'missing'> => {
    for (let depth = 1; depth < parts.length; depth++) {
      const kind = await kindOf(uriOf(parts.slice(0, depth)));
      if (kind === 'missing') return 'missing';
      if (kind !== 'directory') throw new NotAFolderError(uriOf(parts.slice(0, depth)).toString(true));
    }
    return 'ready';
  };
  const partsOf = (relativePath: string) => [...below, ...relativePath.split('/')];
  return {
    display: (relativePath) => uriOf(partsOf(relativePath)).toString(true),
    async inspect(relativePath) {
      const parts = partsOf(relativePath);
      return (await checkFolders(parts)) === 'missing' ? 'missing' : kindOf(uriOf(parts));
    },
    async read(relativePath) {
      const parts = partsOf(relativePath);
      await checkFolders(parts);
      if ((await kindOf(uriOf(parts))) !== 'file') throw new Error(vscode.l10n.t('{0} is not a file', uriOf(parts).toString(true)));
      return vscode.workspace.fs.readFile(uriOf(parts));
    },
    async create(relativePath, content) {
      const parts = partsOf(relativePath);
      await checkFolders(parts);
      if ((await kindOf(uriOf(parts))) !== 'missing') return 'exists';
      await vscode.workspace.fs.writeFile(uriOf(parts), content);
      return 'written';
    },
    async replace(relativePath, content) {
      const parts = partsOf(relativePath);
      await checkFolders(parts);
      const kind = await kindOf(uriOf(parts));
      if (kind !== 'file' && kind !== 'missing') throw new Error(vscode.l10n.t('{0} is not a regular file, so it was not replaced.', uriOf(parts).toString(true)));
      await vscode.workspace.fs.writeFile(uriOf(parts), content);
    },
  };
}

export interface CopyRequest {
  readonly source: vscode.Uri;
  /** The folder the learner opened or chose; links are checked from below it. */
  readonly base: vscode.Uri;
  readonly target: vscode.Uri;
  /** What to do with files that differ from the source: ask the learner, or always keep theirs. */
  readonly onConflict: 'ask' | 'keep';
  /** Files in the source to leave out (relative paths). */
  readonly exclude?: (relativePath: string) => boolean;
}

export type { CopyOutcome, ResetOutcome };

/**
 * The conflict-safe writer: copies a folder tree into the learner's folder and never replaces an
 * existing file unless the learner has said so in a modal dialog.
 */
export async function copyTreeSafely(request: CopyRequest, prompts: Prompts): Promise<CopyOutcome> {
  return copyTree({
    source: bundledSource(request.source),
    target: targetFileSystem(request.base, request.target),
    exclude: request.exclude,
    askAboutConflicts:
      request.onConflict === 'ask'
        ? async (conflicts) => {
            const keep = vscode.l10n.t('Keep My Files');
            const replace = vscode.l10n.t('Overwrite {0} Files', conflicts.length);
            const shown = conflicts.slice(0, 12).join('\n');
            const more = conflicts.length > 12 ? `\n… ${conflicts.length - 12} more` : '';
            const choice = await prompts.ask(
              vscode.l10n.t('{0} of your files in {1} differ from the starter.', conflicts.length, request.target.fsPath),
              vscode.l10n.t('Changed files:\n{0}{1}\n\n"Keep My Files" writes only the missing files.', shown, more),
              [keep, replace],
            );
            return choice === undefined ? undefined : choice === replace ? 'overwrite' : 'keep';
          }
        : undefined,
  });
}

/** Backs up the learner's changed files into `backup`, then puts the starter back in `target`. */
export function resetTreeToStarter(source: vscode.Uri, base: vscode.Uri, target: vscode.Uri, backup: vscode.Uri): Promise<ResetOutcome> {
  return resetToStarter(bundledSource(source), targetFileSystem(base, target), targetFileSystem(base, backup));
}
