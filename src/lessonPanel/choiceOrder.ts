import { createHash } from 'node:crypto';

/**
 * The order in which one learner sees a question's choices: a Fisher–Yates shuffle driven by a
 * hash of (learner seed, skill, question). The same learner gets the same order on every reload
 * and machine (the seed is synced), different learners get independent orders, and the order does
 * not depend on where the correct answer sits in quiz.json.
 *
 * Returns file indices in display order: `order[position]` is the choice shown at `position`.
 */
export function choiceOrder(seed: string, skillId: string, questionId: string, choiceCount: number): number[] {
  const order = Array.from({ length: Math.max(0, choiceCount) }, (_, index) => index);
  // JSON keeps the three parts apart, so ("a-b","c") and ("a","b-c") never hash alike.
  const key = JSON.stringify([seed, skillId, questionId]);
  let block = Buffer.alloc(0);
  let counter = 0;
  let offset = 0;
  const nextUnit = (): number => {
    if (offset + 6 > block.length) {
      block = createHash('sha256').update(`${key}#${counter++}`).digest();
      offset = 0;
    }
    const value = block.readUIntBE(offset, 6); // 48 bits: the modulo bias below is < 1e-13
    offset += 6;
    return value;
  };
  for (let last = order.length - 1; last > 0; last--) {
    const pick = nextUnit() % (last + 1);
    [order[last], order[pick]] = [order[pick], order[last]];
  }
  return order;
}
