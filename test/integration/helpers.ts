// Shared by the integration suites. Bundled into each *.test.js, so it must hold no state that
// two suites would need to share: the extension itself is the shared state.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';
import type { PathNode } from '../../src/tree/skillTreeProvider';
import type { Prompts } from '../../src/ui/prompts';

export const EXTENSION_ID = 'backend-path.backend-path';
export const VIEW_CONTAINER_COMMAND = 'workbench.view.extension.backendPath';

export function extension(): vscode.Extension<BackendPathApi> {
  const found = vscode.extensions.getExtension<BackendPathApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded; is extensionDevelopmentPath the repo root?`);
  return found;
}

/** Activates the extension the way a learner does: by opening its view. */
export async function activateFromView(): Promise<BackendPathApi> {
  const ext = extension();
  if (!ext.isActive) {
    await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);
    await waitFor(() => ext.isActive, 'the extension to activate from its view');
  }
  return ext.exports;
}

export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The raw lessons/curriculum.json, read independently of the extension's parser. */
export interface RawCurriculum {
  stages: { id: string; title: string; skills: { number: number; id: string; title: string; minutes: number }[] }[];
}

export function rawCurriculum(): RawCurriculum {
  return JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'lessons', 'curriculum.json'), 'utf8')) as RawCurriculum;
}

export function allSkillIds(): string[] {
  return rawCurriculum().stages.flatMap((stage) => stage.skills.map((skill) => skill.id));
}

/** Skill ids marked complete in the stored record (what globalState holds, not the cache). */
export function storedCompleted(api: BackendPathApi): string[] {
  const stored = api.storedProgress() as { skills?: Record<string, { completed?: unknown }> } | undefined;
  return Object.entries(stored?.skills ?? {})
    .filter(([, entry]) => entry?.completed === true)
    .map(([id]) => id)
    .sort();
}

export async function stageNodes(api: BackendPathApi): Promise<PathNode[]> {
  return api.treeChildren();
}

export async function stageDescription(api: BackendPathApi, stageId: string): Promise<string | undefined> {
  for (const node of await api.treeChildren()) {
    const item = api.treeItem(node);
    if (item.id === `stage:${stageId}`) return String(item.description);
  }
  return undefined;
}

export interface RecordedPrompts extends Prompts {
  readonly asked: { message: string; actions: readonly string[] }[];
  readonly opened: string[];
  /** The title of every QuickPick shown, with its item labels and descriptions. */
  readonly picks: { title: string; labels: string[]; descriptions: (string | undefined)[] }[];
}

/**
 * Dialogs that never block: `answer` picks the reply to each modal question (undefined = dismissed),
 * and every question and external link is recorded.
 */
export function fakePrompts(
  answer: (message: string, actions: readonly string[]) => string | undefined = () => undefined,
  /** Picks the index of the QuickPick item to accept (undefined = dismissed); the first one by default. */
  choose: (title: string, labels: readonly string[]) => number | undefined = () => 0,
): RecordedPrompts {
  const asked: { message: string; actions: readonly string[] }[] = [];
  const opened: string[] = [];
  const picks: { title: string; labels: string[]; descriptions: (string | undefined)[] }[] = [];
  return {
    asked,
    opened,
    picks,
    async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: { title: string }): Promise<T | undefined> {
      const labels = items.map((item) => item.label);
      picks.push({ title: options.title, labels, descriptions: items.map((item) => item.description) });
      const index = choose(options.title, labels);
      return index === undefined ? undefined : items[index];
    },
    async ask<T extends string>(message: string, _detail: string | undefined, actions: readonly T[]): Promise<T | undefined> {
      asked.push({ message, actions });
      return answer(message, actions) as T | undefined;
    },
    async pickSaveLocation() {
      return undefined;
    },
    async pickOpenFile() {
      return undefined;
    },
    async pickFolder() {
      return undefined;
    },
    async openExternal(uri: vscode.Uri) {
      opened.push(uri.toString(true));
      return true;
    },
  };
}

/** Installs fake prompts for the duration of a suite; returns a restore function. */
export function usePrompts(api: BackendPathApi, prompts: Prompts): () => void {
  // setPrompts exists only in ExtensionMode.Test, which is how the suites run.
  const setPrompts = api.setPrompts;
  if (!setPrompts) throw new Error('the extension did not expose its test hooks (not running in ExtensionMode.Test?)');
  const previous = setPrompts(prompts);
  return () => void setPrompts(previous);
}

/** Clears all progress through the real command, answering its question with yes. */
export async function resetProgress(api: BackendPathApi): Promise<void> {
  const restore = usePrompts(api, fakePrompts((_message, actions) => actions[0]));
  try {
    await vscode.commands.executeCommand(Commands.resetProgress);
  } finally {
    restore();
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `backend-path-it-${prefix}-`));
}

/** Every file under `dir`, as sorted forward-slash paths relative to it. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((rel) => fs.statSync(path.join(dir, rel)).isFile())
    .map((rel) => rel.split(path.sep).join('/'))
    .sort();
}

/** A tree item's checkbox state, whether given as a plain state or with its accessible name. */
export function checkboxState(item: vscode.TreeItem): vscode.TreeItemCheckboxState | undefined {
  const value = item.checkboxState;
  return typeof value === 'object' && value !== null ? value.state : value;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The path view's item for one skill, as the tree shows it now. */
export async function skillItem(api: BackendPathApi, skillId: string): Promise<vscode.TreeItem> {
  for (const stage of await api.treeChildren()) {
    for (const node of await api.treeChildren(stage)) {
      const item = api.treeItem(node);
      if (item.id === `skill:${skillId}`) return item;
    }
  }
  throw new Error(`no tree item for ${skillId}`);
}
