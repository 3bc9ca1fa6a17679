import { createRecordingSession } from '../lib/recordingSession';

/**
 * Page HTML for every lesson exactly as the panel builds it: the real LessonSession shows each
 * lesson to a recording view, with resources under `base` and a fixed nonce.
 */
export async function previewPages(root: string, base: string): Promise<{ folder: string; html: string }[]> {
  const { catalog, page } = await createRecordingSession({
    root,
    resources: { cspSource: base, asWebviewUri: (path) => `${base}/${path}` },
    nonce: () => 'preview',
  });
  const pages: { folder: string; html: string }[] = [];
  for (const skill of catalog.skills) pages.push({ folder: skill.folder, html: await page(skill.id) });
  return pages;
}
