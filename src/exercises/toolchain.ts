// Finds the Node.js or PHP (and PHPUnit) that runs an exercise's tests, and says exactly which
// executable it found where, so "too old" advice also helps when VS Code was started with another
// PATH than the learner's shell. Pure: the file system and processes come in through ToolHost.
import type { ExerciseLanguage } from '../curriculum/types';

export const MINIMUM_NODE_MAJOR = 22;
export const MINIMUM_PHP = [8, 2] as const;

export interface ToolHost {
  /** Runs `<executable> --version` without a shell; undefined when it cannot be run. */
  version(executable: string): Promise<string | undefined>;
  /** The absolute path of a command found on PATH, or undefined. */
  which(command: string): Promise<string | undefined>;
  /** True when a file exists (Composer's vendor/bin/phpunit in the exercise folder). */
  exists(path: string): Promise<boolean>;
}

/** The executables the learner configured (settings backendPath.nodePath / phpPath); "" = use PATH. */
export interface ToolSettings {
  readonly nodePath: string;
  readonly phpPath: string;
}

export type ToolName = 'node' | 'php' | 'phpunit';
export type ToolSetting = 'nodePath' | 'phpPath';

/** Where an executable came from, for the messages. */
export interface FoundTool {
  readonly tool: ToolName;
  /** The path that was run (absolute when found on PATH). */
  readonly path: string;
  readonly source: 'setting' | 'PATH' | 'exercise';
  /** The first line of its --version output. */
  readonly version: string;
}

export type ToolProblem =
  | { readonly reason: 'notFound'; readonly tool: ToolName; readonly setting: ToolSetting | undefined; readonly configured: string | undefined }
  | { readonly reason: 'tooOld'; readonly found: FoundTool; readonly setting: ToolSetting; readonly minimum: string };

export type ToolchainResult =
  | {
      readonly ok: true;
      /** The executable to spawn, and its arguments before the report options. */
      readonly executable: string;
      readonly args: readonly string[];
      readonly found: readonly FoundTool[];
    }
  | ({ readonly ok: false } & ToolProblem);

export function parseNodeMajor(output: string): number | undefined {
  const match = /v(\d+)\.\d+\.\d+/.exec(output);
  return match ? Number(match[1]) : undefined;
}

export function parsePhpVersion(output: string): [number, number] | undefined {
  const match = /PHP (\d+)\.(\d+)\.\d+/.exec(output);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

const firstLine = (text: string) => text.trim().split(/\r?\n/)[0] ?? '';

/** Looks a command up in a PATH string the way a shell would (first executable match wins). */
export async function findOnPath(
  command: string,
  pathVariable: string,
  delimiter: string,
  join: (folder: string, name: string) => string,
  isExecutable: (path: string) => Promise<boolean>,
  extensions: readonly string[] = [''],
): Promise<string | undefined> {
  for (const folder of pathVariable.split(delimiter)) {
    if (folder === '') continue;
    for (const extension of extensions) {
      const candidate = join(folder, command + extension);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Runs the configured executable, or the one on PATH, and reports which it was. */
async function locate(tool: ToolName, configured: string, host: ToolHost): Promise<FoundTool | undefined> {
  const fromSetting = configured.trim();
  const path = fromSetting !== '' ? fromSetting : await host.which(tool);
  if (path === undefined) return undefined;
  const output = await host.version(path);
  if (output === undefined) return undefined;
  return { tool, path, source: fromSetting !== '' ? 'setting' : 'PATH', version: firstLine(output) };
}

/** The Node.js the learner's code runs with, also used by runnable lesson blocks. */
export async function locateNode(settings: ToolSettings, host: ToolHost): Promise<{ ok: true; found: FoundTool } | ({ ok: false } & ToolProblem)> {
  const node = await locate('node', settings.nodePath, host);
  if (!node) return { ok: false, reason: 'notFound', tool: 'node', setting: 'nodePath', configured: settings.nodePath.trim() || undefined };
  const major = parseNodeMajor(node.version);
  if (major === undefined || major < MINIMUM_NODE_MAJOR) {
    return { ok: false, reason: 'tooOld', found: node, setting: 'nodePath', minimum: String(MINIMUM_NODE_MAJOR) };
  }
  return { ok: true, found: node };
}

/**
 * Finds what runs an exercise's tests in `folder`, or says what is missing. Node runs `node --test`;
 * PHP runs the exercise's vendor/bin/phpunit, else the phpunit on PATH, with the configured PHP.
 */
export async function resolveTestCommand(
  language: ExerciseLanguage,
  folder: string,
  settings: ToolSettings,
  host: ToolHost,
  join: (...parts: string[]) => string,
): Promise<ToolchainResult> {
  if (language === 'node') {
    const node = await locateNode(settings, host);
    if (!node.ok) return node;
    return { ok: true, executable: node.found.path, args: ['--test'], found: [node.found] };
  }
  const php = await locate('php', settings.phpPath, host);
  if (!php) return { ok: false, reason: 'notFound', tool: 'php', setting: 'phpPath', configured: settings.phpPath.trim() || undefined };
  const version = parsePhpVersion(php.version);
  if (!version || version[0] < MINIMUM_PHP[0] || (version[0] === MINIMUM_PHP[0] && version[1] < MINIMUM_PHP[1])) {
    return { ok: false, reason: 'tooOld', found: php, setting: 'phpPath', minimum: MINIMUM_PHP.join('.') };
  }
  const vendor = join(folder, 'vendor', 'bin', 'phpunit');
  let phpunit: FoundTool | undefined;
  if (await host.exists(vendor)) {
    phpunit = { tool: 'phpunit', path: vendor, source: 'exercise', version: '' };
  } else {
    const onPath = await host.which('phpunit');
    if (onPath) phpunit = { tool: 'phpunit', path: onPath, source: 'PATH', version: '' };
  }
  if (!phpunit) return { ok: false, reason: 'notFound', tool: 'phpunit', setting: undefined, configured: undefined };
  // PHPUnit is a PHP script: run it with the PHP found above, not whatever its #! line names.
  return { ok: true, executable: php.path, args: [phpunit.path], found: [php, phpunit] };
}
