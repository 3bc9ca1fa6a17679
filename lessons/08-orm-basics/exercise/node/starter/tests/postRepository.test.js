import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Author } from '../src/author.js';
import { Post } from '../src/post.js';
import { PostRepository } from '../src/postRepository.js';
import { counting, openBlog, seededRandom } from './helpers.js';

function setUp() {
  const raw = openBlog();
  const { db, counts } = counting(raw);
  return { raw, counts, repo: new PostRepository(db) };
}

const describe = (posts) => posts.map((p) => `${p.id}|${p.title}|${p.body}|${p.author.id}|${p.author.name}|${p.author.email}`);
const ids = (posts) => posts.map((p) => p.id);

/** Calls update() and turns an SQL error into a failure that names the rule. */
function callUpdate(repo, id, input) {
  try {
    return repo.update(id, input);
  } catch (error) {
    assert.fail(`update() let the input reach the SQL text (${error.message}): take column names from your own allowlist and bind only the values`);
  }
}

test('the naive version shows the N+1 problem', () => {
  const { counts, repo } = setUp();
  repo.findAllWithAuthorsNaive();
  assert.equal(counts.statements, 51, 'Do not change findAllWithAuthorsNaive(): it is the N+1 baseline (1 query + 50 author lookups)');
});

test('findAllWithAuthors uses at most two statements', () => {
  const { counts, repo } = setUp();
  const posts = repo.findAllWithAuthors();
  assert.ok(counts.statements <= 2,
    `findAllWithAuthors() ran ${counts.statements} statements: load authors with a JOIN or one WHERE id IN (...) query, never one query per post (or per author)`);
  assert.equal(posts.length, 50, 'findAllWithAuthors() must return all 50 posts');
});

test('findAllWithAuthors matches the naive result', () => {
  const { repo } = setUp();
  const expected = describe(repo.findAllWithAuthorsNaive());
  assert.deepEqual(describe(repo.findAllWithAuthors()), expected,
    'findAllWithAuthors() must return the same posts, authors and order as the naive version: add ORDER BY p.id, because without it the database may return rows in any order');
  assert.ok(repo.findAllWithAuthors().every((p) => p instanceof Post && p.author instanceof Author),
    'findAllWithAuthors() must return Post objects whose author is an Author object');
});

test('the identity map lives in one repository, not in a module-level variable', () => {
  const { raw, repo } = setUp();
  repo.findAllWithAuthors();
  repo.search('Post');
  raw.exec("UPDATE users SET name = 'Renamed Author' WHERE id = 4");

  const fresh = new PostRepository(raw);
  assert.equal(fresh.findAllWithAuthors()[0].author.name, 'Renamed Author',
    'A new PostRepository returned an Author loaded by an earlier one: the identity map must be a Map local to the repository (or one call), not a module-level variable or static field shared by every request');
  assert.equal(fresh.search('Post 1')[0].author.name, 'Renamed Author',
    'search() on a new PostRepository returned a stale Author: do not keep the identity map at module level');
});

test('posts by the same author share one Author instance', () => {
  const { repo } = setUp();
  const byAuthor = new Map();
  for (const post of repo.findAllWithAuthors()) {
    if (!byAuthor.has(post.author.id)) byAuthor.set(post.author.id, post.author);
    assert.equal(post.author, byAuthor.get(post.author.id),
      `Posts by author ${post.author.id} got different Author objects: keep an identity map (a Map keyed by user id) and reuse the first instance`);
  }
  assert.equal(byAuthor.size, 10, 'The 50 posts are written by 10 authors');
});

test('update changes only allowlisted fields', () => {
  const { raw, repo } = setUp();
  const changed = repo.update(1, { title: 'X', is_admin: 1, is_pinned: 1, user_id: 2, id: 99 });
  const row = raw.prepare('SELECT id, user_id, title, body, is_pinned FROM posts WHERE id = 1').get();
  assert.equal(changed, 1, 'update() must return the number of changed rows (1 here)');
  assert.equal(row.title, 'X', 'update() must change the title');
  assert.equal(row.user_id, 4, 'update() must ignore user_id: allowlist only title and body');
  assert.equal(row.is_pinned, 0, 'update() must ignore is_pinned: allowlist only title and body');
  assert.equal(row.body, 'Body of post 1', 'update() must not touch body when it is not in the input');
  assert.equal(raw.prepare('SELECT COUNT(*) AS n FROM users WHERE is_admin = 1').get().n, 0, 'update() must never write to users');
  assert.equal(raw.prepare('SELECT COUNT(*) AS n FROM posts WHERE id = 99').get().n, 0, 'update() must never change the id');
});

