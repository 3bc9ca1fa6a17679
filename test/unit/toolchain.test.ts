import * as assert from 'node:assert/strict';
import { resolveTestCommand } from '../../src/exercises/toolchain';

const probe = (versions: Record<string, string>) => async (tool: string) => versions[tool];

describe('exercise toolchain', () => {
  it('runs node --test on Node 22 or newer', async () => {
    assert.deepEqual(await resolveTestCommand('node', probe({ node: 'v24.11.0\n' }), false), { ok: true, command: 'node --test' });
  });

  it('explains an old Node and a missing Node with a next step', async () => {
    const old = await resolveTestCommand('node', probe({ node: 'v20.19.0' }), false);
    assert.equal(old.ok, false);
    assert.match(old.ok ? '' : old.problem, /v20\.19\.0.*22 or newer/);
    const missing = await resolveTestCommand('node', probe({}), false);
    assert.match(missing.ok ? '' : missing.nextStep, /Install Node\.js 24/);
  });

  it('prefers vendor/bin/phpunit, then phpunit on PATH', async () => {
    const php = 'PHP 8.2.29 (cli) (built: Jul  3 2025)';
    assert.deepEqual(await resolveTestCommand('php', probe({ php }), true), { ok: true, command: 'vendor/bin/phpunit' });
    assert.deepEqual(await resolveTestCommand('php', probe({ php, phpunit: 'PHPUnit 9.6.7' }), false), { ok: true, command: 'phpunit' });
    const none = await resolveTestCommand('php', probe({ php }), false);
    assert.match(none.ok ? '' : none.nextStep, /composer install/);
  });

  it('refuses PHP older than 8.2 and a missing PHP', async () => {
    const old = await resolveTestCommand('php', probe({ php: 'PHP 8.1.2 (cli)' }), true);
    assert.match(old.ok ? '' : old.problem, /8\.2 or newer/);
    const missing = await resolveTestCommand('php', probe({}), true);
    assert.match(missing.ok ? '' : missing.problem, /PHP was not found/);
  });
});
