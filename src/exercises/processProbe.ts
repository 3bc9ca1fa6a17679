import { execFile } from 'node:child_process';
import type { VersionProbe } from './toolchain';

/** Asks a tool for its version without a shell; a missing tool resolves to undefined. */
export function createProcessProbe(cwd: string): VersionProbe {
  return (tool) =>
    new Promise((resolve) => {
      execFile(tool, ['--version'], { cwd, timeout: 15_000 }, (error, stdout) => {
        resolve(error ? undefined : stdout);
      });
    });
}
