import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { ToolHost } from './toolchain';
import { findOnPath } from './toolchain';

/** The real ToolHost: runs `--version` without a shell and searches the extension host's PATH. */
export function createToolHost(cwd: string, pathVariable = process.env.PATH ?? ''): ToolHost {
  const windows = process.platform === 'win32';
  return {
    version: (executable) =>
      new Promise((resolve) => {
        execFile(executable, ['--version'], { cwd, timeout: 15_000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
      }),
    which: (command) =>
      findOnPath(
        command,
        pathVariable,
        delimiter,
        join,
        async (path) => {
          try {
            await access(path, windows ? constants.F_OK : constants.X_OK);
            return (await stat(path)).isFile();
          } catch {
            return false;
          }
        },
        windows ? ['.exe', '.cmd', '.bat', ''] : [''],
      ),
    exists: async (path) => {
      try {
        return (await stat(path)).isFile();
      } catch {
        return false;
      }
    },
  };
}
