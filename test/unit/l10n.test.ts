import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT, readRepoFile } from './helpers';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Calls whose string arguments reach the learner's eyes. */
const USER_FACING_CALL = /\b(show(?:Information|Warning|Error)Message|setStatusBarMessage|showQuickPick|createTerminal|ask|Error)\(\s*(['"`])/g;
const USER_FACING_PROPERTY = /\b(placeholder|placeHolder|tooltip|title|description|detail|label|text|name)\s*[:=]\s*(['"`])[A-Z][a-z]/g;
/** Literals that are identifiers or data, not words for people. */
const ALLOWED = [/title: 'Backend Path'/, /name: 'Backend Path'/, /'Backend Path', \/\/ task source/];

describe('localisation', () => {
  it('every user-facing string in src/ goes through vscode.l10n.t', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(REPO_ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (!/from 'vscode'/.test(text) || /import type \* as vscode from 'vscode'/.test(text)) continue; // pure core has no UI
      text.split('\n').forEach((line, index) => {
        if (/^\s*(\/\/|\*)/.test(line) || /l10n\.t\(/.test(line) || ALLOWED.some((pattern) => pattern.test(line))) return;
        for (const pattern of [USER_FACING_CALL, USER_FACING_PROPERTY]) {
          pattern.lastIndex = 0;
          if (pattern.test(line)) offenders.push(`${relative(REPO_ROOT, file)}:${index + 1}: ${line.trim()}`);
        }
      });
    }
    assert.deepEqual(offenders, [], `strings that bypass vscode.l10n.t:\n${offenders.join('\n')}`);
  });

  it('l10n/bundle.l10n.json is up to date with the strings in src/', function () {
    // A child process parsing all of src/: seconds on a quiet machine, much longer on a loaded one.
    this.timeout(120_000);
    const out = mkdtempSync(join(tmpdir(), 'bp-l10n-'));
    try {
      execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '--outDir', out, join(REPO_ROOT, 'src')], { stdio: 'pipe' });
      const fresh = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8'));
      const committed = JSON.parse(readRepoFile('l10n/bundle.l10n.json'));
      assert.deepEqual(Object.keys(committed).sort(), Object.keys(fresh).sort(), 'run `npm run l10n` and commit l10n/bundle.l10n.json');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the walkthrough exists and every step has a media file', () => {
    const manifest = JSON.parse(readRepoFile('package.json'));
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(JSON.parse(readRepoFile('package.nls.json'))['walkthrough.title'], 'Get started with Backend Path');
    assert.deepEqual(walkthrough.steps.map((step: { id: string }) => step.id), ['openView', 'firstLesson', 'starterProject']);
    for (const step of walkthrough.steps) assert.ok(readRepoFile(step.media.markdown).length > 100, step.media.markdown);
  });
});
