import * as vscode from 'vscode';
import { Settings } from '../constants';
import type { ToolProblem, ToolSettings } from '../exercises/toolchain';
import type { Services } from './services';

const INSTALL_PAGES = {
  node: 'https://nodejs.org/en/download',
  php: 'https://www.php.net/downloads.php',
  phpunit: 'https://docs.phpunit.de/en/9.6/installation.html',
} as const;

const TOOL_NAMES = { node: 'Node.js', php: 'PHP', phpunit: 'PHPUnit' } as const;

export function toolSettings(): ToolSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  return { nodePath: config.get<string>(Settings.nodePath, '') ?? '', phpPath: config.get<string>(Settings.phpPath, '') ?? '' };
}

/** Says which executable was found where, what is wrong with it, and what to do. */
export function describeToolProblem(problem: ToolProblem): string {
  if (problem.reason === 'tooOld') {
    const { found } = problem;
    const where =
      found.source === 'setting'
        ? vscode.l10n.t('{0} (from the setting backendPath.{1})', found.path, problem.setting)
        : vscode.l10n.t('{0} (found on the PATH VS Code was started with)', found.path);
    return vscode.l10n.t(
      '{0} is too old: the exercises need {1} {2} or newer, and the one that runs is "{3}" at {4}. Install a newer one, or set backendPath.{5} to its full path (VS Code may have been started with another PATH than your terminal).',
      TOOL_NAMES[found.tool],
      TOOL_NAMES[found.tool],
      problem.minimum,
      found.version,
      where,
      problem.setting,
    );
  }
  if (problem.tool === 'phpunit') {
    return vscode.l10n.t('PHPUnit was not found: the exercise has no vendor/bin/phpunit and there is no phpunit on the PATH VS Code was started with. Run "composer install" in the exercise folder, or install PHPUnit.');
  }
  if (problem.configured !== undefined) {
    return vscode.l10n.t(
      '{0} could not be run from {1} (the setting backendPath.{2}). Check the path, or clear the setting to use the one on PATH.',
      TOOL_NAMES[problem.tool],
      problem.configured,
      problem.setting ?? '',
    );
  }
  return vscode.l10n.t(
    '{0} was not found on the PATH VS Code was started with. Install it, or set backendPath.{1} to its full path.',
    TOOL_NAMES[problem.tool],
    problem.setting ?? '',
  );
}

/** The error with buttons: open the setting that picks the executable, and the install page. */
export async function offerToolchainFix(services: Services, message: string, problem: ToolProblem): Promise<void> {
  const tool = problem.reason === 'tooOld' ? problem.found.tool : problem.tool;
  const setting = problem.setting;
  const openSetting = vscode.l10n.t('Open Setting');
  const install = vscode.l10n.t('Install {0}', TOOL_NAMES[tool]);
  const actions = setting ? [openSetting, install] : [install];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === openSetting && setting) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${Settings.section}.${setting}`);
  } else if (choice === install) {
    await services.prompts.openExternal(vscode.Uri.parse(INSTALL_PAGES[tool]));
  }
}
