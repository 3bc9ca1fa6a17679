import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Request, Response } from '../src/http.js';
import { Router } from '../src/router.js';

/** A router with the routes the tests use; `calls` records [handler name, params] of every call. */
function setUp() {
  const calls = [];
  const router = new Router();
  const handler = (name) => (request, params) => {
    calls.push([name, { ...params }]);
    return new Response(200, { 'Content-Type': 'application/json' }, JSON.stringify({ handler: name }));
  };
  // Static route first, so it must win over the parameter route below.
  router.add('GET', '/users/me', handler('me'));
  router.add('GET', '/users/{id:\\d+}', handler('showUser'));
  router.add('DELETE', '/users/{id:\\d+}', handler('deleteUser'));
  router.add('GET', '/files/latest', handler('latestFile'));
  router.add('GET', '/files/{name}', handler('showFile'));
  router.add('PUT', '/files/{name}', handler('putFile'));
  router.add('GET', '/', handler('home'));
  const send = (method, target) => router.dispatch(new Request(method, target));
  return { router, calls, send, handler };
}

test('GET with a typed parameter calls the handler with params', () => {
  const { send, calls } = setUp();
  const response = send('GET', '/users/42');
  assert.equal(response.status, 200, 'GET /users/42 must reach the handler and return its 200 response.');
  assert.deepEqual(calls, [['showUser', { id: '42' }]], "The handler must receive { id: '42' } (a string) as its second argument.");
});

test('the root path matches', () => {
  const { send } = setUp();
  assert.equal(send('GET', '/').status, 200, "The pattern '/' must match the path '/'.");
});

test('the query string is not part of the path', () => {
  const { send, calls } = setUp();
  assert.equal(send('GET', '/users/42?fields=name').status, 200, 'Match on request.path only; the query string is not part of the route.');
  assert.deepEqual(calls, [['showUser', { id: '42' }]], 'The parameter must not include the query string.');
});

test('a parameter that fails its pattern gives 404', () => {
  const { send, calls } = setUp();
  assert.equal(send('GET', '/users/abc').status, 404, "'abc' does not match {id:\\d+}, so no route matches: answer 404.");
  assert.deepEqual(calls, [], 'No handler may run when the parameter pattern fails.');
});

test('a parameter pattern is anchored at both ends', () => {
  const { router, send, handler } = setUp();
  assert.equal(send('GET', '/users/x42').status, 404, "Anchor the parameter regex: 'x42' must not match \\d+ (wrap it as ^(?:...)$).");
  assert.equal(send('GET', '/users/42x').status, 404, "Anchor the parameter regex: '42x' must not match \\d+ (wrap it as ^(?:...)$).");
  assert.equal(send('GET', '/users/42%0A').status, 404, "'42' followed by a newline must not match \\d+.");
  router.add('GET', '/reports/{kind:daily|weekly}', handler('report'));
  assert.equal(send('GET', '/reports/weekly').status, 200, '/reports/weekly must match {kind:daily|weekly}.');
  for (const path of ['/reports/dailyX', '/reports/Xweekly']) {
    assert.equal(send('GET', path).status, 404,
      `${path} matched {kind:daily|weekly}: ^daily|weekly$ anchors only the first alternative's start and the last one's end; put the whole regex in a group: ^(?:daily|weekly)$`);
  }
});

test('an unknown path gives 404', () => {
  const { send } = setUp();
  assert.equal(send('GET', '/orders/1').status, 404, 'A path that no route matches must return 404.');
  assert.equal(send('GET', '/users/42/posts').status, 404, 'A path with more segments than any pattern must return 404: a parameter matches exactly one segment.');
});

test('a wrong method gives 405 with an Allow header', () => {
  const { send, calls } = setUp();
  const response = send('POST', '/users/42');
  assert.equal(response.status, 405, 'The path matched but the method did not: answer 405, not 404.');
  assert.equal(response.header('Allow'), 'DELETE, GET, HEAD', "A 405 must carry Allow with the path's methods, sorted, plus HEAD when GET exists: 'DELETE, GET, HEAD'.");
  assert.deepEqual(calls, [], 'No handler may run for a 405.');
});

test('Allow lists only the methods of that path', () => {
  const { send } = setUp();
  const files = send('DELETE', '/files/report.pdf');
  assert.equal(files.status, 405, 'DELETE /files/report.pdf: the path matches GET and PUT routes, so the answer is 405.');
  assert.equal(files.header('Allow'), 'GET, HEAD, PUT', "Allow must list the methods of the routes matching THIS path (GET, PUT, plus HEAD), not every method the router knows: 'GET, HEAD, PUT'.");
  assert.equal(send('PATCH', '/users/7').header('Allow'), 'DELETE, GET, HEAD', "PATCH /users/7: PUT belongs to /files/{name}, not to this path, so Allow is 'DELETE, GET, HEAD'.");
});

