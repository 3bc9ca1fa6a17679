import * as assert from 'node:assert/strict';
import type { ExerciseHint } from '../../src/curriculum/types';
import { hintForFailingTests, hintsToReveal, parseShowHintRequest } from '../../src/exercises/hintTargets';

const HINTS: ExerciseHint[] = [
  { id: 'concept', section: 's', text: 'a', tests: ['answers 201 on POST'] },
  { id: 'approach', text: 'b', tests: ['testRejectsAnExpiredToken', 'answers 405 with Allow'] },
  { id: 'fragment', text: 'c', tests: ['answers 405 with Allow'] },
];

describe('show hint (which hints a request reveals)', () => {
  it('reads the command argument strictly', () => {
    assert.deepEqual(parseShowHintRequest({ skillId: 'http-fundamentals', stack: 'php', hintId: 'concept' }), { skillId: 'http-fundamentals', stack: 'php', hintId: 'concept' });
    assert.deepEqual(parseShowHintRequest('http-fundamentals'), { skillId: 'http-fundamentals' });
    assert.deepEqual(parseShowHintRequest({ skillId: 'a' }), { skillId: 'a' });
    for (const bad of [undefined, null, 5, [], '', 'Bad Id', { skillId: 'a', stack: 'python' }, { skillId: 'a', hintId: 'Not An Id' }, { stack: 'php' }, JSON.parse('{"__proto__":{"skillId":"a"}}')]) {
      assert.equal(parseShowHintRequest(bad), undefined, JSON.stringify(bad));
    }
  });

  it('reveals every hint up to the one asked for, or the next one not revealed yet', () => {
    assert.deepEqual(hintsToReveal(HINTS, [], 'fragment'), ['concept', 'approach', 'fragment']);
    assert.deepEqual(hintsToReveal(HINTS, [], 'concept'), ['concept']);
    assert.deepEqual(hintsToReveal(HINTS, []), ['concept']);
    assert.deepEqual(hintsToReveal(HINTS, ['concept']), ['concept', 'approach']);
    assert.deepEqual(hintsToReveal(HINTS, ['concept', 'approach', 'fragment']), ['concept', 'approach', 'fragment'], 'all revealed: the last again');
    assert.equal(hintsToReveal(HINTS, [], 'nope'), undefined);
    assert.equal(hintsToReveal([], []), undefined);
  });

  it('finds the first hint that addresses a failing test', () => {
    assert.equal(hintForFailingTests(HINTS, ['answers 405 with Allow'])?.id, 'approach');
    assert.equal(hintForFailingTests(HINTS, ['something else', 'answers 201 on POST'])?.id, 'concept');
    assert.equal(hintForFailingTests(HINTS, ['testRejectsAnExpiredToken '])?.id, 'approach', 'names are compared trimmed');
    assert.equal(hintForFailingTests(HINTS, ['answers 201']), undefined, 'a part of a name is not the name');
    assert.equal(hintForFailingTests(HINTS, []), undefined);
  });
});
