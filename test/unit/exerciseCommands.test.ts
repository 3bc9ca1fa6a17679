import * as assert from 'node:assert/strict';
import { lenient, loadWithFakeVscode } from './vscodeEdge';

type Handler = (...args: unknown[]) => Promise<unknown>;

/**
 * The Check Exercise command with a recording stand-in for vscode: package.json `enablement` only
 * hides the command, so the refusal in the handler is what keeps learner code from running in
 * Restricted Mode (a keybinding, another extension or a stale tree item can still invoke it).
 */
async function checkCommand(trusted: boolean) {
  const seen = { warnings: [] as string[], progress: 0, catalogReads: 0, posts: [] as unknown[] };
  const handlers = new Map<string, Handler>();
  const format = (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)]));
  const vscode = lenient({
    workspace: lenient({ isTrusted: trusted, workspaceFolders: [], getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }) }, 'vscode.workspace'),
    window: lenient(
      {
        showWarningMessage: async (message: string) => {
          seen.warnings.push(message);
          return undefined;
        },
        showInformationMessage: async () => undefined,
        showErrorMessage: async () => undefined,
        withProgress: async () => {
          seen.progress += 1;
          return { status: 'error', message: 'ran' };
        },
      },
      'vscode.window',
    ),
    l10n: { t: format },
    commands: lenient(
      {
        registerCommand: (id: string, handler: Handler) => {
          handlers.set(id, handler);
          return { dispose() {} };
        },
      },
      'vscode.commands',
    ),
    Disposable: { from: (...disposables: unknown[]) => ({ disposables, dispose() {} }) },
  });
  const { registerExerciseCommands } = await loadWithFakeVscode<{ registerExerciseCommands(services: unknown): unknown }>('src/commands/exerciseCommands.ts', vscode);
  const services = lenient(
    {
      library: lenient({
        catalog: async () => {
          seen.catalogReads += 1;
          return { stages: [], skills: [] };
        },
      }),
      panel: lenient({ post: async (message: unknown) => void seen.posts.push(message), currentSkillId: undefined }),
    },
    'services',
  );
  registerExerciseCommands(services);
  const check = handlers.get('backendPath.checkExercise');
  assert.ok(check, 'Check Exercise is registered');
  return { run: () => check('rest-basics'), seen };
}

describe('Check Exercise command: the trust gate in the handler', () => {
  it('refuses in an untrusted workspace before it looks up, starts or runs anything', async () => {
    const { run, seen } = await checkCommand(false);
    const outcome = (await run()) as { status: string; message: string };
    assert.equal(outcome.status, 'error');
    assert.match(outcome.message, /Restricted Mode/);
    assert.deepEqual(seen.warnings, [outcome.message], 'the learner is told why');
    assert.equal(seen.catalogReads, 0, 'not even the exercise is looked up');
    assert.equal(seen.progress, 0, 'no test run starts');
    assert.deepEqual(seen.posts, [], 'the page is not told that tests run');
  });

  it('goes past the gate in a trusted workspace (so the refusal above is the gate, not a dead end)', async () => {
    const { run, seen } = await checkCommand(true);
    await run();
    assert.equal(seen.catalogReads, 1, 'the exercise is looked up');
    assert.ok(!seen.warnings.some((warning) => /Restricted Mode/.test(warning)), 'no Restricted Mode warning');
  });
});
