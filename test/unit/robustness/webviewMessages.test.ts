import * as assert from 'node:assert/strict';
import type { WebviewMessage } from '../../../src/lessonPanel/protocol';
import { parseWebviewMessage } from '../../../src/lessonPanel/protocol';
import { checkExternalUrl } from '../../../src/lessons/linkPolicy';
import { CATALOG, Harness, block } from '../sessionHarness';
import { Random, prototypeChanges, prototypeSnapshot } from './support';

/** The shape of each valid message: required keys, and keys that may be present. */
const SHAPES: Record<WebviewMessage['type'], { required: readonly string[]; optional: readonly string[] }> = {
  ready: { required: ['type', 'render'], optional: [] },
  setComplete: { required: ['type', 'skillId', 'complete'], optional: [] },
  navigate: { required: ['type', 'skillId'], optional: ['anchor'] },
  history: { required: ['type', 'direction'], optional: [] },
  openExternal: { required: ['type', 'href'], optional: [] },
  copyCode: { required: ['type', 'render', 'block'], optional: [] },
  insertCode: { required: ['type', 'render', 'block'], optional: [] },
  runInTerminal: { required: ['type', 'render', 'block'], optional: [] },
  runCode: { required: ['type', 'render', 'block'], optional: [] },
  answerQuiz: { required: ['type', 'render', 'skillId', 'questionId', 'choice'], optional: [] },
  resetQuiz: { required: ['type', 'render', 'skillId'], optional: [] },
  exercise: { required: ['type', 'skillId', 'action'], optional: ['stack'] },
  revealHint: { required: ['type', 'skillId', 'stack', 'hintId'], optional: [] },
};
const TYPES = Object.keys(SHAPES) as WebviewMessage['type'][];

const MESSAGES = 12_000;
const MEGABYTE = 1 << 20;
const HUGE = 'a'.repeat(MEGABYTE);
const HUGE_HREF = `https://example.com/${'a'.repeat(MEGABYTE)}`;

function deepNest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { nested: value } : [value];
  return value;
}

/** Sets a key as an own data property, so `__proto__` is data and not the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Generated {
  readonly value: unknown;
  /** What the parser must return: the clean message, or undefined when the generator meant it to be invalid. */
  readonly expected: WebviewMessage | undefined;
  readonly kind: string;
}

class MessageGenerator {
  constructor(private readonly random: Random) {}

  skillId(): string {
    const parts = 1 + this.random.int(4);
    const id = Array.from({ length: parts }, () => this.random.string(1 + this.random.int(12))).join('-');
    return id.slice(0, 100).replace(/-+$/, '') || 'a';
  }

  index(): number {
    return this.random.pick([0, 1, 2, 9, 10_000, this.random.int(10_001)]);
  }

  render(): number {
    return this.random.pick([1, 2, 7, 2 ** 31 - 1, 1 + this.random.int(1000)]);
  }

  anchor(): string {
    return this.random.string(1 + this.random.int(200), 'abcXYZ019_-');
  }

  jsonValue(depth = 0): unknown {
    const kind = this.random.int(depth > 3 ? 6 : 9);
    switch (kind) {
      case 0: return null;
      case 1: return this.random.chance(0.5);
      case 2: return this.random.pick([0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, -0.0001, this.random.int(1000)]);
      case 3: return this.random.string(this.random.int(20), 'ab"<>\'\\/\u0000\u2028é😀 ');
      case 4: return this.random.pick(['ready', '__proto__', 'constructor', 'prototype', 'javascript:alert(1)', '']);
      case 5: return this.random.pick([HUGE, HUGE_HREF, 'x'.repeat(2049)]);
      case 6: return Array.from({ length: this.random.int(4) }, () => this.jsonValue(depth + 1));
      case 7: return this.randomObject(depth + 1);
      default: return deepNest(100 + this.random.int(2000), this.random.pick([null, 'leaf', { type: 'ready' }]));
    }
  }

  randomObject(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = this.random.int(4);
    for (let i = 0; i < keys; i++) setOwn(out, this.extraKey(), this.jsonValue(depth));
    return out;
  }

