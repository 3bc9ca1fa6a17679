// Shared by the page-layout tests: a lesson page built from a few fields, with labels that show their
// key when a test did not fill them in ("[startExercise]"), so each test reads only the part it is about.
import * as assert from 'node:assert/strict';
import type { Skill } from '../../src/curriculum/types';
import type { PageLabels, PageModel } from '../../src/lessonPanel/pageHtml';
import { buildPageHtml } from '../../src/lessonPanel/pageHtml';

/** Labels with the given templates; any other label reads as its key in brackets. */
export function labelsWith(filled: Partial<Record<keyof PageLabels, string>>): PageLabels {
  return new Proxy({}, { get: (_target, key) => filled[key as keyof PageLabels] ?? `[${String(key)}]` }) as PageLabels;
}

export const TEST_RESOURCES = { cspSource: 'vscode-webview://abc', asWebviewUri: (path: string) => `vscode-webview://abc/${path}` };

/** A whole page for `skill` with no lesson text, no quiz and a trusted workspace, unless overridden. */
export function testPage(skill: Skill, base: Pick<PageModel, 'stageTitle' | 'labels'>, overrides: Partial<PageModel> = {}): string {
  return buildPageHtml(
    { skill, position: skill.position, total: 22, complete: false, lessonHtml: '<h1 id="h-t">T</h1>', quiz: [], workspaceTrusted: true, ...base, ...overrides },
    TEST_RESOURCES,
    'NONCE',
  );
}

/** The page's text from `start` up to and including the first `end` after it. */
export function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `${start} is on the page`);
  return html.slice(from, html.indexOf(end, from) + end.length);
}