test('OPTIONS reports Allow without running a handler', () => {
  const { send, calls } = setUp();
  const response = send('OPTIONS', '/users/42');
  assert.equal(response.status, 204, 'OPTIONS on a known path without its own route must succeed with 204 No Content.');
  assert.equal(response.header('Allow'), 'DELETE, GET, HEAD', 'OPTIONS must report the same Allow list a 405 would: the methods of this path, sorted, plus HEAD.');
  assert.equal(response.body, '', 'A 204 response carries no content.');
  assert.deepEqual(calls, [], 'OPTIONS asks what the resource supports; no handler may run.');
  assert.equal(send('OPTIONS', '/orders/1').status, 404, 'OPTIONS on a path no route matches is still 404.');
});

test('HEAD runs the GET handler without a body', () => {
  const get = setUp().send('GET', '/users/42');
  const { send, calls } = setUp();
  const head = send('HEAD', '/users/42');
  assert.equal(head.status, 200, 'HEAD on a GET route must succeed with the GET status (200).');
  assert.equal(head.body, '', 'A response to HEAD must have an empty body.');
  assert.equal(head.header('Content-Type'), get.header('Content-Type'), 'HEAD must keep the header fields the GET handler set, including Content-Type.');
  assert.deepEqual(calls, [['showUser', { id: '42' }]], 'HEAD must run the GET handler once, with the same params.');
});

test('a trailing slash redirects permanently to the canonical path', () => {
  const { send, calls } = setUp();
  const response = send('GET', '/users/42/');
  assert.equal(response.status, 308, 'A trailing slash on a known route must redirect with 308 (permanent, method kept).');
  assert.equal(response.header('Location'), '/users/42', 'Location must be the same path without the trailing slash.');
  assert.deepEqual(calls, [], 'Redirect before running any handler.');
});

test('a trailing-slash redirect keeps the query string', () => {
  const { send } = setUp();
  assert.equal(send('GET', '/users/42/?tab=posts').header('Location'), '/users/42?tab=posts', 'Keep the query string when redirecting away from the trailing slash.');
});

test('a trailing slash on an unknown path is 404, not a redirect', () => {
  const { send } = setUp();
  assert.equal(send('GET', '/orders/').status, 404, 'Only redirect when the path without the slash matches a route; otherwise 404.');
  assert.equal(send('GET', '//evil.example/').status, 404, "Never redirect '//evil.example/' to '//evil.example' (an open redirect): empty segments match nothing.");
});

test('an encoded slash is decoded exactly once', () => {
  const { send, calls } = setUp();
  send('GET', '/files/a%2Fb');
  send('GET', '/files/a%252Fb');
  assert.deepEqual(calls[0], ['showFile', { name: 'a/b' }], "Split the raw path on '/' first, then decode each segment: '/files/a%2Fb' gives name 'a/b'.");
  assert.deepEqual(calls[1], ['showFile', { name: 'a%2Fb' }], "Decode only once: '/files/a%252Fb' gives name 'a%2Fb', not 'a/b'.");
  send('GET', '/files/q1+q2%20final');
  assert.deepEqual(calls[2], ['showFile', { name: 'q1+q2 final' }], "Decode path segments with decodeURIComponent(): in a path '+' is a plus sign, only '%20' is a space ('+' as space is form encoding).");
  send('GET', '/files/Zo%C3%AB');
  assert.deepEqual(calls[3], ['showFile', { name: 'Zoë' }], "Percent-encoded UTF-8 must decode to text: '/files/Zo%C3%AB' gives 'Zoë'.");
});

test('dot segments and malformed encodings are rejected with 400', () => {
  const { send, calls } = setUp();
  assert.equal(send('GET', '/files/%2e%2e').status, 400, "A segment that decodes to '..' or '.' must be rejected with 400 before matching.");
  for (const path of ['/files/.', '/files/%2E', '/files/..']) {
    assert.equal(send('GET', path).status, 400, `${path}: a segment that is (or decodes to) '.' or '..' is a dot segment and must be rejected with 400.`);
  }
  for (const path of ['/files/%zz', '/files/%E0%A4%A']) {
    let response;
    try {
      response = send('GET', path);
    } catch (error) {
      assert.fail(`${path} made dispatch() throw (${error.name}: ${error.message}): decodeURIComponent throws a URIError on malformed percent-encoding; catch it and answer 400.`);
    }
    assert.equal(response.status, 400, `${path} is not valid percent-encoding: answer 400.`);
  }
  assert.deepEqual(calls, [], "No handler may receive '.', '..' or a half-decoded value as a parameter.");
});

