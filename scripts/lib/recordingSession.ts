// The lesson page as the extension builds it, for scripts (preview screenshots, the render bench):
// the real LessonSession over the real LessonLibrary, with a recording stand-in for the webview and
// for every editor action. Nothing here builds a page model of its own, so the scripts show and
// time exactly what the panel does; the stand-in runs no code and opens nothing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentReader } from '../../src/curriculum/lessonLibrary';
import { LessonLibrary } from '../../src/curriculum/lessonLibrary';
import type { Catalog, Skill } from '../../src/curriculum/types';
import { ENGLISH_PAGE_LABELS } from '../../src/lessonPanel/englishLabels';
import type { ActionHost, RunResult } from '../../src/lessonPanel/lessonActions';
import { createLessonActions } from '../../src/lessonPanel/lessonActions';
import type { LessonBody, LessonView } from '../../src/lessonPanel/lessonSession';
import { LessonSession } from '../../src/lessonPanel/lessonSession';
import type { PageLabels, WebviewResources } from '../../src/lessonPanel/pageHtml';
import { createNonce } from '../../src/lessonPanel/pageHtml';
import type { ExtensionMessage } from '../../src/lessonPanel/protocol';
import { ENGLISH_CODE_LABELS, localiseLessonHtml } from '../../src/lessons/localiseLessonHtml';
import { PRERENDERED_DIR } from '../../src/lessons/prerendered';
import { catalogLinkOptions } from '../../src/lessons/prerenderLessons';
import { renderLesson } from '../../src/lessons/renderLesson';
import type { RenderedLesson } from '../../src/lessons/renderedLesson';

/** What the session did to its stand-in view and host, in order. */
export interface SessionRecord {
  readonly html: string[];
  readonly titles: string[];
  readonly posted: ExtensionMessage[];
  readonly actions: string[];
  readonly warnings: string[];
}

export interface RecordingSessionOptions {
  readonly root: string;
  readonly resources: WebviewResources;
  readonly trusted?: boolean;
  readonly labels?: PageLabels;
  readonly nonce?: () => string;
  /**
   * Renders a lesson's markdown each time a page is built (the bench times it); by default the
   * library renders each lesson once, from lessons/NN-id/lesson.md, never from a stale dist/.
   */
  readonly renderOnEveryShow?: boolean;
}

export interface RecordingSession {
  readonly session: LessonSession;
  readonly library: LessonLibrary;
  readonly catalog: Catalog;
  readonly record: SessionRecord;
  /** Shows a lesson as the panel would and returns the page HTML the view received. */
  page(skillId: string): Promise<string>;
}

/** Reads the repository's lesson files; build output (dist/lessons) is never read. */
function lessonFiles(root: string): ContentReader {
  return {
    readText: async (relativePath) => {
      if (relativePath.startsWith(`${PRERENDERED_DIR}/`)) return undefined;
      try {
        return await readFile(join(root, relativePath), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

function recordingHost(record: SessionRecord, trusted: boolean): ActionHost {
  const note = (what: string) => void record.actions.push(what);
  return {
    isTrusted: () => trusted,
    refused: (reason) => note(`refused ${reason}`),
    confirmRun: async (command) => {
      note(`confirm ${command}`);
      return false; // a script never runs a lesson's command
    },
    openExternal: async (url) => note(`open ${url}`),
    copy: async (text) => note(`copy ${text.length} chars`),
    insert: async (code) => note(`insert ${code.length} chars`),
    sendToTerminal: (command) => note(`terminal ${command}`),
    runNode: async (): Promise<RunResult> => ({ status: 'refused', output: 'scripts run no lesson code' }),
    executeCommand: async (command, skillId) => note(`command ${command} ${skillId}`),
    warn: (message) => void record.warnings.push(message),
  };
}

export async function createRecordingSession(options: RecordingSessionOptions): Promise<RecordingSession> {
  const trusted = options.trusted ?? true;
  const record: SessionRecord = { html: [], titles: [], posted: [], actions: [], warnings: [] };
  const render = async (markdown: string, catalog: Catalog): Promise<RenderedLesson> => renderLesson(markdown, catalogLinkOptions(catalog));
  // With renderOnEveryShow the session renders each time, so the library need not render at all.
  const library = new LessonLibrary(lessonFiles(options.root), options.renderOnEveryShow ? {} : { renderMarkdown: render });
  const catalog = await library.catalog();
  const markdown = new Map<string, string>();
  if (options.renderOnEveryShow) {
    for (const skill of catalog.skills) {
      const text = await lessonFiles(options.root).readText(`lessons/${skill.folder}/lesson.md`);
      if (text !== undefined) markdown.set(skill.id, text);
    }
  }
  const body = (rendered: RenderedLesson | undefined): LessonBody | undefined =>
    rendered && { html: localiseLessonHtml(rendered.html, ENGLISH_CODE_LABELS, { trusted }), codeBlocks: rendered.codeBlocks };

  const view: LessonView = {
    setHtml: (html) => void record.html.push(html),
    setTitle: (title) => void record.titles.push(title),
    post: async (message) => void record.posted.push(message),
    resources: options.resources,
  };
  const session = new LessonSession({
    library,
    progress: {
      isComplete: () => false,
      quizBest: () => undefined,
      setComplete: async () => undefined,
      recordQuizScore: async () => undefined,
      revealHint: async () => undefined,
      exerciseProgress: () => ({ hints: [] }),
      onDidChange: () => ({ dispose() {} }),
    },
    actions: createLessonActions(recordingHost(record, trusted), { start: 'start', check: 'check', showSolution: 'showSolution' }),
    log: { warn: (message) => void record.warnings.push(message), error: (message) => void record.warnings.push(message) },
    lessonBody: (currentCatalog: Catalog, skill: Skill, content) => {
      const text = markdown.get(skill.id);
      return body(text === undefined ? content.rendered : renderLesson(text, catalogLinkOptions(currentCatalog)));
    },
    isTrusted: () => trusted,
    labels: () => options.labels ?? ENGLISH_PAGE_LABELS,
    learnerSeed: () => 'preview',
    nonce: options.nonce ?? createNonce,
    showError: (message) => void record.warnings.push(message),
    unknownSkill: (skillId) => `There is no skill with the id "${skillId}".`,
  });
  session.attach(view);
  return {
    session,
    library,
    catalog,
    record,
    async page(skillId) {
      const before = record.html.length;
      await session.show(skillId, { history: 'none', force: true });
      if (record.html.length === before) throw new Error(`the session showed no page for ${skillId}`);
      return record.html[record.html.length - 1];
    },
  };
}
