/**
 * Decides what a link in a lesson may do. The page gets only the links this allows, and the
 * extension asks again before it opens anything, so a crafted message cannot widen it.
 */

export type LinkTarget =
  | { readonly kind: 'lesson'; readonly folder: string; readonly anchor?: string }
  | { readonly kind: 'anchor'; readonly anchor: string }
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'refused'; readonly reason: string };

const LESSON_LINK = /^(?:\.\.\/|\.\/)?(\d{2}-[a-z0-9-]+)\/lesson\.md(?:#([\w-]+))?$/;
const ANCHOR = /^#([\w-]+)$/;

export function classifyLink(href: string): LinkTarget {
  const trimmed = href.trim();
  const anchor = ANCHOR.exec(trimmed);
  if (anchor) return { kind: 'anchor', anchor: anchor[1] };
  const lesson = LESSON_LINK.exec(trimmed);
  if (lesson) return lesson[2] ? { kind: 'lesson', folder: lesson[1], anchor: lesson[2] } : { kind: 'lesson', folder: lesson[1] };
  const external = checkExternalUrl(trimmed);
  return external.ok ? { kind: 'external', url: external.url } : { kind: 'refused', reason: external.reason };
}

/** Only plain https URLs with a host and no embedded credentials may leave the editor. */
export function checkExternalUrl(href: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `the ${url.protocol} scheme is not allowed` };
  // Defence in depth: the URL parser already rejects an https URL without a host, so no test can reach this.
  // Stryker disable next-line all: equivalent (unreachable for https: URLs)
  if (!url.hostname) return { ok: false, reason: 'the URL has no host' };
  if (url.username || url.password) return { ok: false, reason: 'the URL carries credentials' };
  return { ok: true, url: url.toString() };
}
