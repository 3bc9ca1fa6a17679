import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { numberOption, parseCommandLine, UsageError } from '../../scripts/lib/cli.mjs';
import { checkoutPort, isPortFree, portForCheckout } from '../../scripts/lib/codeServer/server.mjs';

const USAGE = 'node x.mjs [--timeout <minutes>] [--keep]';
const options = { timeout: { type: 'string' as const }, keep: { type: 'boolean' as const } };
const parse = (args: string[]) => parseCommandLine({ options, usage: USAGE, args });

describe('script command lines', () => {
  it('reads known options', () => {
    const { values } = parse(['--keep', '--timeout', '3']);
    assert.equal(values.keep, true);
    assert.equal(numberOption(values, 'timeout', { min: 1 }), 3);
    assert.equal(numberOption(parse([]).values, 'timeout', { min: 1 }), undefined);
  });

  it('refuses an option without its value instead of turning it into NaN (the e2e run died after 2 ms)', () => {
    assert.throws(() => parse(['--timeout']), (error: Error) => error instanceof UsageError && /--timeout/.test(error.message) && error.message.includes(USAGE));
    assert.throws(() => parse(['--timeout', '--keep']), UsageError);
  });

  it('refuses unknown options and values that are not numbers', () => {
    assert.throws(() => parse(['--timout', '3']), (error: Error) => error instanceof UsageError && /--timout/.test(error.message));
    for (const bad of ['abc', '', ' ', '0', '-5', 'NaN', 'Infinity']) {
      assert.throws(() => numberOption(parse(['--timeout', bad]).values, 'timeout', { min: 1 }), UsageError, bad);
    }
  });
});

describe('npm start keeps one port per checkout', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  const occupy = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const server = createServer();
      servers.push(server);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });

  it('derives the same port from the same path, and different ports for different checkouts', () => {
    assert.equal(checkoutPort('/home/a/backend-path'), checkoutPort('/home/a/backend-path/'));
    assert.notEqual(checkoutPort('/home/a/backend-path'), checkoutPort('/home/b/backend-path'));
    const port = checkoutPort('/home/a/backend-path');
    assert.ok(port >= 20_000 && port < 30_000);
  });

  it('uses the checkout\'s port when free, and falls back (saying so) when it is taken', async function () {
    const checkout = `/tmp/backend-path-port-test-${process.pid}`;
    const preferred = checkoutPort(checkout);
    if (!(await isPortFree(preferred))) this.skip(); // someone else holds it on this machine
    assert.deepEqual(await portForCheckout(checkout), { port: preferred, preferred, fellBack: false });
    await occupy(preferred);
    const fallback = await portForCheckout(checkout);
    assert.equal(fallback.fellBack, true);
    assert.notEqual(fallback.port, preferred);
    assert.equal(await isPortFree(preferred), false);
  });
});
