import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../src/lessonPanel/protocol';

describe('webview message validation', () => {
  it('accepts each valid message and copies only known fields', () => {
    const valid = [
      { type: 'ready' },
      { type: 'setComplete', skillId: 'http-fundamentals', complete: true },
      { type: 'navigate', skillId: 'sql-fundamentals', anchor: 'joins' },
      { type: 'openExternal', href: 'https://nodejs.org/' },
      { type: 'copyCode', block: 0 },
      { type: 'insertCode', block: 3 },
      { type: 'runInTerminal', block: 1 },
      { type: 'answerQuiz', skillId: 'orm-basics', question: 0, choice: 2 },
      { type: 'resetQuiz', skillId: 'orm-basics' },
      { type: 'exercise', skillId: 'orm-basics', action: 'check' },
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
      { type: 'copyCode', block: -1 },
      { type: 'copyCode', block: 1.5 },
      { type: 'answerQuiz', skillId: 'a', question: '0', choice: 0 },
      { type: 'exercise', skillId: 'a', action: 'rm' },
      JSON.parse('{"__proto__":{"type":"ready"}}'),
    ];
    for (const message of invalid) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });
});
