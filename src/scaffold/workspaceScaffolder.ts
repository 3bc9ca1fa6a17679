import * as vscode from 'vscode';
import type { Prompts } from '../ui/prompts';
import type { ScaffoldReport } from './applyScaffold';
import { applyScaffold } from './applyScaffold';
import { planScaffold } from './scaffoldPlan';
import { uriExists as exists } from '../ui/uriExists';

async function listFiles(root: vscode.Uri, prefix = ''): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(prefix ? vscode.Uri.joinPath(root, ...prefix.split('/')) : root);
  const nested = await Promise.all(
    entries.map(async ([name, type]) => {
      const path = prefix ? `${prefix}/${name}` : name;
      if (type & vscode.FileType.Directory) return listFiles(root, path);
      return type & vscode.FileType.File ? [path] : [];
    }),
  );
  return nested.flat();
}

export interface CopyRequest {
  readonly source: vscode.Uri;
  readonly target: vscode.Uri;
  /** What to do with files that already exist: ask the learner, or always keep theirs. */
  readonly onConflict: 'ask' | 'keep';
  /** Files in the source to leave out (relative paths). */
  readonly exclude?: (relativePath: string) => boolean;
}

export type CopyOutcome = ScaffoldReport & { readonly cancelled: boolean };

/**
 * The conflict-safe writer: copies a folder tree into the workspace through workspace.fs and never
 * replaces an existing file unless the learner has said so in a modal dialog.
 */
export async function copyTreeSafely(request: CopyRequest, prompts: Prompts): Promise<CopyOutcome> {
  const files = (await listFiles(request.source)).filter((path) => !request.exclude?.(path));
  const existing = new Set<string>();
  await Promise.all(
    files.map(async (path) => {
      if (await exists(vscode.Uri.joinPath(request.target, ...path.split('/')))) existing.add(path);
    }),
  );
  const plan = planScaffold(files, existing);
  let overwrite = false;
  if (plan.conflicts.length > 0 && request.onConflict === 'ask') {
    const keep = vscode.l10n.t('Keep My Files');
    const replace = vscode.l10n.t('Overwrite {0} Files', plan.conflicts.length);
    const shown = plan.conflicts.slice(0, 12).join('\n');
    const more = plan.conflicts.length > 12 ? `\n… ${plan.conflicts.length - 12} more` : '';
    const choice = await prompts.ask(
      vscode.l10n.t('{0} files already exist in {1}.', plan.conflicts.length, request.target.fsPath),
      vscode.l10n.t('Existing files:\n{0}{1}\n\n"Keep My Files" writes only the missing files.', shown, more),
      [keep, replace],
    );
    if (choice === undefined) return { written: [], kept: plan.conflicts, cancelled: true };
    overwrite = choice === replace;
  }
  const report = await applyScaffold(
    plan,
    {
      readSource: (path) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(request.source, ...path.split('/')))),
      writeTarget: (path, content) =>
        Promise.resolve(vscode.workspace.fs.writeFile(vscode.Uri.joinPath(request.target, ...path.split('/')), content)),
    },
    overwrite,
  );
  return { ...report, cancelled: false };
}