test('the static route registered first wins', () => {
  const { send, calls } = setUp();
  send('GET', '/users/me');
  assert.deepEqual(calls, [['me', {}]], "'/users/me' was registered before '/users/{id}': the first matching route must win.");
  send('GET', '/files/latest');
  send('GET', '/files/other');
  assert.deepEqual(calls.slice(1), [['latestFile', {}], ['showFile', { name: 'other' }]],
    "'/files/latest' also matches '/files/{name}', but it was registered first, so it wins; try the routes in registration order and stop at the first match.");
});

test('a parameter never matches an empty segment', () => {
  const { router, send } = setUp();
  router.add('GET', '/tags/{tag}/posts', (request, params) => new Response(200, {}, `tag=${params.tag}`));
  assert.equal(send('GET', '/tags/php/posts').status, 200, '/tags/php/posts must match /tags/{tag}/posts.');
  assert.equal(send('GET', '/tags//posts').status, 404, "'/tags//posts' has an empty segment where {tag} is: a parameter needs at least one character, so answer 404.");
});

test('an invalid parameter regex is rejected at registration', () => {
  const router = new Router();
  assert.doesNotThrow(() => router.add('GET', '/ok/{id:[0-9]+}', () => new Response()), 'add() must accept a valid typed parameter such as {id:[0-9]+}.');
  assert.throws(() => router.add('GET', '/broken/{id:[0-9}', () => new Response()), SyntaxError,
    "add() must throw a SyntaxError for the broken regex '[0-9': compile it with new RegExp() when the route is added, not on the first request.");
});

test('seeded random paths route like a reference matcher', () => {
  // Random ids, names and methods against the same routes: the status and the params must follow
  // the rules, whatever the data.
  const { send, calls } = setUp();
  let state = 5;
  const rand = (n) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
  const methods = ['GET', 'PUT', 'DELETE', 'POST', 'PATCH'];
  for (let i = 0; i < 60; i += 1) {
    const method = methods[rand(methods.length)];
    if (rand(2) === 0) {
      const id = String(rand(100000));
      const response = send(method, `/users/${id}`);
      const expected = method === 'GET' || method === 'DELETE' ? 200 : 405;
      assert.equal(response.status, expected, `${method} /users/${id} must answer ${expected}`);
      if (expected === 200) assert.deepEqual(calls.at(-1)[1], { id }, `${method} /users/${id} must pass { id: '${id}' }`);
    } else {
      const name = `f${rand(1000)}-${'x'.repeat(rand(4))}.txt`;
      const response = send(method, `/files/${encodeURIComponent(name)}`);
      const expected = method === 'GET' || method === 'PUT' ? 200 : 405;
      assert.equal(response.status, expected, `${method} /files/${name} must answer ${expected}`);
      if (expected === 405) assert.equal(response.header('Allow'), 'GET, HEAD, PUT', `${method} /files/${name}: Allow is 'GET, HEAD, PUT'`);
      if (expected === 200) assert.deepEqual(calls.at(-1)[1], { name }, `${method} /files/${name} must pass the decoded name`);
    }
  }
});

test('HEAD and OPTIONS routes of their own take precedence', () => {
  const { router, send, calls, handler } = setUp();
  // A cheap HEAD (no body to build) and a CORS preflight handler: registered, so they run.
  router.add('HEAD', '/reports/{id:\\d+}', handler('headReport'));
  router.add('GET', '/reports/{id:\\d+}', handler('getReport'));
  router.add('OPTIONS', '/reports/{id:\\d+}', handler('preflight'));
  send('HEAD', '/reports/3');
  send('OPTIONS', '/reports/3');
  assert.deepEqual(calls, [['headReport', { id: '3' }], ['preflight', { id: '3' }]],
    'A HEAD or OPTIONS route registered for the path must run like any other route: fall back to the GET handler (HEAD) or the automatic 204 (OPTIONS) only when the path has no route for that method.');
});

