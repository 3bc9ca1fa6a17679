import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { CopyOutcome } from '../scaffold/workspaceScaffolder';
import { copyTreeSafely } from '../scaffold/workspaceScaffolder';
import type { Services } from './services';

export const STARTER_TEMPLATES = {
  php: { folder: 'php-starter' },
  node: { folder: 'node-starter' },
} as const;

function templateChoices(): { name: TemplateName; label: string; detail: string }[] {
  return [
    { name: 'php', label: vscode.l10n.t('PHP 8 starter'), detail: vscode.l10n.t('Front controller, router, PDO SQLite, migrations, PHPUnit') },
    { name: 'node', label: vscode.l10n.t('Node.js starter'), detail: vscode.l10n.t('node:http, JSON body limits, node:sqlite, node:test — no dependencies') },
  ];
}

export type TemplateName = keyof typeof STARTER_TEMPLATES;

/** Arguments a caller (the walkthrough, a test) may pass to skip the questions. */
export interface ScaffoldArguments {
  readonly template?: TemplateName;
  /** The folder that receives `php-starter/` or `node-starter/`. */
  readonly parentFolder?: vscode.Uri;
}

export interface ScaffoldResult extends CopyOutcome {
  readonly target: vscode.Uri;
}

function isTemplateName(value: unknown): value is TemplateName {
  return value === 'php' || value === 'node';
}

export function registerScaffoldCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.scaffoldProject, async (argument?: ScaffoldArguments) => {
    const template = isTemplateName(argument?.template) ? argument.template : await pickTemplate(services);
    if (!template) return undefined;
    const parent = argument?.parentFolder instanceof vscode.Uri ? argument.parentFolder : await pickParent(services, template);
    if (!parent) return undefined;
    const target = vscode.Uri.joinPath(parent, STARTER_TEMPLATES[template].folder);
    const source = vscode.Uri.joinPath(services.extensionUri, 'templates', template);
    let outcome: CopyOutcome;
    try {
      outcome = await copyTreeSafely({ source, base: parent, target, onConflict: 'ask' }, services.prompts);
    } catch (error) {
      services.log.error(`Scaffolding into ${target.fsPath} failed: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The starter project could not be created: {0}', String(error)));
      return undefined;
    }
    await reportOutcome(services, template, target, outcome);
    return { ...outcome, target } satisfies ScaffoldResult;
  });
}

interface ParentPick extends vscode.QuickPickItem {
  readonly folder?: vscode.Uri;
}

/** Asks where the project goes: each workspace folder, or another folder picked in a dialog. */
async function pickParent(services: Services, template: TemplateName): Promise<vscode.Uri | undefined> {
  const name = STARTER_TEMPLATES[template].folder;
  const items: ParentPick[] = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    label: `$(folder) ${folder.name}`,
    description: vscode.Uri.joinPath(folder.uri, name).fsPath,
    detail: vscode.l10n.t('Create {0} inside this workspace folder', name),
    folder: folder.uri,
  }));
  items.push({ label: `$(folder-opened) ${vscode.l10n.t('Choose a Folder…')}`, detail: vscode.l10n.t('Create {0} in a folder you pick', name) });
  const picked = await services.prompts.pick(items, {
    title: vscode.l10n.t('Where should the starter project go?'),
    placeHolder: vscode.l10n.t('The project is created in a new {0} folder there', name),
  });
  if (!picked) return undefined;
  return picked.folder ?? services.prompts.pickFolder(vscode.l10n.t('Choose where to create the starter project'));
}

async function pickTemplate(services: Services): Promise<TemplateName | undefined> {
  const picked = await services.prompts.pick(templateChoices(), {
    title: vscode.l10n.t('Scaffold Starter Project'),
    placeHolder: vscode.l10n.t('Which starter project?'),
  });
  return picked?.name;
}

async function reportOutcome(services: Services, template: TemplateName, target: vscode.Uri, outcome: CopyOutcome): Promise<void> {
  if (outcome.cancelled) return;
  if (outcome.refused) {
    services.log.warn(`Scaffolding into ${target.fsPath} refused: ${outcome.refused}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The starter project was not created. {0}', outcome.refused));
    return;
  }
  if (outcome.failed) {
    services.log.error(`Scaffolding stopped at ${outcome.failed.path}: ${outcome.failed.message}. Written: ${outcome.written.join(', ') || 'nothing'}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Writing {0} failed ({1}). {2} files were written before it: {3}',
        outcome.failed.path,
        outcome.failed.message,
        outcome.written.length,
        outcome.written.join(', ') || '—',
      ),
    );
    return;
  }
  services.log.info(
    `Scaffolded the ${template} starter into ${target.fsPath}: ${outcome.written.length} written, ${outcome.kept.length} kept, ${outcome.unchanged.length} already up to date.`,
  );
  const readme = vscode.Uri.joinPath(target, 'README.md');
  try {
    await vscode.commands.executeCommand('markdown.showPreview', readme);
  } catch {
    await vscode.window.showTextDocument(readme);
  }
  const inWorkspace = vscode.workspace.getWorkspaceFolder(target) !== undefined;
  const summary = scaffoldSummary(target, outcome);
  if (inWorkspace) {
    void vscode.window.showInformationMessage(summary);
    return;
  }
  const open = vscode.l10n.t('Open Folder');
  const add = vscode.l10n.t('Add to Workspace');
  void vscode.window.showInformationMessage(summary, open, add).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: true });
    if (choice === add) vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: target });
  });
}

/** Says where the project is and counts only what differed: identical files are "up to date". */
function scaffoldSummary(target: vscode.Uri, outcome: CopyOutcome): string {
  if (outcome.written.length === 0 && outcome.kept.length === 0) {
    return vscode.l10n.t('The starter project in {0} is already up to date ({1} files).', target.fsPath, outcome.unchanged.length);
  }
  if (outcome.kept.length === 0) {
    return vscode.l10n.t('Wrote {0} files to {1}.', outcome.written.length, target.fsPath);
  }
  return vscode.l10n.t(
    'Wrote {0} files to {1}; kept {2} of your files that differ from the starter.',
    outcome.written.length,
    target.fsPath,
    outcome.kept.length,
  );
}
