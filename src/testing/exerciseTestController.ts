// The Testing view's "Backend Path exercises": every started exercise in the workspace, grouped by
// skill, then stack, test file and test. Tests are found by reading the test files (never by
// running them); a run (the view, the gutter, or Check Exercise) executes the exercise's own runner
// and fills in each test's result from the JUnit report it writes.
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { Commands, EXERCISES_FOLDER, Settings } from '../constants';
import { EXERCISE_STACKS } from '../curriculum/exerciseStacks';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import { parseExercise } from '../curriculum/parseExercise';
import type { Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import type { CheckRunObserver } from '../exercises/exerciseRunner';
import type { JUnitCase } from '../exercises/junitReport';
import { stackName } from '../exercises/stackChoice';
import type { StartedExercise, StartedExercises } from '../exercises/startedExercises';
import { readJUnitCases } from '../exercises/junitReport';
import type { TestProcessResult } from '../exercises/testProcess';
import { runTestProcess } from '../exercises/testProcess';
import type { ToolProblem, ToolSettings } from '../exercises/toolchain';
import { resolveTestCommand } from '../exercises/toolchain';
import { createToolHost } from '../exercises/toolHost';
import type { DiscoveredTest } from './discoveredTest';
import { discoverNodeTests, isNodeTestFile } from './discoverNodeTests';
import { discoverPhpTests, isPhpTestFile } from './discoverPhpTests';
import type { HintTarget } from './hintLinks';
import { hintForTest, showHintCommandUri } from './hintLinks';
import type { RunSelection, SelectedTest } from './runArguments';
import { testRunArguments } from './runArguments';
import type { RunRecord } from './runRecorder';
import { RunRecorder } from './runRecorder';
import { caseIdentity, failureDetails, isWholeFileCase, resultKey } from './testResults';

export const TEST_CONTROLLER_ID = 'backendPath.exercises';
/** The hints feature's command; a failing test that a hint names links to it. */
export const SHOW_HINT_COMMAND = Commands.showHint;

/** Enough for any exercise; a folder that holds more (a copied node_modules?) is not searched further. */
const MAX_FILES_PER_EXERCISE = 400;
const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor', '.git']);

type ExerciseFolder = StartedExercise;

type ItemData =
  | { readonly kind: 'skill' }
  | { readonly kind: 'exercise'; readonly exercise: ExerciseFolder }
  | { readonly kind: 'file'; readonly exercise: ExerciseFolder; readonly file: string }
  | { readonly kind: 'test'; readonly exercise: ExerciseFolder; readonly file: string; readonly test: SelectedTest; readonly suite: boolean };

interface Desired {
  readonly id: string;
  readonly label: string;
  readonly uri?: vscode.Uri;
  readonly range?: vscode.Range;
  readonly description?: string;
  readonly sortText?: string;
  readonly data: ItemData;
  readonly children: readonly Desired[];
}

/** One process's worth of work: an exercise, everything or one file, possibly some tests. */
interface RunUnit {
  readonly exercise: ExerciseFolder;
  readonly selection: RunSelection;
  /** The items this unit reports on (their leaves get the results). */
  readonly items: readonly vscode.TestItem[];
}

export interface ExerciseTestingDeps {
  readonly library: LessonLibrary;
  /** The one listing of backend-path-exercises/ (shared with the tree and the commands). */
  readonly started: StartedExercises;
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly toolSettings: () => ToolSettings;
  readonly describeProblem: (problem: ToolProblem) => string;
}

export interface ExerciseTesting extends vscode.Disposable {
  /** Check Exercise's run of `folder`, shown in the Testing view too; undefined when the folder is not listed. */
  beginCheckRun(folder: vscode.Uri): Promise<CheckRunObserver | undefined>;
  /** Reads the exercise folders and test files again. */
  refresh(): Promise<void>;
  /** For the integration tests: the items as listed, and runs as recorded. */
  readonly controller: vscode.TestController;
  readonly runs: readonly RunRecord[];
  run(include: readonly vscode.TestItem[] | undefined, token?: vscode.CancellationToken): Promise<void>;
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const toPosition = (position: { line: number; character: number }) => new vscode.Position(position.line, position.character);

function leaves(item: vscode.TestItem): vscode.TestItem[] {
  const found: vscode.TestItem[] = [];
  item.children.forEach((child) => found.push(...leaves(child)));
  return found.length > 0 ? found : [item];
}

export function registerExerciseTesting(deps: ExerciseTestingDeps): ExerciseTesting {
  const controller = vscode.tests.createTestController(TEST_CONTROLLER_ID, vscode.l10n.t('Backend Path exercises'));
  const data = new WeakMap<vscode.TestItem, ItemData>();
  /** Tests a run reported that reading the file could not find (computed titles), per file item id. */
  const reported = new Map<string, Map<string, Desired>>();
  const recorder = new RecordingRuns();
  const disposables: vscode.Disposable[] = [controller];
  let scanned: Promise<void> | undefined;
  let watcher: vscode.FileSystemWatcher | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const workspaceFolder = () => vscode.workspace.workspaceFolders?.[0];

  async function listFiles(folder: vscode.Uri, prefix = '', budget = { left: MAX_FILES_PER_EXERCISE }): Promise<string[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return [];
    }
    const files: string[] = [];
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (budget.left <= 0) break;
      const rel = prefix ? `${prefix}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED_FOLDERS.has(name) && !name.startsWith('.')) files.push(...(await listFiles(vscode.Uri.joinPath(folder, name), rel, budget)));
      } else if (type & vscode.FileType.File) {
        budget.left -= 1;
        files.push(rel);
      }
    }
    return files;
  }

  function testDesired(exercise: ExerciseFolder, fileId: string, fileUri: vscode.Uri, file: string, found: DiscoveredTest, parents: readonly string[], flattenClass: boolean): Desired[] {
    // A PHP file with one test class lists its methods directly: the class adds a level and no information.
    if (exercise.stack === 'php' && found.kind === 'suite' && flattenClass) return found.children.flatMap((child) => testDesired(exercise, fileId, fileUri, file, child, [], false));
    const titlePath = exercise.stack === 'php' && found.kind === 'test' ? [found.name] : [...parents, found.name];
    const id = `${fileId}#${JSON.stringify(exercise.stack === 'php' ? [found.className ?? '', ...titlePath] : titlePath)}`;
    return [
      {
        id,
        label: found.name,
        uri: fileUri,
        range: new vscode.Range(toPosition(found.range.start), toPosition(found.range.end)),
        sortText: String(found.range.start.line).padStart(6, '0'),
        data: { kind: 'test', exercise, file, test: { titlePath, ...(found.className ? { className: found.className } : {}) }, suite: found.kind === 'suite' },
        children: found.children.flatMap((child) => testDesired(exercise, fileId, fileUri, file, child, titlePath, false)),
      },
    ];
  }

  async function fileDesired(exercise: ExerciseFolder, exerciseId: string, file: string): Promise<Desired> {
    const uri = vscode.Uri.joinPath(exercise.uri, ...file.split('/'));
    const id = `${exerciseId}/${file}`;
    let found: DiscoveredTest[] = [];
    try {
      const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      found = exercise.stack === 'php' ? discoverPhpTests(source) : discoverNodeTests(source);
    } catch (error) {
      deps.log.warn(`Testing view: could not read ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const children = found.flatMap((test) => testDesired(exercise, id, uri, file, test, [], found.length === 1));
    const known = new Set(children.map((child) => child.id));
    const extra = [...(reported.get(id)?.values() ?? [])].filter((child) => !known.has(child.id));
    return { id, label: file, uri, data: { kind: 'file', exercise, file }, children: [...children, ...extra] };
  }

  async function exerciseDesired(exercise: ExerciseFolder): Promise<Desired> {
    const id = `exercise:${exercise.folderName}`;
    const isTestFile = exercise.stack === 'php' ? isPhpTestFile : isNodeTestFile;
    const files = (await listFiles(exercise.uri)).filter(isTestFile);
    return {
      id,
      label: stackName(exercise.stack),
      description: exercise.folderName,
      uri: exercise.uri,
      sortText: `${EXERCISE_STACKS.indexOf(exercise.stack)}${exercise.folderName}`,
      data: { kind: 'exercise', exercise },
      children: await Promise.all(files.map((file) => fileDesired(exercise, id, file))),
    };
  }

  function sync(collection: vscode.TestItemCollection, desired: readonly Desired[]): void {
    const items = desired.map((wanted) => {
      let item = collection.get(wanted.id);
      // An item's uri cannot change; a moved file is a new item.
      if (!item || item.uri?.toString() !== wanted.uri?.toString()) item = controller.createTestItem(wanted.id, wanted.label, wanted.uri);
      item.label = wanted.label;
      item.range = wanted.range;
      item.description = wanted.description;
      item.sortText = wanted.sortText;
      data.set(item, wanted.data);
      sync(item.children, wanted.children);
      return item;
    });
    collection.replace(items);
  }

  async function scan(): Promise<void> {
    const folders = await deps.started.folders();
    const bySkill = new Map<string, { skill: Skill; exercises: ExerciseFolder[] }>();
    for (const exercise of folders) {
      const entry = bySkill.get(exercise.skill.id) ?? { skill: exercise.skill, exercises: [] };
      entry.exercises.push(exercise);
      bySkill.set(exercise.skill.id, entry);
    }
    const desired: Desired[] = [];
    for (const { skill, exercises } of bySkill.values()) {
      desired.push({
        id: `skill:${skill.id}`,
        label: skillLabel(skill),
        sortText: String(skill.position).padStart(3, '0'),
        data: { kind: 'skill' },
        children: await Promise.all(exercises.map(exerciseDesired)),
      });
    }
    sync(controller.items, desired);
    watch();
  }

  function watch(): void {
    const root = workspaceFolder();
    if (watcher || !root) return;
    watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `${EXERCISES_FOLDER}/**`));
    const base = vscode.Uri.joinPath(root.uri, EXERCISES_FOLDER).toString();
    const changed = (uri: vscode.Uri) => {
      // A file's computed test titles are known again after its next run.
      for (const [fileId, tests] of reported) if ([...tests.values()].some((test) => test.uri?.toString() === uri.toString())) reported.delete(fileId);
      clearTimeout(debounce);
      // A folder right under backend-path-exercises/ came or went: the shared listing changes too
      // (its own watcher may not have been told yet).
      const exerciseFolderChanged = uri.toString() === base || uri.toString().slice(0, uri.toString().lastIndexOf('/')) === base;
      debounce = setTimeout(() => void (exerciseFolderChanged ? relist() : refresh()), 300);
    };
    disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }

  function refresh(): Promise<void> {
    scanned = scan().catch((error: unknown) => deps.log.error(`Testing view: listing the exercises failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    return scanned;
  }

  /** Lists backend-path-exercises/ again, the shared listing included, then the test files. */
  function relist(): Promise<void> {
    deps.started.refresh(); // tells its listeners, this view included: that scan is replaced by this one
    clearTimeout(debounce);
    return refresh();
  }

  const ensureScanned = () => scanned ?? refresh();
  // An exercise started, reset or removed: list again, once the view has been listed at all.
  disposables.push(
    deps.started.onDidChange(() => {
      if (!scanned) return;
      clearTimeout(debounce);
      debounce = setTimeout(() => void refresh(), 300);
    }),
  );

  // Lazily: the Testing view asks for the root when it is shown; an exercise file opened in an
  // editor needs its gutter buttons. Nothing is read at activation.
  controller.resolveHandler = async (item) => {
    if (!item) await ensureScanned();
  };
  controller.refreshHandler = () => relist();
  const isExerciseDocument = (uri: vscode.Uri) => {
    const root = workspaceFolder();
    return root !== undefined && uri.scheme === root.uri.scheme && vscode.workspace.asRelativePath(uri, false).split('/')[0] === EXERCISES_FOLDER;
  };
  disposables.push(
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (!scanned && isExerciseDocument(document.uri)) void ensureScanned();
    }),
  );
  const initialScan = vscode.window.visibleTextEditors.some((editor) => isExerciseDocument(editor.document.uri))
    ? setTimeout(() => void ensureScanned(), 2000)
    : undefined;
  disposables.push({ dispose: () => clearTimeout(initialScan) });

  // ---- Running ----

  const hintCache = new Map<string, Promise<readonly HintTarget[]>>();
  /** The exercise's hints as bundled with the extension (each stack has its own exercise.json). */
  function hintTargets(exercise: ExerciseFolder): Promise<readonly HintTarget[]> {
    const key = `${exercise.skill.folder}/${exercise.stack}`;
    let cached = hintCache.get(key);
    if (!cached) {
      const uri = vscode.Uri.joinPath(deps.extensionUri, 'lessons', exercise.skill.folder, 'exercise', exercise.stack, 'exercise.json');
      cached = Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
        (bytes) => parseExercise(new TextDecoder().decode(bytes)).exercise?.hints ?? [],
        () => [],
      );
      hintCache.set(key, cached);
    }
    return cached;
  }

  function exerciseItemOf(item: vscode.TestItem): vscode.TestItem | undefined {
    let current: vscode.TestItem | undefined = item;
    while (current && data.get(current)?.kind !== 'exercise') current = current.parent;
    return current;
  }

  /** Splits a request into one process per exercise (whole), or per file (whole or some tests). */
  function planUnits(request: vscode.TestRunRequest): RunUnit[] {
    const excluded = new Set(request.exclude ?? []);
    const hasExcluded = (item: vscode.TestItem): boolean => {
      let found = false;
      item.children.forEach((child) => {
        if (excluded.has(child) || hasExcluded(child)) found = true;
      });
      return found;
    };
    const whole = new Map<string, RunUnit>();
    const files = new Map<string, { exercise: ExerciseFolder; file: string; items: vscode.TestItem[]; tests: SelectedTest[] | undefined }>();
    const visit = (item: vscode.TestItem): void => {
      if (excluded.has(item)) return;
      const itemData = data.get(item);
      if (!itemData) return;
      const narrowed = hasExcluded(item);
      if (itemData.kind === 'skill' || (narrowed && itemData.kind !== 'test')) {
        item.children.forEach(visit);
        return;
      }
      if (itemData.kind === 'exercise') {
        whole.set(itemData.exercise.folderName, { exercise: itemData.exercise, selection: {}, items: [item] });
        return;
      }
      const key = `${itemData.exercise.folderName}/${itemData.file}`;
      const entry = files.get(key) ?? { exercise: itemData.exercise, file: itemData.file, items: [], tests: [] };
      files.set(key, entry);
      if (itemData.kind === 'file') {
        entry.items.push(item);
        entry.tests = undefined;
      } else if (itemData.suite && (narrowed || itemData.exercise.stack === 'php')) {
        // PHPUnit filters by class and method: a class item runs its methods.
        item.children.forEach(visit);
      } else {
        entry.items.push(item);
        entry.tests?.push(itemData.test);
      }
    };
    if (request.include) request.include.forEach(visit);
    else controller.items.forEach(visit);
    const units = [...whole.values()];
    for (const entry of files.values()) {
      if (whole.has(entry.exercise.folderName)) continue;
      units.push({ exercise: entry.exercise, selection: { file: entry.file, ...(entry.tests ? { tests: entry.tests } : {}) }, items: entry.items });
    }
    return units;
  }

  /** Refuses to run anything where running the learner's code is not allowed; says why. */
  function refusal(): string | undefined {
    if (!vscode.workspace.isTrusted) {
      return vscode.l10n.t('Running an exercise\'s tests runs its code, so it is disabled in Restricted Mode. Trust this workspace to run them.');
    }
    const root = workspaceFolder();
    if (root && root.uri.scheme !== 'file') return vscode.l10n.t('Running an exercise\'s tests needs a folder on disk, not a virtual workspace.');
    return undefined;
  }

  /** The items of a file or exercise keyed the way a report's cases are. */
  function resultIndex(exerciseItem: vscode.TestItem): Map<string, vscode.TestItem> {
    const index = new Map<string, vscode.TestItem>();
    const walk = (item: vscode.TestItem) => {
      const itemData = data.get(item);
      if (itemData?.kind === 'test') {
        const file = join(itemData.exercise.uri.fsPath, ...itemData.file.split('/'));
        index.set(resultKey(itemData.exercise.stack, { file, ...itemData.test }), item);
      }
      item.children.forEach(walk);
    };
    walk(exerciseItem);
    return index;
  }

  function fileItemFor(exerciseItem: vscode.TestItem, absolutePath: string | undefined): vscode.TestItem | undefined {
    let found: vscode.TestItem | undefined;
    exerciseItem.children.forEach((child) => {
      if (absolutePath && child.uri?.fsPath === vscode.Uri.file(absolutePath).fsPath) found = child;
    });
    return found;
  }

  /** A test the file's text did not reveal (a computed title): listed from now on, under its file. */
  function addReportedTest(fileItem: vscode.TestItem, testCase: JUnitCase): vscode.TestItem {
    const fileData = data.get(fileItem) as Extract<ItemData, { kind: 'file' }>;
    const identity = caseIdentity(testCase);
    const id = `${fileItem.id}#${JSON.stringify(testCase.className ? [testCase.className, ...identity.titlePath] : identity.titlePath)}`;
    const desired: Desired = {
      id,
      label: testCase.name,
      uri: fileItem.uri,
      sortText: '999999',
      data: { kind: 'test', exercise: fileData.exercise, file: fileData.file, test: { titlePath: identity.titlePath, ...(identity.className ? { className: identity.className } : {}) }, suite: false },
      children: [],
    };
    const perFile = reported.get(fileItem.id) ?? new Map<string, Desired>();
    perFile.set(id, desired);
    reported.set(fileItem.id, perFile);
    const item = controller.createTestItem(id, desired.label, desired.uri);
    item.sortText = desired.sortText;
    data.set(item, desired.data);
    fileItem.children.add(item);
    return item;
  }

  function failureMessage(testCase: JUnitCase, item: vscode.TestItem, exercise: ExerciseFolder, hints: readonly HintTarget[]): vscode.TestMessage {
    const details = failureDetails(testCase, exercise.uri.fsPath);
    const hintId = hintForTest(hints, testCase.name);
    let message: vscode.TestMessage;
    if (hintId) {
      const markdown = new vscode.MarkdownString();
      markdown.appendCodeblock(details.message, 'text');
      const link = showHintCommandUri(SHOW_HINT_COMMAND, { skillId: exercise.skill.id, stack: exercise.stack, hintId });
      markdown.appendMarkdown(`\n\n[${vscode.l10n.t('Show hint')}](${link})`);
      markdown.isTrusted = { enabledCommands: [SHOW_HINT_COMMAND] };
      message = new vscode.TestMessage(markdown);
    } else {
      message = new vscode.TestMessage(details.message);
    }
    if (details.location) {
      message.location = new vscode.Location(vscode.Uri.file(details.location.path), new vscode.Position(details.location.line - 1, Math.max(0, (details.location.column ?? 1) - 1)));
    } else if (item.uri && item.range) {
      message.location = new vscode.Location(item.uri, item.range.start);
    }
    message.stackTrace = details.stack.map(
      (frame) => new vscode.TestMessageStackFrame(frame.label ?? `${basename(frame.path)}:${frame.line}`, vscode.Uri.file(frame.path), new vscode.Position(frame.line - 1, Math.max(0, (frame.column ?? 1) - 1))),
    );
    return message;
  }

  /** Turns one finished process into results for the unit's tests. */
  async function report(run: RecordingRun, unit: RunUnit, result: TestProcessResult, cases: readonly JUnitCase[] | undefined): Promise<void> {
    const targets = unit.items.flatMap(leaves);
    const errorAll = (text: string) => {
      for (const item of targets) run.errored(item, new vscode.TestMessage(text));
    };
    if (result.kind === 'spawnError') return errorAll(vscode.l10n.t('The tests could not be started: {0}', result.message));
    if (result.kind !== 'exited') {
      if (result.kind === 'cancelled') {
        for (const item of targets) run.skipped(item);
        return;
      }
      const config = vscode.workspace.getConfiguration(Settings.section);
      return errorAll(vscode.l10n.t('The tests did not finish within {0} seconds and were stopped. A test may be waiting forever (an open server or timer?). The time limit is the setting backendPath.checkTimeoutSeconds.', config.get<number>(Settings.checkTimeoutSeconds, 120)));
    }
    if (!cases) return errorAll(vscode.l10n.t('The test run ended without a report of its tests (exit code {0}); the output says why.', String(result.exitCode)));

    const exerciseItem = exerciseItemOf(unit.items[0]);
    if (!exerciseItem) return;
    const index = resultIndex(exerciseItem);
    const hints = await hintTargets(unit.exercise);
    const runFile = unit.selection.file ? join(unit.exercise.uri.fsPath, ...unit.selection.file.split('/')) : undefined;
    const reportedItems = new Set<vscode.TestItem>();
    for (const testCase of cases) {
      const withFile = testCase.file || !runFile ? testCase : { ...testCase, file: runFile };
      if (isWholeFileCase(withFile, unit.exercise.uri.fsPath)) {
        const fileItem = fileItemFor(exerciseItem, withFile.file);
        if (fileItem) {
          run.failed(fileItem, failureMessage(withFile, fileItem, unit.exercise, []));
          reportedItems.add(fileItem);
          for (const item of leaves(fileItem)) if (item !== fileItem) run.skipped(item);
        }
        continue;
      }
      let item = index.get(resultKey(unit.exercise.stack, caseIdentity(withFile)));
      if (!item) {
        const fileItem = fileItemFor(exerciseItem, withFile.file);
        if (!fileItem) {
          deps.log.info(`Testing view: ${withFile.name} reported outside the listed test files (${withFile.file ?? 'no file'}).`);
          continue;
        }
        item = addReportedTest(fileItem, withFile);
      }
      reportedItems.add(item);
      const duration = withFile.seconds === undefined ? undefined : withFile.seconds * 1000;
      if (withFile.outcome === 'passed') run.passed(item, duration);
      else if (withFile.outcome === 'skipped') run.skipped(item);
      else run.failed(item, failureMessage(withFile, item, unit.exercise, hints), duration);
    }
    // A test asked for by name that the runner did not report is worth saying so.
    if (unit.selection.tests) {
      for (const item of targets) {
        if (!reportedItems.has(item)) run.errored(item, new vscode.TestMessage(vscode.l10n.t('The test runner did not report this test; the output shows what ran.')));
      }
    }
  }

  async function runUnit(run: RecordingRun, unit: RunUnit, token: vscode.CancellationToken): Promise<void> {
    const targets = unit.items.flatMap(leaves);
    for (const item of targets) run.started(item);
    const toolchain = await resolveTestCommand(unit.exercise.stack, unit.exercise.uri.fsPath, deps.toolSettings(), createToolHost(unit.exercise.uri.fsPath), join);
    if (!toolchain.ok) {
      const text = deps.describeProblem(toolchain);
      run.appendOutput(crlf(`${text}\n`));
      for (const item of targets) run.errored(item, new vscode.TestMessage(text));
      return;
    }
    const timeoutSeconds = Math.max(1, vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.checkTimeoutSeconds, 120));
    const result = await runTestProcess({
      executable: toolchain.executable,
      args: (reportFile) => [...toolchain.args, ...testRunArguments(unit.exercise.stack, reportFile, unit.selection)],
      cwd: unit.exercise.uri.fsPath,
      timeoutSeconds,
      token,
      onStart: (commandLine) => run.appendOutput(crlf(`> ${commandLine}\n\n`)),
      onOutput: (text) => run.appendOutput(crlf(text)),
    });
    const cases = result.kind === 'exited' && result.reportXml !== undefined ? readJUnitCases(result.reportXml) : undefined;
    await report(run, unit, result, cases);
  }

  async function runHandler(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = recorder.start(controller.createTestRun(request));
    try {
      const why = refusal();
      if (why) {
        deps.log.warn(`Testing view: run refused: ${why}`);
        run.appendOutput(crlf(`${why}\n`));
        const refused = request.include ?? (() => {
          const roots: vscode.TestItem[] = [];
          controller.items.forEach((item) => roots.push(item));
          return roots;
        })();
        for (const item of refused) run.errored(item, new vscode.TestMessage(why));
        void vscode.window.showWarningMessage(why);
        return;
      }
      await ensureScanned();
      for (const unit of planUnits(request)) {
        if (token.isCancellationRequested) break;
        await runUnit(run, unit, token);
      }
    } catch (error) {
      deps.log.error(`Testing view: the run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      run.end();
    }
  }

  const profile = controller.createRunProfile(vscode.l10n.t('Run'), vscode.TestRunProfileKind.Run, (request, token) => runHandler(request, token), true);
  disposables.push(profile);

  return {
    controller,
    get runs() {
      return recorder.records;
    },
    refresh: relist,
    async beginCheckRun(folder) {
      await ensureScanned();
      const find = (): vscode.TestItem | undefined => {
        let found: vscode.TestItem | undefined;
        controller.items.forEach((skillItem) =>
          skillItem.children.forEach((item) => {
            const itemData = data.get(item);
            if (itemData?.kind === 'exercise' && itemData.exercise.uri.toString() === folder.toString()) found = item;
          }),
        );
        return found;
      };
      // A folder started a moment ago may not be listed yet (the watcher's refresh is debounced):
      // list again rather than run the check without the view.
      let exerciseItem = find();
      if (!exerciseItem) {
        await relist();
        exerciseItem = find();
      }
      const itemData = exerciseItem && data.get(exerciseItem);
      if (!exerciseItem || itemData?.kind !== 'exercise') return undefined;
      const unit: RunUnit = { exercise: itemData.exercise, selection: {}, items: [exerciseItem] };
      const run = recorder.start(controller.createTestRun(new vscode.TestRunRequest([exerciseItem], undefined, profile), vscode.l10n.t('Check exercise {0} ({1})', skillLabel(itemData.exercise.skill), stackName(itemData.exercise.stack))));
      for (const item of leaves(exerciseItem)) run.started(item);
      return {
        output: (text) => run.appendOutput(crlf(text)),
        finished: (result, cases) =>
          report(run, unit, result, cases)
            .catch((error: unknown) => deps.log.error(`Testing view: reporting the check failed: ${error instanceof Error ? error.message : String(error)}`))
            .finally(() => run.end()),
      };
    },
    run: async (include, token) => {
      const source = new vscode.CancellationTokenSource();
      const link = token?.onCancellationRequested(() => source.cancel());
      try {
        await runHandler(new vscode.TestRunRequest(include, undefined, profile), source.token);
      } finally {
        link?.dispose();
        source.dispose();
      }
    },
    dispose: () => {
      clearTimeout(debounce);
      for (const disposable of disposables) disposable.dispose();
    },
  };
}

type RecordingRun = ReturnType<RecordingRuns['start']>;

/** Keeps what each run reported, so the integration tests can read the results back. */
class RecordingRuns {
  private readonly recorder = new RunRecorder();
  get records(): readonly RunRecord[] {
    return this.recorder.records;
  }

  start(run: vscode.TestRun) {
    const record = this.recorder.begin(run.name);
    const location = (message: vscode.TestMessage) =>
      message.location ? { path: message.location.uri.fsPath, line: message.location.range.start.line, character: message.location.range.start.character } : undefined;
    const describe = (message: vscode.TestMessage) => ({
      text: typeof message.message === 'string' ? message.message : message.message.value,
      markdown: typeof message.message !== 'string',
      ...(location(message) ? { location: location(message) } : {}),
      stack: (message.stackTrace ?? []).map((frame) => `${frame.uri?.fsPath ?? ''}:${(frame.position?.line ?? -1) + 1}`),
    });
    return {
      started: (item: vscode.TestItem) => {
        record.set(item.id, { state: 'started' });
        run.started(item);
      },
      passed: (item: vscode.TestItem, duration?: number) => {
        record.set(item.id, { state: 'passed', durationMs: duration });
        run.passed(item, duration);
      },
      failed: (item: vscode.TestItem, message: vscode.TestMessage, duration?: number) => {
        record.set(item.id, { state: 'failed', durationMs: duration, messages: [describe(message)] });
        run.failed(item, message, duration);
      },
      errored: (item: vscode.TestItem, message: vscode.TestMessage) => {
        record.set(item.id, { state: 'errored', messages: [describe(message)] });
        run.errored(item, message);
      },
      skipped: (item: vscode.TestItem) => {
        record.set(item.id, { state: 'skipped' });
        run.skipped(item);
      },
      appendOutput: (text: string) => {
        record.output(text);
        run.appendOutput(text);
      },
      end: () => {
        record.end();
        run.end();
      },
    };
  }
}