test('HEAD is allowed only where GET is', () => {
  const { router, send, calls, handler } = setUp();
  router.add('POST', '/uploads', handler('upload'));
  for (const method of ['GET', 'HEAD', 'DELETE']) {
    const response = send(method, '/uploads');
    assert.equal(response.status, 405, `${method} /uploads: the path has only a POST route, so answer 405 (HEAD borrows a GET handler, and there is none).`);
    assert.equal(response.header('Allow'), 'POST', `${method} /uploads: Allow must be 'POST'. Add HEAD to Allow only when the path has a GET route.`);
  }
  const options = send('OPTIONS', '/uploads');
  assert.equal(options.status, 204, 'OPTIONS /uploads must answer 204.');
  assert.equal(options.header('Allow'), 'POST', "OPTIONS /uploads: Allow must be 'POST' (no GET, so no HEAD).");
  assert.deepEqual(calls, [], 'No handler may run for a 405 or an automatic OPTIONS.');
});

test('only . and .. are dot segments', () => {
  const { send, calls } = setUp();
  // Names that merely start with or contain dots are ordinary data.
  const names = ['.well-known', '.env.example', 'v1..v2.diff', '...', '..hidden'];
  for (const name of names) {
    const response = send('GET', `/files/${encodeURIComponent(name)}`);
    assert.equal(response.status, 200, `/files/${name}: only a segment that decodes to exactly '.' or '..' is a dot segment; '${name}' is a normal name and must reach the route.`);
  }
  assert.deepEqual(calls.map(([, params]) => params.name), names, 'Each name must reach the handler unchanged.');
});

test('a trailing-slash redirect keeps the path encoded', () => {
  const { send } = setUp();
  const response = send('GET', '/files/a%2Fb/');
  assert.equal(response.status, 308, "'/files/a%2Fb/' matches /files/{name} without the slash, so redirect with 308.");
  assert.equal(response.header('Location'), '/files/a%2Fb',
    "Location must be the raw path without its trailing slash ('/files/a%2Fb'): decoding it would turn the encoded slash into a separator and send the client to another URL.");
});

test('matching is case-sensitive', () => {
  const { router, send, calls, handler } = setUp();
  // Literals that differ only in case are different paths, so a second route may own one of them.
  router.add('GET', '/Files/{name}', handler('capitalFiles'));
  router.add('GET', '/reports/{kind:daily|weekly}', handler('report'));
  for (const path of ['/Users/me', '/USERS/7', '/users/ME', '/uSeRs/42', '/FILES/latest', '/files/LATEST/x', '/Reports/daily']) {
    const response = send('GET', path);
    assert.equal(response.status, 404, `GET ${path}: a literal segment matches only the same text, case included ('Users' is not 'users'), so no route matches: 404. Compare literals with ===, without toLowerCase().`);
  }
  for (const kind of ['DAILY', 'Weekly', 'dAILY']) {
    const response = send('GET', `/reports/${kind}`);
    assert.equal(response.status, 404, `GET /reports/${kind}: the regex daily|weekly is used as written (no 'i' flag), so '${kind}' does not match: 404.`);
  }
  assert.equal(send('GET', '/Users/me/').status, 404, "GET /Users/me/: without the slash the path matches no route (case counts), so 404, not a redirect.");
  assert.deepEqual(calls, [], 'No handler may run for a path that differs from every pattern in case.');
  send('GET', '/Files/Report.PDF');
  send('GET', '/files/Report.PDF');
  send('GET', '/reports/weekly');
  assert.deepEqual(calls, [['capitalFiles', { name: 'Report.PDF' }], ['showFile', { name: 'Report.PDF' }], ['report', { kind: 'weekly' }]],
    "'/Files/...' and '/files/...' are different paths with their own routes, and parameter values keep their case: never lower-case the path.");
});

test('Allow names each method once', () => {
  const { send, calls } = setUp();
  // GET /files/latest matches two GET routes ('/files/latest' and '/files/{name}') and one PUT.
  for (const method of ['DELETE', 'POST']) {
    const response = send(method, '/files/latest');
    assert.equal(response.status, 405, `${method} /files/latest must answer 405.`);
    assert.equal(response.header('Allow'), 'GET, HEAD, PUT', `${method} /files/latest: two GET routes match this path, but Allow names each method once ('GET, HEAD, PUT'): collect the methods in a Set.`);
  }
  assert.equal(send('OPTIONS', '/files/latest').header('Allow'), 'GET, HEAD, PUT', 'OPTIONS /files/latest: the same Allow list, each method once.');
  assert.deepEqual(calls, [], 'No handler may run for a 405 or an automatic OPTIONS.');
});
