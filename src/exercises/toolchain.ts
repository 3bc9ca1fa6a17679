import type { ExerciseLanguage } from '../curriculum/types';

/** Runs `<tool> --version`; resolves to its output, or undefined when the tool is not installed. */
export type VersionProbe = (tool: string) => Promise<string | undefined>;

export const MINIMUM_NODE_MAJOR = 22;
export const MINIMUM_PHP = [8, 2] as const;

export type ToolchainResult =
  | { readonly ok: true; readonly command: string }
  | { readonly ok: false; readonly problem: string; readonly nextStep: string };

export function parseNodeMajor(output: string): number | undefined {
  const match = /v(\d+)\.\d+\.\d+/.exec(output);
  return match ? Number(match[1]) : undefined;
}

export function parsePhpVersion(output: string): [number, number] | undefined {
  const match = /PHP (\d+)\.(\d+)\.\d+/.exec(output);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Finds the command that runs an exercise's tests, or explains what is missing and what to do next.
 * `hasVendorPhpunit` says whether the exercise folder has Composer's vendor/bin/phpunit.
 */
export async function resolveTestCommand(
  language: ExerciseLanguage,
  probe: VersionProbe,
  hasVendorPhpunit: boolean,
): Promise<ToolchainResult> {
  if (language === 'node') {
    const output = await probe('node');
    if (output === undefined) {
      return { ok: false, problem: 'Node.js was not found on your PATH.', nextStep: 'Install Node.js 24 LTS (22 at least) from nodejs.org, then reload the window.' };
    }
    const major = parseNodeMajor(output);
    if (major === undefined || major < MINIMUM_NODE_MAJOR) {
      return {
        ok: false,
        problem: `Your Node.js is ${output.trim()}, and the exercises need Node.js ${MINIMUM_NODE_MAJOR} or newer.`,
        nextStep: 'Install Node.js 24 LTS (for example with nvm or fnm), then reload the window.',
      };
    }
    return { ok: true, command: 'node --test' };
  }
  const php = await probe('php');
  if (php === undefined) {
    return { ok: false, problem: 'PHP was not found on your PATH.', nextStep: 'Install PHP 8.4 (8.2 at least) with the pdo_sqlite extension, then reload the window.' };
  }
  const version = parsePhpVersion(php);
  if (!version || version[0] < MINIMUM_PHP[0] || (version[0] === MINIMUM_PHP[0] && version[1] < MINIMUM_PHP[1])) {
    return { ok: false, problem: `Your PHP is ${php.split('\n')[0]}, and the exercises need PHP 8.2 or newer.`, nextStep: 'Install PHP 8.4, then reload the window.' };
  }
  if (hasVendorPhpunit) return { ok: true, command: 'vendor/bin/phpunit' };
  if ((await probe('phpunit')) !== undefined) return { ok: true, command: 'phpunit' };
  return {
    ok: false,
    problem: 'PHPUnit was not found: the exercise has no vendor/bin/phpunit and there is no phpunit on your PATH.',
    nextStep: 'Run "composer install" in the exercise folder, or install PHPUnit globally.',
  };
}
