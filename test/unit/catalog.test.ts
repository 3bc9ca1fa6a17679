import * as assert from 'node:assert/strict';
import { CatalogError, parseCatalog } from '../../src/curriculum/parseCatalog';
import { readRepoFile } from './helpers';

function validCatalogJson(): Record<string, unknown> {
  return JSON.parse(readRepoFile('lessons/curriculum.json')) as Record<string, unknown>;
}

function problemsOf(text: string): readonly string[] {
  try {
    parseCatalog(text);
  } catch (error) {
    assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('the catalog was accepted');
}

describe('catalog validation', () => {
  it('loads the shipped curriculum: 3 stages, 22 skills, seed order and metadata', () => {
    const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
    assert.equal(catalog.path.title, 'Backend Development');
    assert.equal(catalog.path.level, 'Intermediate');
    assert.equal(catalog.path.duration, '7 months');
    assert.deepEqual(catalog.stages.map((stage) => stage.title), ['Foundation', 'Core', 'Advanced']);
    assert.deepEqual(
      catalog.stages.map((stage) => stage.skills.map((skill) => skill.number)),
      [[1, 2, 3, 4, 6], [5, 7, 8, 9, 10, 11, 12, 16, 19, 20], [13, 14, 15, 17, 18, 21, 22]],
    );
    assert.equal(catalog.skills.length, 22);
    const first = catalog.skills[0];
    assert.equal(first.folder, '01-http-fundamentals');
    assert.equal(first.minutes, 25);
    assert.equal(first.stageId, 'foundation');
  });

  it('reports invalid JSON clearly', () => {
    assert.match(problemsOf('{ not json')[0], /not valid JSON/);
  });

  it('collects every problem of a damaged file at once', () => {
    const raw = validCatalogJson();
    const stages = raw.stages as { skills: Record<string, unknown>[] }[];
    stages[0].skills[0].minutes = -5;
    stages[0].skills[1].id = 'Not A Slug';
    delete stages[1].skills[0].title;
    const problems = problemsOf(JSON.stringify(raw));
    assert.ok(problems.some((problem) => /stages\[0\]\.skills\[0\]\.minutes must be a positive integer/.test(problem)), problems.join('\n'));
    assert.ok(problems.some((problem) => /must be lowercase words joined by hyphens/.test(problem)), problems.join('\n'));
    assert.ok(problems.some((problem) => /stages\[1\]\.skills\[0\]\.title must be a non-empty string/.test(problem)), problems.join('\n'));
  });

  it('refuses duplicate ids and numbers, because progress is keyed by id', () => {
    const raw = validCatalogJson();
    const stages = raw.stages as { skills: Record<string, unknown>[] }[];
    stages[2].skills[0].id = stages[0].skills[0].id;
    stages[2].skills[1].number = 1;
    const problems = problemsOf(JSON.stringify(raw));
    assert.ok(problems.some((problem) => /skill id "http-fundamentals" is used twice/.test(problem)));
    assert.ok(problems.some((problem) => /skill number 1 is used twice/.test(problem)));
  });

  it('refuses a wrong schema version and a missing path', () => {
    const problems = problemsOf(JSON.stringify({ schemaVersion: 2, stages: [] }));
    assert.ok(problems.includes('schemaVersion must be 1'));
    assert.ok(problems.includes('path must be an object'));
    assert.ok(problems.includes('stages must be a non-empty array'));
  });
});
