import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ToolHost, ToolSettings } from '../../src/exercises/toolchain';
import { findOnPath, locateNode, resolveTestCommand } from '../../src/exercises/toolchain';

/** A machine: executables on PATH with their --version output, and files that exist. */
function host(onPath: Record<string, string>, versions: Record<string, string>, files: string[] = []): ToolHost & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    version: async (executable) => {
      ran.push(executable);
      return versions[executable];
    },
    which: async (command) => onPath[command],
    exists: async (path) => files.includes(path),
  };
}
const none: ToolSettings = { nodePath: '', phpPath: '' };

describe('exercise toolchain', () => {
  it('runs node --test with the node found on PATH, and says where it was found', async () => {
    const result = await resolveTestCommand('node', '/ex', none, host({ node: '/usr/bin/node' }, { '/usr/bin/node': 'v24.11.0\n' }), join);
    assert.deepEqual(result, {
      ok: true,
      executable: '/usr/bin/node',
      args: ['--test'],
      found: [{ tool: 'node', path: '/usr/bin/node', source: 'PATH', version: 'v24.11.0' }],
    });
  });

  it('prefers the configured backendPath.nodePath over PATH', async () => {
    const machine = host({ node: '/usr/bin/node' }, { '/usr/bin/node': 'v20.19.0', '/opt/node24/bin/node': 'v24.1.0' });
    const result = await resolveTestCommand('node', '/ex', { nodePath: '/opt/node24/bin/node', phpPath: '' }, machine, join);
    assert.ok(result.ok);
    assert.equal(result.executable, '/opt/node24/bin/node');
    assert.equal(result.found[0].source, 'setting');
    assert.deepEqual(machine.ran, ['/opt/node24/bin/node'], 'the PATH one is not even asked');
  });

  it('names the old Node it found, where, and the setting to change', async () => {
    const old = await locateNode(none, host({ node: '/usr/bin/node' }, { '/usr/bin/node': 'v20.19.0' }));
    assert.deepEqual(old, {
      ok: false,
      reason: 'tooOld',
      setting: 'nodePath',
      minimum: '22',
      found: { tool: 'node', path: '/usr/bin/node', source: 'PATH', version: 'v20.19.0' },
    });
    const missing = await locateNode(none, host({}, {}));
    assert.deepEqual(missing, { ok: false, reason: 'notFound', tool: 'node', setting: 'nodePath', configured: undefined });
    const broken = await locateNode({ nodePath: ' /nope/node ', phpPath: '' }, host({ node: '/usr/bin/node' }, { '/usr/bin/node': 'v24.0.0' }));
    assert.deepEqual(broken, { ok: false, reason: 'notFound', tool: 'node', setting: 'nodePath', configured: '/nope/node' });
  });

  it('runs vendor/bin/phpunit, else phpunit on PATH, always with the PHP it checked', async () => {
    const php = 'PHP 8.2.29 (cli) (built: Jul  3 2025)';
    const vendor = join('/ex', 'vendor', 'bin', 'phpunit');
    const withVendor = await resolveTestCommand('php', '/ex', none, host({ php: '/usr/bin/php', phpunit: '/usr/bin/phpunit' }, { '/usr/bin/php': php }, [vendor]), join);
    assert.ok(withVendor.ok);
    assert.equal(withVendor.executable, '/usr/bin/php');
    assert.deepEqual(withVendor.args, [vendor]);
    const global = await resolveTestCommand('php', '/ex', { nodePath: '', phpPath: '/opt/php/bin/php' }, host({ phpunit: '/usr/bin/phpunit' }, { '/opt/php/bin/php': php }), join);
    assert.ok(global.ok);
    assert.equal(global.executable, '/opt/php/bin/php');
    assert.deepEqual(global.args, ['/usr/bin/phpunit']);
    const noPhpunit = await resolveTestCommand('php', '/ex', none, host({ php: '/usr/bin/php' }, { '/usr/bin/php': php }), join);
    assert.deepEqual(noPhpunit, { ok: false, reason: 'notFound', tool: 'phpunit', setting: undefined, configured: undefined });
  });

  it('refuses PHP older than 8.2 and a missing PHP', async () => {
    const old = await resolveTestCommand('php', '/ex', none, host({ php: '/usr/bin/php' }, { '/usr/bin/php': 'PHP 8.1.2 (cli)' }), join);
    assert.equal(old.ok ? '' : old.reason, 'tooOld');
    assert.equal(!old.ok && old.reason === 'tooOld' ? old.found.path : '', '/usr/bin/php');
    const edge = await resolveTestCommand('php', '/ex', none, host({ php: '/p', phpunit: '/u' }, { '/p': 'PHP 8.2.0 (cli)' }), join);
    assert.ok(edge.ok, '8.2.0 is new enough');
    const missing = await resolveTestCommand('php', '/ex', none, host({}, {}), join);
    assert.deepEqual(missing, { ok: false, reason: 'notFound', tool: 'php', setting: 'phpPath', configured: undefined });
  });

  it('finds a command on PATH in order, skipping empty entries and non-executables', async () => {
    const executable = new Set(['/b/node', '/c/node']);
    const found = await findOnPath('node', ':/a::/b:/c', ':', (dir, name) => `${dir}/${name}`, async (path) => executable.has(path));
    assert.equal(found, '/b/node');
    assert.equal(await findOnPath('php', '/a:/b', ':', (dir, name) => `${dir}/${name}`, async () => false), undefined);
    const windows = await findOnPath('node', 'C:\\n', ';', (dir, name) => `${dir}\\${name}`, async (path) => path === 'C:\\n\\node.exe', ['.exe', '']);
    assert.equal(windows, 'C:\\n\\node.exe');
  });
});
