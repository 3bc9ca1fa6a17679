// Command-line parsing for the repository's scripts: node:util parseArgs in strict mode, so an
// unknown option or an option missing its value is a clear error, never a silent NaN.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

/**
 * Parses process.argv (or `args`) against `options` (node:util parseArgs format). Throws a
 * UsageError that names the problem and shows `usage`.
 */
export function parseCommandLine({ options, usage, args = process.argv.slice(2), allowPositionals = false }) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(`${error.message}\nusage: ${usage}`);
  }
}

/** A number option: undefined stays undefined; anything but a finite number ≥ min is a UsageError. */
export function numberOption(values, name, { min = 0, usage = '' } = {}) {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min) {
    throw new UsageError(`--${name} needs a number of at least ${min}, not "${raw}"${usage ? `\nusage: ${usage}` : ''}`);
  }
  return value;
}

/** Runs `main` and turns its result into the exit code; a UsageError exits 2 with its message. */
export function runMain(main) {
  Promise.resolve()
    .then(main)
    .then(
      code => process.exit(code ?? 0),
      error => {
        if (error instanceof UsageError) {
          console.error(`✖ ${error.message}`);
          process.exit(2);
        }
        console.error(`✖ ${error?.stack || error}`);
        process.exit(1);
      },
    );
}