test('update returns rows, not fields', () => {
  const { raw, repo } = setUp();
  assert.equal(repo.update(6, { title: 'Both', body: 'Changed' }), 1,
    'update() changed two fields of ONE post and must return 1, the number of rows changed: return the changes count from run()');
  const row = raw.prepare('SELECT title, body FROM posts WHERE id = 6').get();
  assert.deepEqual({ ...row }, { title: 'Both', body: 'Changed' }, 'update() must apply title and body together');
});

test('update with nothing allowed or an unknown id changes nothing', () => {
  const { raw, repo } = setUp();
  assert.equal(repo.update(1, { is_pinned: 1 }), 0, 'update() with no allowed fields must return 0 and run no UPDATE');
  assert.equal(repo.update(999, { title: 'Ghost' }), 0, 'update() for an unknown id must return 0');
  let result;
  try {
    result = repo.update(2, { title: 42, body: ['not', 'text'] });
  } catch (error) {
    assert.fail(`update() sent a title or body that is not a string to SQLite (${error.message}): JSON can send numbers and arrays, so accept only strings (typeof value === 'string') and ignore the rest`);
  }
  assert.equal(result, 0, 'update() must ignore a title or body that is not a string (JSON can send numbers and arrays): nothing allowed, return 0');
  assert.equal(raw.prepare('SELECT title FROM posts WHERE id = 2').get().title, 'Post 2', 'a non-string title must not be written');
});

test('update ignores columns nobody listed', () => {
  // A column added later must stay protected without touching update(): that is what an
  // allowlist gives and a denylist does not.
  const { raw, repo } = setUp();
  raw.exec('ALTER TABLE posts ADD COLUMN views INTEGER NOT NULL DEFAULT 0');
  const changed = callUpdate(repo, 2, { views: 1000, title: 'Fresh title', is_featured: 1 });
  const row = raw.prepare('SELECT title, body, views FROM posts WHERE id = 2').get();
  assert.equal(changed, 1, 'update() must return 1 after changing the title of post 2');
  assert.equal(row.title, 'Fresh title', 'update() must change the title');
  assert.equal(row.views, 0, 'update() wrote the new column "views": list the writable columns (title, body) instead of removing known bad keys');
});

test('update never turns input keys into SQL', () => {
  const { raw, repo } = setUp();
  callUpdate(repo, 3, { "title = 'owned', body": 'x', body: 'New body' });
  const row = raw.prepare('SELECT title, body FROM posts WHERE id = 3').get();
  assert.equal(row.title, 'Post 3', 'An input key changed the SQL of update(): build SET from your own column list, never from the keys of the input');
  assert.equal(row.body, 'New body', 'update() must still apply the allowed body field');
  assert.equal(raw.prepare("SELECT COUNT(*) AS n FROM posts WHERE body = 'New body' OR title = 'owned'").get().n, 1,
    'update() must change only the post with the given id');
});

test('update ignores inherited properties and a parsed __proto__ key', () => {
  const { raw, repo } = setUp();
  // JSON.parse makes "__proto__" an own property; copying it with Object.assign or a spread into
  // a new object turns it into that object's prototype, and its title then looks like input.
  const input = JSON.parse('{"__proto__": {"title": "pwned"}, "body": "Only the body"}');
  assert.equal(callUpdate(repo, 4, input), 1, 'update() must change post 4 (its body)');
  const row = raw.prepare('SELECT title, body FROM posts WHERE id = 4').get();
  assert.equal(row.body, 'Only the body', 'update() must apply the body');
  assert.equal(row.title, 'Post 4',
    'update() wrote a title that was never an own property of the input: read only own properties (Object.hasOwn(input, column)) straight from the input, without copying it into a new object first');
  assert.equal(callUpdate(repo, 5, Object.create({ title: 'inherited' })), 0, 'an inherited title is not input: update() must return 0');
  // A body may carry a key named like a method, and a parser may hand over an object without a
  // prototype: input.hasOwnProperty(...) then throws, Object.hasOwn(input, ...) does not.
  const bare = Object.assign(Object.create(null), { title: 'No prototype' });
  for (const [postId, odd, title] of [[6, JSON.parse('{"hasOwnProperty": "x", "title": "Shadowed"}'), 'Shadowed'], [7, bare, 'No prototype']]) {
    let changed;
    try {
      changed = repo.update(postId, odd);
    } catch (error) {
      assert.fail(`update() threw on input ${JSON.stringify(odd)} (${error.message}): check own properties with Object.hasOwn(input, column), not input.hasOwnProperty(column), which a key can shadow and an object without a prototype lacks`);
    }
    assert.equal(changed, 1, `update() must change post ${postId} from an input that owns a title`);
    assert.equal(raw.prepare('SELECT title FROM posts WHERE id = ?').get(postId).title, title, `update() must write the own title ${JSON.stringify(title)}`);
  }
});

