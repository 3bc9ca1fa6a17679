import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsolute } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

test('defaults give a working configuration', () => {
  const config = loadConfig({});
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.port, 3000);
  assert.equal(config.logLevel, 'info');
  assert.ok(isAbsolute(config.dbPath), 'relative DB_PATH is resolved against the project');
  assert.ok(Object.isFrozen(config));
});

test('reads and converts environment values', () => {
  const config = loadConfig({ PORT: '0', DB_PATH: ':memory:', BODY_LIMIT_BYTES: '100', LOG_LEVEL: 'silent' });
  assert.equal(config.port, 0);
  assert.equal(config.dbPath, ':memory:');
  assert.equal(config.bodyLimitBytes, 100);
});

test('PORT must be an integer from 0 to 65535', () => {
  for (const port of ['abc', '-1', '65536', '80.5', '1e3', '']) {
    assert.throws(() => loadConfig({ PORT: port }), ConfigError, `PORT=${JSON.stringify(port)}`);
  }
  assert.equal(loadConfig({ PORT: '65535' }).port, 65535);
});

test('reports every invalid value at once, by name', () => {
  assert.throws(
    () => loadConfig({ PORT: 'http', LOG_LEVEL: 'loud' }),
    (error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PORT must be an integer from 0 to 65535, got "http"/);
      assert.match(error.message, /LOG_LEVEL must be one of/);
      return true;
    },
  );
});