  extraKey(): string {
    return this.random.pick(['extra', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'polluted', this.random.string(5)]);
  }

  /** Adds fields nothing reads: they must be dropped, whatever they hold. */
  withExtras(message: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...message };
    const count = this.random.chance(0.5) ? 0 : 1 + this.random.int(3);
    for (let i = 0; i < count; i++) {
      const key = this.extraKey();
      if (['type', 'skillId', 'complete', 'anchor', 'href', 'block', 'questionId', 'choice', 'action', 'render', 'direction', 'stack', 'hintId'].includes(key)) continue;
      const value = this.random.pick([
        () => this.jsonValue(),
        () => ({ polluted: true, type: 'ready' }),
        () => ({ prototype: { polluted: true } }),
      ])();
      setOwn(out, key, value);
    }
    return out;
  }

  valid(): { value: Record<string, unknown>; expected: WebviewMessage } {
    const type = this.random.pick(TYPES);
    let expected: WebviewMessage;
    switch (type) {
      case 'ready': expected = { type, render: this.render() }; break;
      case 'history': expected = { type, direction: this.random.pick(['back', 'forward'] as const) }; break;
      case 'setComplete': expected = { type, skillId: this.skillId(), complete: this.random.chance(0.5) }; break;
      case 'navigate':
        expected = this.random.chance(0.5) ? { type, skillId: this.skillId() } : { type, skillId: this.skillId(), anchor: this.anchor() };
        break;
      case 'openExternal':
        // The parser only bounds the length; the link policy decides later whether it may open.
        expected = { type, href: this.random.pick(['https://nodejs.org/', 'javascript:alert(1)', 'command:x', '', 'x'.repeat(2048)]) };
        break;
      case 'copyCode':
      case 'insertCode':
      case 'runInTerminal':
      case 'runCode': expected = { type, render: this.render(), block: this.index() }; break;
      case 'answerQuiz': expected = { type, render: this.render(), skillId: this.skillId(), questionId: this.skillId(), choice: this.index() }; break;
      case 'resetQuiz': expected = { type, render: this.render(), skillId: this.skillId() }; break;
      case 'exercise': {
        const action = this.random.pick(['start', 'check', 'showSolution'] as const);
        expected = this.random.chance(0.5) ? { type, skillId: this.skillId(), action } : { type, skillId: this.skillId(), action, stack: this.random.pick(['php', 'node'] as const) };
        break;
      }
      case 'revealHint':
        expected = { type, skillId: this.skillId(), stack: this.random.pick(['php', 'node'] as const), hintId: this.skillId().slice(0, 64).replace(/-+$/, '') || 'a' };
        break;
    }
    return { value: this.withExtras(expected as unknown as Record<string, unknown>), expected };
  }

  badValueFor(field: string): { value: unknown } | undefined {
    const wrongTypes: unknown[] = [null, 1, true, [], {}, [this.skillId()], { toString: 'x' }, deepNest(5000, 'x')];
    const byField: Record<string, unknown[]> = {
      skillId: ['', 'A', 'Http', 'a_b', '-a', 'a-', 'a--b', '../x', 'a b', 'a/b', 'a.b', 'a'.repeat(101), HUGE, '__proto__', 'constructor\n', ...wrongTypes],
      complete: ['true', 'false', 1, 0, null, [], {}],
      anchor: ['', 'a b', '"><script>', 'x'.repeat(201), HUGE, 'a#b', ...wrongTypes],
      href: ['x'.repeat(2049), HUGE_HREF, 1, null, [], {}, true],
      block: [-1, 1.5, 10_001, Number.NaN, Number.POSITIVE_INFINITY, '0', null, true, [], {}, 1e21, Number.MAX_SAFE_INTEGER],
      action: ['run', 'START', 'Check', '', 'check ', 'toString', 'constructor', null, 1, ['check']],
      render: [0, -1, 1.5, 2 ** 31, Number.NaN, '1', null, true, [], {}, 1e21],
      direction: ['up', 'Back', '', 'back ', 'toString', null, 1, ['back']],
      stack: ['PHP', 'Node', 'ruby', '', 'php ', 'toString', null, 1, ['php'], {}],
      hintId: ['', 'A', 'a_b', '-a', 'a--b', 'a'.repeat(65), HUGE, '__proto__', '<img>', ...wrongTypes],
    };
    const pool = byField[field === 'choice' ? 'block' : field === 'questionId' ? 'skillId' : field];
    return pool ? { value: this.random.pick(pool) } : undefined;
  }

  /** A valid message with exactly one field broken or missing. */
  mutated(): Generated | undefined {
    const { value, expected } = this.valid();
    const fields = [...SHAPES[expected.type].required, ...SHAPES[expected.type].optional].filter((field) => field !== 'type');
    if (fields.length === 0) return undefined;
    const field = this.random.pick(fields);
    const out = { ...value };
    if (this.random.chance(0.2) && SHAPES[expected.type].required.includes(field)) {
      delete out[field];
      return { value: out, expected: undefined, kind: `missing ${field}` };
    }
    const bad = this.badValueFor(field);
    if (!bad) return undefined;
    out[field] = bad.value;
    return { value: out, expected: undefined, kind: `bad ${field}` };
  }

  invalid(): Generated {
    for (;;) {
      switch (this.random.int(6)) {
        case 0: {
          const mutated = this.mutated();
          if (mutated) return mutated;
          break;
        }
        case 1: {
          const type = this.random.pick(['READY', ' ready', 'ready ', 'explode', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', HUGE, 1, null, true, [], { type: 'ready' }, ['ready']]);
          const base = this.valid().value;
          return { value: { ...base, type }, expected: undefined, kind: 'unknown type' };
        }
        case 2: {
          const missing = this.valid().value;
          delete missing.type;
          return { value: missing, expected: undefined, kind: 'no type' };
        }
        case 3:
          return {
            value: this.random.pick([null, undefined, 0, 42, 'ready', '{"type":"ready"}', true, HUGE, Object.assign([], { type: 'ready' }), [{ type: 'ready' }], deepNest(10_000, { type: 'ready' })]),
            expected: undefined,
            kind: 'not an object',
          };
        case 4:
          // A message whose only type comes from a `__proto__` key must not be read through it.
          return { value: JSON.parse(`{"__proto__":${JSON.stringify(this.valid().expected)}}`), expected: undefined, kind: '__proto__ carries the message' };
        default:
          return { value: this.randomObject(0), expected: undefined, kind: 'random object' };
      }
    }
  }

  next(): Generated {
    if (this.random.chance(0.35)) {
      const { value, expected } = this.valid();
      // Half of them go through JSON, as postMessage's structured clone would deliver them.
      const delivered = this.random.chance(0.5) ? roundTrip(value) : value;
      return { value: delivered, expected, kind: `valid ${expected.type}` };
    }
    return this.invalid();
  }
}

function roundTrip(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return value;
  }
}