test('update with nothing allowed sends no statement', () => {
  const { counts, repo } = setUp();
  assert.equal(callUpdate(repo, 5, { is_pinned: 1, user_id: 3 }), 0, 'update() with no allowed fields must return 0');
  assert.equal(counts.prepared + counts.statements, 0,
    `update() with no allowed fields prepared ${counts.prepared} and ran ${counts.statements} statement(s): return 0 before preparing anything`);
});

test('update ignores a title that is empty or only whitespace', () => {
  const { raw, counts, repo } = setUp();
  const titleOf = (postId) => raw.prepare('SELECT title FROM posts WHERE id = ?').get(postId).title;
  ['', ' ', '\t', '  \n  ', '\r\n\t ', ' '.repeat(40)].forEach((blank, n) => {
    const postId = 20 + n;
    counts.prepared = 0;
    counts.statements = 0;
    assert.equal(callUpdate(repo, postId, { title: blank }), 0,
      `update() with the title ${JSON.stringify(blank)} must return 0: an empty or whitespace-only title is invalid input, ignored like a value that is not a string (check title.trim() === '')`);
    assert.equal(counts.prepared + counts.statements, 0,
      `update() with only a blank title (${JSON.stringify(blank)}) must prepare no statement: drop the blank title first, then return 0 because nothing allowed is left`);
    assert.equal(titleOf(postId), `Post ${postId}`, `update() wrote the blank title ${JSON.stringify(blank)}: a post must keep a title with some text`);
  });

  assert.equal(callUpdate(repo, 31, { title: ' \t ', body: 'Body kept apart' }), 1,
    'update() with a blank title and a valid body must still change the body (1 row)');
  assert.deepEqual({ ...raw.prepare('SELECT title, body FROM posts WHERE id = 31').get() }, { title: 'Post 31', body: 'Body kept apart' },
    'update() must drop only the blank title and still apply the body');
  assert.equal(callUpdate(repo, 32, { body: '   ' }), 1, 'only the title must have text: a body of spaces is still a string and is written');

  // Titles with text are valid, including ones JavaScript calls falsy or equal to 0, and padded ones.
  for (const [postId, title] of [[33, '0'], [34, 'a b'], [35, '.'], [36, '00'], [37, '  padded\t'], [38, '\u00e9']]) {
    assert.equal(callUpdate(repo, postId, { title }), 1,
      `update() refused the title ${JSON.stringify(title)}, which has text: refuse only titles that are empty after trim() (not falsy ones, not == 0)`);
    assert.equal(titleOf(postId), title, `update() must write the title ${JSON.stringify(title)} exactly as given (do not trim what you store)`);
  }
});

test('update ignores a title or body that is not a string', () => {
  const { raw, repo } = setUp();
  [42, 0, 1.5, true, false, null, ['x'], { title: 'nested' }, {}].forEach((value, n) => {
    const postId = 40 + n;
    for (const field of ['title', 'body']) {
      let changed;
      try {
        changed = repo.update(postId, { [field]: value });
      } catch (error) {
        assert.fail(`update() threw on the ${field} ${JSON.stringify(value)} (${error.message}): JSON can send numbers, booleans, null, arrays and objects; keep only string values (typeof value === 'string') and ignore the rest`);
      }
      assert.equal(changed, 0, `update() must ignore the ${field} ${JSON.stringify(value)}, which is not a string: nothing allowed is left, so return 0`);
    }
    const row = raw.prepare('SELECT title, body FROM posts WHERE id = ?').get(postId);
    assert.deepEqual({ ...row }, { title: `Post ${postId}`, body: `Body of post ${postId}` }, `a title or body ${JSON.stringify(value)} must not be written`);
  });
});

