import hljs from 'highlight.js/lib/core';
import apache from 'highlight.js/lib/languages/apache';
import bash from 'highlight.js/lib/languages/bash';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import php from 'highlight.js/lib/languages/php';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { escapeHtml } from './escapeHtml';

// Only the languages lessons use are registered, which keeps the bundle small.
const languages = { apache, bash, http, ini, javascript, json, php, sql, typescript, yaml };
for (const [name, definition] of Object.entries(languages)) hljs.registerLanguage(name, definition);

/**
 * Lookups go through Maps, never plain objects: a fence tagged `constructor` or `__proto__` must not
 * find Object.prototype's members (it used to crash rendering).
 */
const REGISTERED: ReadonlySet<string> = new Set(Object.keys(languages));

const ALIASES: ReadonlyMap<string, string> = new Map([
  ['js', 'javascript'],
  ['mjs', 'javascript'],
  ['ts', 'typescript'],
  ['sh', 'bash'],
  ['shell', 'bash'],
  ['console', 'bash'],
  ['htaccess', 'apache'],
  ['yml', 'yaml'],
  ['env', 'ini'],
]);

export function canonicalLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  return ALIASES.get(lower) ?? lower;
}

/** Returns highlighted HTML for the code; unknown languages are escaped as plain text. */
export function highlightCode(code: string, lang: string): string {
  const language = canonicalLanguage(lang);
  if (REGISTERED.has(language)) {
    return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  }
  return escapeHtml(code);
}