/** Checks the result against the union by hand, independently of the parser's own code. */
function shapeProblems(result: WebviewMessage): string[] {
  const problems: string[] = [];
  if (Object.getPrototypeOf(result) !== Object.prototype) problems.push('not a plain object');
  const shape = SHAPES[result.type];
  if (!shape) return [`unknown type ${String(result.type)}`];
  const keys = Object.keys(result);
  for (const key of keys) if (!shape.required.includes(key) && !shape.optional.includes(key)) problems.push(`unknown key ${key}`);
  for (const key of shape.required) if (!keys.includes(key)) problems.push(`missing ${key}`);
  if (Object.getOwnPropertyNames(result).length !== keys.length) problems.push('hidden properties');
  return problems;
}

describe('robustness: webview messages', () => {
  const summary = { tried: 0, intendedValid: 0, accepted: 0, threw: 0, wrong: 0, huge: 0, deep: 0, protoKeys: 0 };
  after(() => {
    console.log(
      `    robustness: webview messages — ${summary.tried} generated (seeded), ${summary.intendedValid} meant valid, ${summary.accepted} accepted, ` +
        `${summary.threw} threw, ${summary.wrong} accepted/rejected wrongly, ${summary.huge} with ≥1 MB strings, ${summary.protoKeys} with __proto__/constructor/prototype keys; Object.prototype untouched`,
    );
  });

  it(`accepts exactly the well-formed messages among ${MESSAGES} generated ones, and only clean copies of them`, function () {
    this.timeout(30_000);
    const before = prototypeSnapshot();
    const generator = new MessageGenerator(new Random(0xb4c4e7d));
    const failures: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const { value, expected, kind } = generator.next();
      summary.tried += 1;
      if (expected) summary.intendedValid += 1;
      if (typeof value === 'object' && value !== null) {
        const keys = Object.keys(value);
        if (keys.some((key) => ['__proto__', 'constructor', 'prototype'].includes(key))) summary.protoKeys += 1;
        if (Object.values(value).some((field) => typeof field === 'string' && field.length >= MEGABYTE)) summary.huge += 1;
      } else if (typeof value === 'string' && value.length >= MEGABYTE) summary.huge += 1;
      let result: WebviewMessage | undefined;
      try {
        result = parseWebviewMessage(value);
      } catch (error) {
        summary.threw += 1;
        failures.push(`#${i} (${kind}) threw ${String(error)}`);
        continue;
      }
      if (result) summary.accepted += 1;
      if (!expected) {
        if (result) {
          summary.wrong += 1;
          failures.push(`#${i} (${kind}) was accepted as ${JSON.stringify(result).slice(0, 200)}`);
        }
        continue;
      }
      if (!result) {
        summary.wrong += 1;
        failures.push(`#${i} (${kind}) was rejected: ${JSON.stringify(expected).slice(0, 200)}`);
        continue;
      }
      const problems = shapeProblems(result);
      if (result === value) problems.push('returned the input object itself');
      try {
        assert.deepStrictEqual(result, expected);
      } catch {
        problems.push(`got ${JSON.stringify(result).slice(0, 200)}`);
      }
      if (problems.length > 0) {
        summary.wrong += 1;
        failures.push(`#${i} (${kind}): ${problems.join('; ')}`);
      }
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
    assert.equal(summary.accepted, summary.intendedValid);
    assert.ok(summary.intendedValid > 3000 && summary.tried - summary.intendedValid > 6000, 'both kinds are well represented');
    assert.ok(summary.huge > 50, 'huge strings were tried');
    assert.deepEqual(prototypeChanges(before), []);
  });

  it('ignores a message whose fields exist only on a polluted-looking prototype key', () => {
    const before = prototypeSnapshot();
    for (const text of [
      '{"__proto__":{"type":"setComplete","skillId":"a","complete":true}}',
      '{"type":"setComplete","__proto__":{"skillId":"a","complete":true}}',
      '{"constructor":{"prototype":{"type":"ready"}}}',
      '{"type":"navigate","skillId":"a","__proto__":{"anchor":"x"}}',
    ]) {
      const result = parseWebviewMessage(JSON.parse(text));
      if (result) assert.deepEqual(shapeProblems(result), [], text);
      if (result?.type === 'navigate') assert.equal(result.anchor, undefined, 'an anchor under __proto__ is not read');
      else assert.equal(result, undefined, text);
    }
    assert.deepEqual(prototypeChanges(before), []);
  });
});

