import * as assert from 'node:assert/strict';
import { choiceOrder } from '../../src/lessonPanel/choiceOrder';

describe('choice order', () => {
  it('is a permutation of the file indices, the same on every call', () => {
    for (let count = 0; count <= 8; count++) {
      const order = choiceOrder('seed', 'http-fundamentals', 'status-405', count);
      assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: count }, (_, index) => index));
      assert.deepEqual(choiceOrder('seed', 'http-fundamentals', 'status-405', count), order);
    }
  });

  it('differs between learners, skills and questions', () => {
    const orders = new Set<string>();
    for (let learner = 0; learner < 40; learner++) orders.add(choiceOrder(`learner-${learner}`, 'orm-basics', 'n-plus-one', 4).join());
    assert.ok(orders.size >= 15, `40 learners saw ${orders.size} of the 24 orders`);
    const bySkill = new Set(Array.from({ length: 20 }, (_, index) => choiceOrder('one', `skill-${index}`, 'q', 4).join()));
    const byQuestion = new Set(Array.from({ length: 20 }, (_, index) => choiceOrder('one', 'skill', `q-${index}`, 4).join()));
    assert.ok(bySkill.size >= 8 && byQuestion.size >= 8);
  });

  it('keeps the parts apart: ("a-b", "c") and ("a", "b-c") are different keys', () => {
    const samples = Array.from({ length: 12 }, (_, index) => [choiceOrder(`s${index}`, 'a-b', 'c', 6).join(), choiceOrder(`s${index}`, 'a', 'b-c', 6).join()]);
    assert.ok(samples.some(([left, right]) => left !== right));
  });

  it('puts the correct answer (any file position) at every display position about equally often', () => {
    // 4 choices, 8,000 learners: each display position should get the answer ~2,000 times.
    // A chi-square over 3 degrees of freedom above 16.27 happens by chance once in 1,000 runs.
    for (const answer of [0, 3]) {
      const counts = [0, 0, 0, 0];
      for (let learner = 0; learner < 8000; learner++) counts[choiceOrder(`l${learner}`, 'caching', 'ttl', 4).indexOf(answer)]++;
      const chiSquare = counts.reduce((sum, count) => sum + (count - 2000) ** 2 / 2000, 0);
      assert.ok(chiSquare < 16.27, `answer at file index ${answer} landed ${counts.join('/')} (chi² ${chiSquare.toFixed(1)})`);
    }
  });

  it('reaches all 24 orders of 4 choices, each about equally often', () => {
    const counts = new Map<string, number>();
    for (let learner = 0; learner < 12_000; learner++) {
      const key = choiceOrder(`k${learner}`, 'skill', 'q', 4).join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.equal(counts.size, 24);
    const chiSquare = [...counts.values()].reduce((sum, count) => sum + (count - 500) ** 2 / 500, 0);
    assert.ok(chiSquare < 49.7, `chi² ${chiSquare.toFixed(1)} over 23 degrees of freedom`); // p ≈ 0.001
  });
});
