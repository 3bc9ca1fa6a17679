// Stryker's build step, run inside its sandbox (.stryker-tmp/sandbox-…): link the sandbox to the
// project's node_modules (Stryker does not follow the worktree's own node_modules link, and tests
// such as the l10n check run tools from node_modules), then bundle the unit tests as usual.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const here = process.cwd();
const project = join(here, '..', '..');
if (!existsSync(join(here, 'node_modules')) && existsSync(join(project, 'node_modules'))) {
  symlinkSync(realpathSync(join(project, 'node_modules')), join(here, 'node_modules'), 'dir');
}
execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { stdio: 'inherit' });
