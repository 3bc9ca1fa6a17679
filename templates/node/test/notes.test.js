import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, migrations, openDatabase } from '../src/db.js';
import { createNotesRepository } from '../src/notes.js';

// A fresh in-memory database per test: real SQL, no files, no leftovers.
let db;
let notes;
beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
  notes = createNotesRepository(db);
});

test('create returns the stored note with database defaults', () => {
  const note = notes.create({ title: 'Groceries', body: 'Milk, eggs' });
  assert.equal(typeof note.id, 'number');
  assert.equal(note.title, 'Groceries');
  assert.equal(note.body, 'Milk, eggs');
  assert.match(note.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('find returns the note, or null when missing', () => {
  const note = notes.create({ title: 'Hello' });
  assert.deepEqual(notes.find(note.id), note);
  assert.equal(notes.find(9999), null);
});

test('latest is newest first and limited', () => {
  const ids = ['first', 'second', 'third'].map((title) => notes.create({ title }).id);
  assert.deepEqual(
    notes.latest(2).map((note) => note.id),
    [ids[2], ids[1]],
  );
});

test('values are never interpreted as SQL', () => {
  const evil = "x'); DROP TABLE notes; --";
  const note = notes.create({ title: evil, body: evil });
  assert.equal(notes.find(note.id).title, evil);
});

test('the schema enforces constraints too', () => {
  assert.throws(() => notes.create({ title: '' }), /CHECK constraint failed/);
});

test('migrate is idempotent and records the version', () => {
  assert.equal(migrate(db), 0);
  assert.equal(db.prepare('PRAGMA user_version').get().user_version, migrations.length);
});

test('a failing migration is rolled back completely', () => {
  const fresh = openDatabase(':memory:');
  assert.throws(
    () => migrate(fresh, ['CREATE TABLE a (id INTEGER)', 'CREATE TABLE b (id INTEGER); CREATE TABLE a (x)']),
    /Migration failed/,
  );
  const tables = fresh.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  assert.deepEqual(tables.map((row) => row.name), ['a']);
  assert.equal(fresh.prepare('PRAGMA user_version').get().user_version, 1);
  fresh.close();
});

test('foreign keys are enforced', () => {
  assert.equal(db.prepare('PRAGMA foreign_keys').get().foreign_keys, 1);
});