test('search matches seeded random needles literally', () => {
  const { raw, repo } = setUp();
  const rand = seededRandom(808);
  // Wildcards, quotes, GLOB characters and the escape characters people pick for LIKE (\\ ! ^ # |).
  const alphabet = ['a', 'b', 'A', '%', '_', '\\', "'", '5', ' ', '*', '?', '[', '!', '^', '#', '|'];
  const insert = raw.prepare('INSERT INTO posts (id, user_id, title, body) VALUES (?, ?, ?, ?)');
  const titles = new Map(raw.prepare('SELECT id, title FROM posts ORDER BY id').all().map((row) => [row.id, row.title]));
  for (let id = 100; id < 140; id += 1) {
    let title = '';
    for (let i = rand(3, 9); i > 0; i -= 1) title += alphabet[rand(0, alphabet.length - 1)];
    insert.run(id, rand(1, 10), title, 'generated');
    titles.set(id, title);
  }
  for (let n = 0; n < 40; n += 1) {
    const source = titles.get(rand(100, 139));
    const start = rand(0, source.length - 1);
    const needle = source.slice(start, start + rand(1, 3));
    // LIKE ignores ASCII case in SQLite, so the expectation does too.
    const expected = [...titles].filter(([, title]) => title.toLowerCase().includes(needle.toLowerCase())).map(([id]) => id);
    assert.deepEqual(ids(repo.search(needle)), expected,
      `search(${JSON.stringify(needle)}) must return exactly the posts whose title contains it, by id: escape \\, % and _ with a backslash (q.replace(/[\\\\%_]/g, '\\\\$&')) and use LIKE :p ESCAPE '\\'`);
  }
});

test('search is not injectable', () => {
  const { raw, repo } = setUp();
  assert.deepEqual(repo.search("%' OR 1=1 --"), [], 'search() returned rows for an injection string: bind the pattern with a placeholder');
  assert.equal(raw.prepare('SELECT COUNT(*) AS n FROM posts').get().n, 50, 'search() must never change the table');
});

test('search treats percent and underscore literally', () => {
  const { repo } = setUp();
  assert.deepEqual(ids(repo.search('50%')), [7], 'search("50%") must match only the title containing "50%": escape % and _ and use LIKE ... ESCAPE');
  assert.deepEqual(ids(repo.search('snake_case')), [9], 'search("snake_case") must not treat _ as a wildcard (it matched "snakeXcase")');
  assert.deepEqual(ids(repo.search('Post 1')).slice(0, 3), [1, 11, 12], 'search("Post 1") must return matching posts ordered by id');
});

test('search hydrates authors', () => {
  const { repo } = setUp();
  const results = repo.search('50%');
  assert.equal(results.length, 1, 'search("50%") must return exactly one post');
  assert.ok(results[0] instanceof Post, 'search() must return Post objects');
  assert.equal(results[0].author.name, 'Author 2', 'search() must return Post objects with their Author');
  const all = repo.search('Post');
  const authorOf7 = all.filter((p) => p.author.id === 7);
  assert.ok(authorOf7.length > 1 && authorOf7.every((p) => p.author === authorOf7[0].author),
    'search() must share one Author instance between posts by the same author, like findAllWithAuthors()');
});

test('toJSON exposes only public fields', () => {
  const { repo } = setUp();
  const post = repo.findAllWithAuthorsNaive()[0];
  const json = JSON.stringify(post);
  assert.deepEqual(JSON.parse(json), { id: 1, title: 'Post 1', body: 'Body of post 1', author: { id: 4, name: 'Author 4' } },
    'JSON.stringify(post) must give exactly id, title, body and author {id, name}: write toJSON() field by field, never spread the entity');
  assert.ok(!json.includes('$2y$'), 'Post.toJSON() leaks the password hash');
  // A property added to the entity tomorrow must not reach the client either.
  const author = new Author(3, 'Ann', 'ann@example.com', 'hash');
  author.resetToken = 'secret-reset-token';
  const later = new Post(5, 'T', 'B', author);
  later.internalNote = 'do not publish';
  assert.deepEqual(JSON.parse(JSON.stringify(later)), { id: 5, title: 'T', body: 'B', author: { id: 3, name: 'Ann' } },
    'toJSON() published a property added later (resetToken, internalNote): list the public fields instead of copying the object');
});
