// Shared by the robustness suites: a seeded PRNG, an HTML audit over a real parser, and a check
// that nothing leaked onto Object.prototype.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** The repository root, found by walking up from the bundle (helpers.ts assumes one folder level less). */
export const ROOT = ((): string => {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'esbuild.mjs'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
})();

export function readRootFile(relativePath: string): string {
  return readFileSync(join(ROOT, relativePath), 'utf8');
}

/** mulberry32: small, fast and deterministic, so a failing case can be replayed from its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  string(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.int(256);
    return out;
  }
}

/** Elements that would run code, load something or navigate if they reached the page. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'meta', 'base', 'form',
  'svg', 'math', 'img', 'link', 'video', 'audio', 'source', 'picture', 'template', 'noscript', 'textarea', 'button', 'select',
]);

/** Attributes whose value the browser treats as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'longdesc', 'xlink:href', 'ping', 'manifest', 'codebase']);
const DANGEROUS_SCHEME = /(?:javascript|vbscript|data|command|file|vscode|vscode-webview)\s*:/i;

/** What the browser sees once entities are decoded and the characters URL parsing skips are gone. */
function normalizedUrl(value: string): string {
  // The C0 controls and spaces are what URL parsing strips.
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

function attributeName(attribute: { name: string; prefix?: string }): string {
  return attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  // <template> keeps its children in a separate fragment.
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

export interface AuditOptions {
  /** Tags that are part of the page itself (the page builder's own <script>, <meta>, <link>). */
  readonly allowedElements?: ReadonlySet<string>;
}

/**
 * Lists every way the HTML could run code or navigate: a forbidden element, an `on…` attribute, an
 * href that is neither `#…` nor a checked `https://` link, or a dangerous scheme in an attribute.
 * `title` is display text, not a URL, so a title that merely mentions a scheme is allowed.
 */
export function auditNodes(root: Node, options: AuditOptions = {}): string[] {
  const problems: string[] = [];
  for (const element of elements(root)) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag) && !options.allowedElements?.has(tag)) problems.push(`<${tag}> element`);
    const attributes = new Map(element.attrs.map((attribute) => [attributeName(attribute).toLowerCase(), attribute.value]));
    for (const [name, value] of attributes) {
      if (/^on/.test(name)) problems.push(`<${tag} ${name}=…> event handler`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction') problems.push(`<${tag} ${name}=…>`);
      if (name === 'title') continue;
      if (URL_ATTRIBUTES.has(name) && name !== 'href' && !options.allowedElements?.has(tag)) problems.push(`<${tag} ${name}=…> loads a resource`);
      if (DANGEROUS_SCHEME.test(normalizedUrl(value))) problems.push(`<${tag} ${name}="${value.slice(0, 60)}"> carries a dangerous scheme`);
    }
    const href = attributes.get('href');
    if (href !== undefined && !options.allowedElements?.has(tag)) {
      const external = href.startsWith('https://') && attributes.get('data-external') === 'true';
      if (!href.startsWith('#') && !external) problems.push(`<${tag} href="${href.slice(0, 60)}"> is neither an anchor nor a checked https link`);
      if (external && !isPlainHttpsUrl(href)) problems.push(`<${tag} href="${href.slice(0, 60)}"> is not a plain https URL`);
    }
  }
  return problems;
}

function isPlainHttpsUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Parses an HTML fragment the way a browser would inside <main> and audits it. */
export function auditFragment(html: string): string[] {
  return auditNodes(parseFragment(html));
}

/** Raw-text double check, independent of the parser: no tag of these kinds opens anywhere. */
export function rawTagProblems(html: string): string[] {
  const found = html.match(/<\s*\/?\s*(script|iframe|object|embed|style|meta|base|form|svg|img|math|link)\b/gi) ?? [];
  // Quoted values are text (escaping keeps them closed), so only what stands outside them counts.
  const unquoted = html.replace(/="[^"]*"/g, '=""').replace(/='[^']*'/g, "=''");
  const handlers = unquoted.match(/<[^>]*\son[a-z]+\s*=[^>]*>/gi) ?? [];
  return [...found.map((tag) => `raw ${tag}`), ...handlers.map((tag) => `raw handler in ${tag.slice(0, 60)}`)];
}

/** Parses a whole page and returns the <main> element, the tag counts of the page, and the document. */
export function parsePage(html: string): { main: Element | undefined; tagCounts: Map<string, number>; document: Node } {
  const document = parse(html);
  let main: Element | undefined;
  const tagCounts = new Map<string, number>();
  for (const element of elements(document)) {
    tagCounts.set(element.tagName, (tagCounts.get(element.tagName) ?? 0) + 1);
    if (element.tagName === 'main' && !main) main = element;
  }
  return { main, tagCounts, document };
}

export function findElements(root: Node, predicate: (element: Element) => boolean): Element[] {
  return [...elements(root)].filter(predicate);
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((candidate) => candidate.name === name)?.value;
}

/** Snapshot of Object.prototype, to prove afterwards that nothing was added or replaced. */
export function prototypeSnapshot(): Map<string, unknown> {
  return new Map(Object.getOwnPropertyNames(Object.prototype).map((name) => [name, (Object.prototype as Record<string, unknown>)[name]]));
}

export function prototypeChanges(before: Map<string, unknown>): string[] {
  const after = prototypeSnapshot();
  const changes: string[] = [];
  for (const [name, value] of after) if (!before.has(name) || before.get(name) !== value) changes.push(name);
  for (const name of before.keys()) if (!after.has(name)) changes.push(`-${name}`);
  const probe: Record<string, unknown> = {};
  for (const name of ['polluted', 'type', 'skillId', 'completed', 'isAdmin', 'version', 'skills']) {
    if (probe[name] !== undefined) changes.push(`({}).${name}`);
  }
  return changes;
}
