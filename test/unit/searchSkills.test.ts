import * as assert from 'node:assert/strict';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import { searchSkills, SEARCH_WEIGHTS, type SearchDocument } from '../../src/curriculum/searchSkills';
import { parseSearchIndex, SEARCH_INDEX_PATH } from '../../src/lessons/prerendered';
import { prerenderLessons } from '../../src/lessons/prerenderLessons';
import { readRepoFile } from './helpers';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers';

const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
const index: ReadonlyMap<string, SearchDocument> = (() => {
  const read = (folder: string) => {
    const path = `lessons/${folder}/lesson.md`;
    return existsSync(join(REPO_ROOT, path)) ? readRepoFile(path) : undefined;
  };
  const documents = parseSearchIndex(prerenderLessons(catalog, read).files.get(SEARCH_INDEX_PATH) ?? '');
  assert.ok(documents);
  return documents;
})();
const search = (query: string) => searchSkills(catalog.skills, (skill) => index.get(skill.id), query);
const skillId = (title: RegExp) => catalog.skills.find((skill) => title.test(skill.title))?.id;

describe('lesson search over the rendered lessons', () => {
  it('ranks the skill whose title matches first, ahead of lessons that only mention the word', () => {
    const results = search('caching');
    assert.equal(results[0].skill.id, skillId(/^Caching/));
    assert.ok(results.length > 1, 'other lessons mention caching too');
    assert.ok(results[0].score >= SEARCH_WEIGHTS.title);
    assert.ok(results.slice(1).every((result) => result.score < SEARCH_WEIGHTS.title));
  });

  it('ranks a heading match above text-only matches', () => {
    const headingOnly = (document: SearchDocument) => document.headings.join(' ');
    // A word that is a heading in exactly one lesson and appears in the text of others.
    const synthetic = new Map<string, SearchDocument>([
      [catalog.skills[3].id, { headings: ['Zyxquux keys'], text: 'short' }],
      [catalog.skills[1].id, { headings: [], text: 'zyxquux zyxquux zyxquux zyxquux zyxquux zyxquux' }],
    ]);
    const results = searchSkills(catalog.skills, (skill) => synthetic.get(skill.id), 'zyxquux');
    assert.deepEqual(results.map((result) => result.skill.id), [catalog.skills[3].id, catalog.skills[1].id]);
    assert.ok(headingOnly(synthetic.get(catalog.skills[3].id)!).length > 0);
  });

  it('shows readable excerpts: no link paths, no markdown syntax', () => {
    for (const query of ['owasp', 'request', 'lesson', 'see']) {
      for (const result of search(query)) {
        if (!result.excerpt) continue;
        assert.doesNotMatch(result.excerpt, /\.\.\/\d{2}-|lesson\.md|\]\(|\*\*|^#|```/, `${query}: ${result.excerpt}`);
      }
    }
  });

  it('does not match inside link paths that are not part of the text', () => {
    // "17-owasp-top-10" appears only in link targets of other lessons, never in their rendered text.
    const results = search('17-owasp-top-10');
    assert.deepEqual(results, []);
  });

  it('matches words at their start, so short words do not hit the middle of others', () => {
    const synthetic = new Map<string, SearchDocument>([[catalog.skills[2].id, { headings: [], text: 'a subcache here' }]]);
    assert.deepEqual(searchSkills(catalog.skills, (skill) => synthetic.get(skill.id), 'cache').filter((r) => r.skill.id === catalog.skills[2].id), []);
  });

  it('needs every word, and an empty query lists the path in order', () => {
    assert.deepEqual(search('bcrypt zebra-unicorn'), []);
    assert.deepEqual(search('   ').map((result) => result.skill.id), catalog.skills.map((skill) => skill.id));
  });
});
