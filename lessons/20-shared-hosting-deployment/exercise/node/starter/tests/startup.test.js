import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfApp, randomValues, request, startApp, tempDir, writeEnvFile } from './helpers.js';

// Starts copies of the app the way Passenger does, from a working directory somewhere else, with the
// configuration in a .env file instead of the environment. The starts run side by side.

describe('starting like Passenger', { concurrency: true }, () => {
  it('app.js reads the .env file next to it, not one in the working directory', async (t) => {
    const appRoot = copyOfApp(t);
    writeEnvFile(appRoot, randomValues());
    const elsewhere = tempDir(t);
    writeEnvFile(elsewhere, { DB_DSN: 'sqlite::memory:' }); // an unrelated, incomplete .env where Passenger or cron happens to start you
    const app = await startApp(t, { appRoot, cwd: elsewhere });
    assert.ok(app.answered, `app.js with a complete .env next to it (and no configuration in the environment) must start and answer /health, whatever the working directory: resolve the file from import.meta.url (new URL('./.env', import.meta.url)), never from process.cwd() or a relative '.env'. Output: ${app.output().slice(0, 300)}`);
  });

  it('APP_ENV_FILE names the configuration file', async (t) => {
    const dir = tempDir(t);
    const file = writeEnvFile(dir, randomValues());
    const app = await startApp(t, { cwd: '/', env: { APP_ENV_FILE: file } });
    assert.ok(app.answered, `with APP_ENV_FILE pointing at a complete .env file (and no configuration in the environment) app.js must load that file and start: use process.env.APP_ENV_FILE when it is set. Output: ${app.output().slice(0, 300)}`);
  });

  it('a dot folder is never served, at any depth', async (t) => {
    const appRoot = copyOfApp(t);
    const folder = `.hidden-${randomBytes(4).toString('hex')}`;
    mkdirSync(join(appRoot, 'public', 'css', folder), { recursive: true });
    mkdirSync(join(appRoot, 'public', folder), { recursive: true });
    writeFileSync(join(appRoot, 'public', 'css', folder, 'notes.txt'), 'leaked\n');
    writeFileSync(join(appRoot, 'public', folder, 'app.css'), 'leaked\n');
    const app = await startApp(t, { appRoot, env: { APP_ENV_FILE: join(appRoot, 'no-such.env'), ...randomValues() } });
    assert.ok(app.answered, `app.js did not start. Output: ${app.output().slice(0, 300)}`);
    for (const path of [`/css/${folder}/notes.txt`, `/${folder}/app.css`, `/%2e${folder.slice(1)}/app.css`]) {
      const response = await request(app.port, path);
      assert.ok([403, 404].includes(response.status), `GET ${path} must be refused (403 or 404): a folder whose name starts with a dot (.git, .well-hidden) is as private as a dotfile. Refuse EVERY segment of the decoded path that starts with a dot, not only the last one`);
      assert.ok(!response.body.includes('leaked'), `GET ${path} served a file from a dot folder`);
    }
  });
});
