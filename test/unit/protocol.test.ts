import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../src/lessonPanel/protocol';

describe('webview message validation', () => {
  it('accepts each valid message and copies only known fields', () => {
    const valid = [
      { type: 'ready', render: 1 },
      { type: 'setComplete', skillId: 'http-fundamentals', complete: true },
      { type: 'navigate', skillId: 'sql-fundamentals', anchor: 'joins' },
      { type: 'openExternal', href: 'https://nodejs.org/' },
      { type: 'history', direction: 'back' },
      { type: 'copyCode', render: 3, block: 0 },
      { type: 'insertCode', render: 3, block: 3 },
      { type: 'runInTerminal', render: 3, block: 1 },
      { type: 'runCode', render: 3, block: 1 },
      { type: 'answerQuiz', render: 2, skillId: 'orm-basics', questionId: 'lazy-loading', choice: 2 },
      { type: 'resetQuiz', render: 2, skillId: 'orm-basics' },
      { type: 'exercise', skillId: 'orm-basics', action: 'check' },
      { type: 'revealHint', skillId: 'orm-basics', stack: 'php', hintId: 'revisit-lazy-loading' },
      { type: 'revealHint', skillId: 'orm-basics', stack: 'node', hintId: 'a' },
    ];
    for (const message of valid) assert.deepEqual(parseWebviewMessage({ ...message, extra: 'dropped' }), message);
  });

  it('ignores unknown or malformed messages', () => {
    const invalid: unknown[] = [
      undefined,
      null,
      42,
      'ready',
      [],
      { type: 'explode' },
      { type: 'setComplete', skillId: 'http-fundamentals', complete: 'yes' },
      { type: 'setComplete', skillId: '../../etc', complete: true },
      { type: 'navigate', skillId: 'x', anchor: '"><script>' },
      { type: 'openExternal', href: 42 },
      { type: 'openExternal', href: `https://x/${'a'.repeat(5000)}` },
      { type: 'ready' },
      { type: 'ready', render: 0 },
      { type: 'ready', render: '1' },
      { type: 'history', direction: 'up' },
      { type: 'copyCode', render: 1, block: -1 },
      { type: 'copyCode', render: 1, block: 1.5 },
      { type: 'copyCode', block: 0 },
      { type: 'runCode', render: 1.5, block: 0 },
      { type: 'answerQuiz', render: 1, skillId: 'a', questionId: 0, choice: 0 },
      { type: 'answerQuiz', render: 1, skillId: 'a', questionId: 'Q 1', choice: 0 },
      { type: 'answerQuiz', render: 1, skillId: 'a', question: 0, choice: 0 },
      { type: 'resetQuiz', skillId: 'a' },
      { type: 'exercise', skillId: 'a', action: 'rm' },
      { type: 'revealHint', skillId: 'a', stack: 'python', hintId: 'h' },
      { type: 'revealHint', skillId: 'a', hintId: 'h' },
      { type: 'revealHint', skillId: 'a', stack: 'php' },
      { type: 'revealHint', skillId: 'a', stack: 'php', hintId: 'Hint One' },
      { type: 'revealHint', skillId: 'a', stack: 'php', hintId: 'h'.repeat(65) },
      { type: 'revealHint', skillId: 'A', stack: 'php', hintId: 'h' },
      JSON.parse('{"__proto__":{"type":"ready"}}'),
    ];
    for (const message of invalid) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });
});
