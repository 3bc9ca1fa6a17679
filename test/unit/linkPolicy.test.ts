import * as assert from 'node:assert/strict';
import { checkExternalUrl, classifyLink } from '../../src/lessons/linkPolicy';

describe('link policy', () => {
  it('classifies links to other lessons, with and without a heading, from either folder form', () => {
    assert.deepEqual(classifyLink('../05-rest-basics/lesson.md'), { kind: 'lesson', folder: '05-rest-basics' });
    assert.deepEqual(classifyLink('./05-rest-basics/lesson.md'), { kind: 'lesson', folder: '05-rest-basics' });
    assert.deepEqual(classifyLink('05-rest-basics/lesson.md'), { kind: 'lesson', folder: '05-rest-basics' });
    assert.deepEqual(classifyLink('../05-rest-basics/lesson.md#status-codes'), { kind: 'lesson', folder: '05-rest-basics', anchor: 'status-codes' });
    assert.deepEqual(classifyLink('  ../05-rest-basics/lesson.md  '), { kind: 'lesson', folder: '05-rest-basics' }, 'surrounding space is ignored');
  });

  it('never takes a link that merely contains a lesson path for a lesson link', () => {
    for (const href of [
      'https://evil.example/05-rest-basics/lesson.md', // another site's page of the same name
      '../../05-rest-basics/lesson.md', // a folder above the lessons
      '.../05-rest-basics/lesson.md',
      '../05-rest-basics/lesson.md?x=1',
      '../05-rest-basics/lesson.md#a b',
      '../05-rest-basics/lesson.mdx',
      '../5-rest-basics/lesson.md',
      '../05-REST/lesson.md',
    ]) {
      assert.notEqual(classifyLink(href).kind, 'lesson', href);
    }
    assert.deepEqual(classifyLink('https://evil.example/05-rest-basics/lesson.md'), { kind: 'external', url: 'https://evil.example/05-rest-basics/lesson.md' });
  });

  it('takes only a whole #id as an in-page anchor', () => {
    assert.deepEqual(classifyLink('#status-codes'), { kind: 'anchor', anchor: 'status-codes' });
    assert.deepEqual(classifyLink(' #status_codes '), { kind: 'anchor', anchor: 'status_codes' });
    for (const href of ['#a b', '#a"onclick', '#a/../x', '#', 'x#a']) assert.notEqual(classifyLink(href).kind, 'anchor', href);
    assert.equal(classifyLink('#a b').kind, 'refused');
  });

  it('lets only plain https URLs leave the editor, and says why it refuses the others', () => {
    assert.deepEqual(checkExternalUrl('https://nodejs.org/api/http.html#http'), { ok: true, url: 'https://nodejs.org/api/http.html#http' });
    assert.deepEqual(checkExternalUrl('HTTPS://Example.ORG'), { ok: true, url: 'https://example.org/' }, 'normalised as the URL parser does');
    assert.deepEqual(checkExternalUrl('http://example.org/'), { ok: false, reason: 'the http: scheme is not allowed' });
    assert.deepEqual(checkExternalUrl('javascript:alert(1)'), { ok: false, reason: 'the javascript: scheme is not allowed' });
    assert.deepEqual(checkExternalUrl('file:///etc/passwd'), { ok: false, reason: 'the file: scheme is not allowed' });
    assert.deepEqual(checkExternalUrl('command:workbench.action.terminal.new'), { ok: false, reason: 'the command: scheme is not allowed' });
    assert.deepEqual(checkExternalUrl('/relative/path'), { ok: false, reason: 'not an absolute URL' });
    assert.deepEqual(checkExternalUrl(''), { ok: false, reason: 'not an absolute URL' });
    assert.deepEqual(checkExternalUrl('https://'), { ok: false, reason: 'not an absolute URL' });
  });

  it('refuses URLs that carry a user name, a password or both', () => {
    for (const href of ['https://user@example.org/', 'https://:secret@example.org/', 'https://user:secret@example.org/']) {
      assert.deepEqual(checkExternalUrl(href), { ok: false, reason: 'the URL carries credentials' }, href);
    }
  });

  it('passes refusals on through classifyLink, with the reason', () => {
    assert.deepEqual(classifyLink('http://example.org/'), { kind: 'refused', reason: 'the http: scheme is not allowed' });
    assert.deepEqual(classifyLink('https://user@example.org/'), { kind: 'refused', reason: 'the URL carries credentials' });
    assert.deepEqual(classifyLink('notes.txt'), { kind: 'refused', reason: 'not an absolute URL' });
    assert.deepEqual(classifyLink(' https://example.org/a '), { kind: 'external', url: 'https://example.org/a' });
  });
});