/**
 * The same generated messages, delivered to the real session and the real actions (with a
 * recording stand-in for vscode). Valid messages are often retargeted at what the page really
 * shows (its render number, real skill ids, real block indices), so the handlers run, not only the
 * validator.
 */
describe('robustness: webview messages through the real handler and actions', () => {
  const HANDLED = 6_000;
  const summary = { delivered: 0, retargeted: 0, threw: 0, terminal: 0, ran: 0, opened: 0, refusedLinks: 0, completions: 0, commands: 0, violations: 0 };
  after(() => {
    console.log(
      `    robustness: message handler — ${summary.delivered} messages to the real session (${summary.retargeted} aimed at the live page), ${summary.threw} threw, ` +
        `untrusted: ${summary.terminal} terminal sends and ${summary.ran} Node runs; ${summary.opened} links opened (all https by policy), ` +
        `${summary.completions} completions and ${summary.commands} exercise commands (all for real skills), ${summary.violations} violations`,
    );
  });

  const skillIds = CATALOG.skills.map((skill) => skill.id);
  const blocks = [
    block(0, 'curl -i http://127.0.0.1:3000/health', 'terminal'),
    block(1, 'console.log("hi")', 'node'),
    block(2, 'curl https://api.example/users'),
    block(3, 'echo ok\u001b]0;x\u0007', 'terminal'),
  ];

  function retarget(random: Random, value: Record<string, unknown>, harness: Harness): Record<string, unknown> {
    const out = { ...value };
    if ('render' in out) out.render = random.chance(0.8) ? harness.session.render : out.render;
    if ('skillId' in out && random.chance(0.7)) out.skillId = random.pick(skillIds);
    if ('block' in out && random.chance(0.8)) out.block = random.int(blocks.length + 1);
    if ('questionId' in out && random.chance(0.8)) out.questionId = random.pick(['status-405', 'vary', 'missing']);
    if (out.type === 'navigate' && random.chance(0.5)) delete out.anchor;
    return out;
  }

  async function drive(trusted: boolean, seed: number): Promise<Harness> {
    const harness = new Harness({ trusted, blocks });
    await harness.open(skillIds[0]);
    const random = new Random(seed);
    const generator = new MessageGenerator(random);
    for (let i = 0; i < HANDLED / 2; i++) {
      let { value } = generator.next();
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && random.chance(0.6)) {
        value = retarget(random, value as Record<string, unknown>, harness);
        summary.retargeted += 1;
      }
      summary.delivered += 1;
      try {
        await harness.session.handleMessage(value);
      } catch {
        summary.threw += 1;
      }
      // Keep a page ready, as the webview would after each navigation.
      await harness.session.handleMessage({ type: 'ready', render: harness.session.render });
    }
    return harness;
  }

  it(`handles ${HANDLED} generated messages without throwing; untrusted pages run nothing`, async function () {
    this.timeout(60_000);
    const before = prototypeSnapshot();
    const untrusted = await drive(false, 0x5eed1);
    const trusted = await drive(true, 0x5eed2);
    summary.terminal = untrusted.record.terminal.length;
    summary.ran = untrusted.record.ran.length;
    const violations: string[] = [];
    if (untrusted.record.confirmed.length > 0) violations.push('an untrusted workspace asked to run a command');
    for (const harness of [untrusted, trusted]) {
      const { record } = harness;
      summary.opened += record.opened.length;
      summary.completions += record.completions.length;
      summary.commands += record.commands.length;
      for (const url of record.opened) if (!checkExternalUrl(url).ok) violations.push(`opened ${url}`);
      for (const [skillId] of record.completions) if (!skillIds.includes(skillId)) violations.push(`completed unknown ${skillId}`);
      for (const [command, skillId] of record.commands) {
        if (!skillIds.includes(skillId) || !['cmd.start', 'cmd.check', 'cmd.solution'].includes(command)) violations.push(`ran ${command} ${skillId}`);
      }
      // Only the one runnable terminal block may ever reach a terminal, and only as written.
      for (const command of record.terminal) if (command !== blocks[0].code) violations.push(`terminal got ${JSON.stringify(command)}`);
      for (const code of record.ran) if (code !== blocks[1].code) violations.push(`Node ran ${JSON.stringify(code)}`);
      if (record.errors.length > 0) violations.push(`errors: ${record.errors.slice(0, 3).join('; ')}`);
    }
    summary.refusedLinks = untrusted.record.warnings.concat(trusted.record.warnings).filter((warning) => warning.startsWith('Refused to open a link')).length;
    summary.violations = violations.length;
    assert.deepEqual(violations.slice(0, 10), []);
    assert.equal(summary.threw, 0);
    assert.equal(summary.terminal + summary.ran, 0);
    // The handlers really ran: the trusted session sent the runnable block and ran the snippet.
    assert.ok(trusted.record.terminal.length > 0 && trusted.record.ran.length > 0, 'the trusted run paths were reached');
    assert.ok(trusted.record.refused.includes('controlCharacters') && trusted.record.refused.includes('notRunnable'));
    assert.ok(summary.completions > 20 && summary.commands > 20 && summary.refusedLinks > 20, JSON.stringify(summary));
    assert.deepEqual(prototypeChanges(before), []);
  });
});
