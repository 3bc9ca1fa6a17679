// The same router behind a real node:http server (src/server.js), with real requests: raw
// targets reach the router still encoded, and the status line and header fields go over the wire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Response } from '../src/http.js';
import { Router } from '../src/router.js';
import { createServer } from '../src/server.js';

async function start(t) {
  const router = new Router();
  router.add('GET', '/files/{name}', (req, params) => Response.json({ name: params.name }));
  router.add('PUT', '/files/{name}', () => new Response(204));
  const server = createServer(router);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address();
  return (method, path) => new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('over HTTP: 405 carries Allow and OPTIONS answers 204', async (t) => {
  const send = await start(t);
  const wrong = await send('DELETE', '/files/report.pdf');
  assert.equal(wrong.status, 405, 'DELETE /files/report.pdf over HTTP must answer 405.');
  assert.equal(wrong.headers.allow, 'GET, HEAD, PUT', 'The Allow field must reach the client: GET, HEAD, PUT.');
  const options = await send('OPTIONS', '/files/report.pdf');
  assert.equal(options.status, 204, 'OPTIONS /files/report.pdf over HTTP must answer 204.');
  assert.equal(options.headers.allow, 'GET, HEAD, PUT', 'OPTIONS must send the same Allow list.');
});

test('over HTTP: HEAD gets the GET status and fields without a body', async (t) => {
  const send = await start(t);
  const head = await send('HEAD', '/files/a.txt');
  assert.equal(head.status, 200, 'HEAD /files/a.txt must answer like GET (200).');
  assert.equal(head.headers['content-type'], 'application/json', 'HEAD must carry the Content-Type the GET handler set.');
  assert.equal(head.body, '', 'HEAD has no body.');
});

test('over HTTP: the raw target is split before it is decoded', async (t) => {
  const send = await start(t);
  const slash = await send('GET', '/files/a%2Fb?download=1');
  assert.equal(slash.status, 200, 'GET /files/a%2Fb?download=1 must reach the /files/{name} route.');
  assert.deepEqual(JSON.parse(slash.body), { name: 'a/b' }, "The encoded slash is data: name must be 'a/b'.");
  const traversal = await send('GET', '/files/%2e%2e');
  assert.equal(traversal.status, 400, "GET /files/%2e%2e must answer 400: it decodes to '..'.");
  const redirect = await send('GET', '//evil.example/');
  assert.equal(redirect.status, 404, 'GET //evil.example/ must answer 404, never a redirect to another host.');
  assert.equal(redirect.headers.location, undefined, 'No Location may point to //evil.example.');
});
