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

  it('holds each limit exactly: the largest allowed value passes, one more is refused', () => {
    const longId = 'a'.repeat(100);
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ type: 'setComplete', skillId: longId, complete: true }, { skillId: `${longId}a` }],
      [{ type: 'answerQuiz', render: 1, skillId: 'a', questionId: longId, choice: 0 }, { questionId: `${longId}a` }],
      [{ type: 'openExternal', href: `https://x/${'a'.repeat(2048 - 10)}` }, { href: `https://x/${'a'.repeat(2049 - 10)}` }],
      [{ type: 'copyCode', render: 1, block: 10_000 }, { block: 10_001 }],
      [{ type: 'ready', render: 2 ** 31 - 1 }, { render: 2 ** 31 }],
      [{ type: 'answerQuiz', render: 1, skillId: 'a', questionId: 'q', choice: 10_000 }, { choice: 10_001 }],
    ];
    for (const [valid, tooBig] of cases) {
      assert.deepEqual(parseWebviewMessage(valid), valid, JSON.stringify(valid).slice(0, 80));
      assert.equal(parseWebviewMessage({ ...valid, ...tooBig }), undefined, JSON.stringify(tooBig).slice(0, 80));
    }
  });

  it('refuses values that only look right once turned into text (arrays, numbers)', () => {
    const invalid: unknown[] = [
      { type: 'navigate', skillId: 'sql-fundamentals', anchor: 123 },
      { type: 'navigate', skillId: 'sql-fundamentals', anchor: ['joins'] },
      { type: 'navigate', skillId: ['sql-fundamentals'] },
      { type: 'navigate', skillId: 'Not An Id' },
      { type: 'setComplete', skillId: ['http-fundamentals'], complete: true },
      { type: 'answerQuiz', render: 1, skillId: 'a', questionId: ['q'], choice: 0 },
      { type: 'openExternal', href: ['https://nodejs.org/'] },
      { type: 'copyCode', render: 1, block: '1' },
      { type: 'copyCode', render: [1], block: 1 },
    ];
    for (const message of invalid) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('refuses a quiz answer when any one of its fields is wrong', () => {
    const valid = { type: 'answerQuiz', render: 1, skillId: 'orm-basics', questionId: 'lazy-loading', choice: 0 };
    assert.deepEqual(parseWebviewMessage(valid), valid);
    for (const wrong of [{ render: 0 }, { skillId: 'Orm' }, { questionId: 'Lazy Loading' }, { choice: -1 }]) {
      assert.equal(parseWebviewMessage({ ...valid, ...wrong }), undefined, JSON.stringify(wrong));
    }
  });

  it('keeps a plausible answer time and a replay flag, and drops what a page clock gets wrong', () => {
    const base = { type: 'answerQuiz', render: 1, skillId: 'a', questionId: 'q', choice: 1 };
    for (const elapsedMs of [0, 1, 2500.5, 86_400_000]) assert.deepEqual(parseWebviewMessage({ ...base, elapsedMs }), { ...base, elapsedMs }, String(elapsedMs));
    for (const elapsedMs of [-1, 86_400_001, Number.NaN, Number.POSITIVE_INFINITY, '5', null]) {
      assert.deepEqual(parseWebviewMessage({ ...base, elapsedMs }), base, String(elapsedMs));
    }
    assert.deepEqual(parseWebviewMessage({ ...base, replay: true }), { ...base, replay: true });
    for (const replay of [false, 'true', 1]) assert.deepEqual(parseWebviewMessage({ ...base, replay }), base, String(replay));
  });

  it('accepts every exercise action and history direction, and a link into a lesson without a heading', () => {
    for (const action of ['start', 'check', 'showSolution']) {
      assert.deepEqual(parseWebviewMessage({ type: 'exercise', skillId: 'orm-basics', action }), { type: 'exercise', skillId: 'orm-basics', action });
    }
    for (const direction of ['back', 'forward']) assert.deepEqual(parseWebviewMessage({ type: 'history', direction }), { type: 'history', direction });
    assert.deepEqual(parseWebviewMessage({ type: 'navigate', skillId: 'sql-fundamentals' }), { type: 'navigate', skillId: 'sql-fundamentals' });
  });

  it('matches ids and anchors as a whole, not a valid start or end of something else', () => {
    const invalid: unknown[] = [
      { type: 'navigate', skillId: 'sql-fundamentals', anchor: 'joins"><img src=x>' },
      { type: 'navigate', skillId: 'sql-fundamentals', anchor: '"><img src=x>joins' },
      { type: 'navigate', skillId: 'sql-fundamentals', anchor: 'a'.repeat(201) },
      { type: 'navigate', skillId: 'sql-fundamentals/../../x' },
      { type: 'navigate', skillId: '../../x/sql-fundamentals' },
      { type: 'setComplete', skillId: 'orm-basics\n', complete: true },
      { type: 'answerQuiz', render: 1, skillId: 'a', questionId: 'q/../x', choice: 0 },
      { type: 'answerQuiz', render: 1, skillId: 'a', questionId: '../x-q', choice: 0 },
    ];
    for (const message of invalid) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
    assert.deepEqual(parseWebviewMessage({ type: 'navigate', skillId: 'a', anchor: 'a'.repeat(200) }), { type: 'navigate', skillId: 'a', anchor: 'a'.repeat(200) });
  });
});
