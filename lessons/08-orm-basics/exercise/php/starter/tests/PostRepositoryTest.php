<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Post;
use Exercise\PostRepository;
use PDO;
use PHPUnit\Framework\TestCase;

final class PostRepositoryTest extends TestCase
{
    private CountingPDO $pdo;
    private PostRepository $repo;

    protected function setUp(): void
    {
        $this->pdo = new CountingPDO('sqlite::memory:', null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
        ]);
        $this->pdo->exec('PRAGMA foreign_keys = ON');
        $this->pdo->exec(<<<'SQL'
            CREATE TABLE users (
              id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
              password_hash TEXT NOT NULL, is_admin INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE posts (
              id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
              title TEXT NOT NULL, body TEXT NOT NULL, is_pinned INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX idx_posts_user ON posts (user_id);
            SQL);

        $user = $this->pdo->prepare('INSERT INTO users (id, name, email, password_hash) VALUES (?, ?, ?, ?)');
        for ($i = 1; $i <= 10; $i++) {
            $user->execute([$i, "Author $i", "author$i@example.com", '$2y$12$fixture.hash.not.a.real.one.' . $i]);
        }
        $special = [7 => '50% off all mugs', 8 => '500 ways to brew', 9 => 'snake_case names', 10 => 'snakeXcase'];
        $post = $this->pdo->prepare('INSERT INTO posts (id, user_id, title, body) VALUES (?, ?, ?, ?)');
        for ($i = 1; $i <= 50; $i++) {
            // Authors are spread out of order so results must be sorted explicitly.
            $post->execute([$i, (($i * 3) % 10) + 1, $special[$i] ?? "Post $i", "Body of post $i"]);
        }

        // SQLite happens to return a plain table scan in id order; this makes it
        // return unordered results backwards, so a missing ORDER BY shows.
        $this->pdo->exec('PRAGMA reverse_unordered_selects = ON');

        $this->pdo->statements = 0;
        $this->repo = new PostRepository($this->pdo);
    }

    public function testNaiveVersionShowsTheNPlusOneProblem(): void
    {
        $this->repo->findAllWithAuthorsNaive();

        $this->assertSame(51, $this->pdo->statements,
            'Do not change findAllWithAuthorsNaive(): it is the N+1 baseline (1 query + 50 author lookups)');
    }

    public function testFindAllWithAuthorsUsesAtMostTwoStatements(): void
    {
        $posts = $this->repo->findAllWithAuthors();

        $this->assertLessThanOrEqual(2, $this->pdo->statements,
            "findAllWithAuthors() sent {$this->pdo->statements} statements: load authors with a JOIN "
            . 'or one WHERE id IN (...) query, never one query per post');
        $this->assertCount(50, $posts, 'findAllWithAuthors() must return all 50 posts');
    }

    public function testFindAllWithAuthorsMatchesTheNaiveResult(): void
    {
        $expected = $this->describe($this->repo->findAllWithAuthorsNaive());

        $this->assertSame($expected, $this->describe($this->repo->findAllWithAuthors()),
            'findAllWithAuthors() must return the same posts, authors and order as the naive version: '
            . 'add ORDER BY p.id, because without it the database may return rows in any order');
    }

    public function testIdentityMapLivesInOneRepositoryNotInAStatic(): void
    {
        $this->repo->findAllWithAuthors();
        $this->pdo->exec("UPDATE users SET name = 'Renamed Author' WHERE id = 4");

        $fresh = new PostRepository($this->pdo);
        $post1 = $fresh->findAllWithAuthors()[0];
        $this->assertSame('Renamed Author', $post1->author->name,
            'A new PostRepository returned an Author loaded by an earlier one: the identity map must be an array '
            . 'local to the repository (or one call), not a static variable or property shared by every request');
        $this->assertSame('Renamed Author', $fresh->search('Post 1')[0]->author->name,
            'search() on a new PostRepository returned a stale Author: do not keep the identity map in a static');
    }

    public function testPostsBySameAuthorShareOneAuthorInstance(): void
    {
        $byAuthor = [];
        foreach ($this->repo->findAllWithAuthors() as $post) {
            $byAuthor[$post->author->id][] = $post->author;
        }

        foreach ($byAuthor as $authorId => $instances) {
            foreach ($instances as $instance) {
                $this->assertSame($instances[0], $instance,
                    "Posts by author $authorId got different Author objects: keep an identity map "
                    . '(array keyed by user id) and reuse the first instance');
            }
        }
    }

    public function testUpdateChangesOnlyAllowlistedFields(): void
    {
        $changed = $this->repo->update(1, [
            'title' => 'X', 'is_admin' => 1, 'is_pinned' => 1, 'user_id' => 2, 'id' => 99,
        ]);

        $row = $this->pdo->query('SELECT id, user_id, title, body, is_pinned FROM posts WHERE id = 1')->fetch();
        $this->assertSame(1, $changed, 'update() must return the number of changed rows (1 here)');
        $this->assertSame('X', $row['title'], 'update() must change the title');
        $this->assertSame(4, (int) $row['user_id'], 'update() must ignore user_id: allowlist only title and body');
        $this->assertSame(0, (int) $row['is_pinned'], 'update() must ignore is_pinned: allowlist only title and body');
        $this->assertSame('Body of post 1', $row['body'], 'update() must not touch body when it is not in the input');
        $this->assertSame(0, (int) $this->pdo->query('SELECT COUNT(*) FROM users WHERE is_admin = 1')->fetchColumn(),
            'update() must never write to users');
    }

    public function testUpdateReturnsRowsNotFields(): void
    {
        $this->assertSame(1, $this->repo->update(6, ['title' => 'Both', 'body' => 'Changed']),
            'update() changed two fields of ONE post and must return 1, the number of rows changed: return $stmt->rowCount()');
        $row = $this->pdo->query('SELECT title, body FROM posts WHERE id = 6')->fetch();
        $this->assertSame(['title' => 'Both', 'body' => 'Changed'], $row, 'update() must apply title and body together');
    }

    public function testUpdateWithNothingAllowedOrUnknownIdChangesNothing(): void
    {
        $this->assertSame(0, $this->repo->update(1, ['is_pinned' => 1]),
            'update() with no allowed fields must return 0 and run no UPDATE');
        $this->assertSame(0, $this->repo->update(999, ['title' => 'Ghost']),
            'update() for an unknown id must return 0');
    }

    public function testUpdateIgnoresColumnsNobodyListed(): void
    {
        // A column added later must stay protected without touching update():
        // that is what an allowlist gives and a denylist does not.
        $this->pdo->exec('ALTER TABLE posts ADD COLUMN views INTEGER NOT NULL DEFAULT 0');
        $this->pdo->statements = 0;

        $changed = $this->callUpdate(2, ['views' => 1000, 'title' => 'Fresh title', 'is_featured' => 1]);
        $row = $this->pdo->query('SELECT title, body, views FROM posts WHERE id = 2')->fetch();
        $this->assertSame(1, $changed, 'update() must return 1 after changing the title of post 2');
        $this->assertSame('Fresh title', $row['title'], 'update() must change the title');
        $this->assertSame(0, (int) $row['views'],
            'update() wrote the new column "views": list the writable columns (title, body) instead of removing known bad keys');
    }

    public function testUpdateNeverTurnsInputKeysIntoSql(): void
    {
        $this->callUpdate(3, ["title = 'owned', body" => 'x', 'body' => 'New body']);
        $row = $this->pdo->query('SELECT title, body FROM posts WHERE id = 3')->fetch();

        $this->assertSame('Post 3', $row['title'],
            'An input key changed the SQL of update(): build SET from your own column list, never from the keys of $input');
        $this->assertSame('New body', $row['body'], 'update() must still apply the allowed body field');
        $this->assertSame(1, (int) $this->pdo->query("SELECT COUNT(*) FROM posts WHERE body = 'New body' OR title = 'owned'")->fetchColumn(),
            'update() must change only the post with the given id');
    }

    public function testUpdateIgnoresATitleThatIsEmptyOrOnlyWhitespace(): void
    {
        foreach (['', ' ', "\t", "  \n  ", "\r\n\t ", str_repeat(' ', 40)] as $n => $blank) {
            $postId = 20 + $n;
            $this->pdo->statements = 0;
            $this->assertSame(0, $this->callUpdate($postId, ['title' => $blank]),
                'update() with the title ' . json_encode($blank) . ' must return 0: an empty or whitespace-only title '
                . 'is invalid input, ignored like a value that is not a string (check trim($title) === \'\')');
            $this->assertSame(0, $this->pdo->statements,
                'update() with only a blank title (' . json_encode($blank) . ') must send no statement: '
                . 'drop the blank title first, then return 0 because nothing allowed is left');
            $this->assertSame("Post $postId", $this->titleOf($postId),
                'update() wrote the blank title ' . json_encode($blank) . ': a post must keep a title with some text');
        }

        $this->assertSame(1, $this->callUpdate(31, ['title' => " \t ", 'body' => 'Body kept apart']),
            'update() with a blank title and a valid body must still change the body (1 row)');
        $this->assertSame(['title' => 'Post 31', 'body' => 'Body kept apart'],
            $this->pdo->query('SELECT title, body FROM posts WHERE id = 31')->fetch(),
            'update() must drop only the blank title and still apply the body');

        // Titles with text are valid, even ones PHP calls empty() ("0") or that hold inner spaces.
        foreach ([32 => '0', 33 => 'a b', 34 => '.', 35 => '00'] as $postId => $title) {
            $this->assertSame(1, $this->callUpdate($postId, ['title' => $title]),
                'update() refused the title ' . json_encode($title) . ', which has text: refuse only titles that are '
                . "empty after trim(), and do not use empty(), which also calls \"0\" empty");
            $this->assertSame($title, $this->titleOf($postId), 'update() must write the title ' . json_encode($title) . ' as given');
        }
    }

    public function testUpdateIgnoresATitleOrBodyThatIsNotAString(): void
    {
        foreach ([42, 1.5, true, null, ['x'], ['title' => 'nested']] as $n => $value) {
            $postId = 40 + $n;
            foreach (['title', 'body'] as $field) {
                try {
                    $changed = $this->repo->update($postId, [$field => $value]);
                } catch (\Throwable $e) {
                    $this->fail("update() threw on the $field " . json_encode($value) . ' (' . $e->getMessage() . '): '
                        . 'decoded JSON can hold numbers, booleans, null and arrays; keep only string values (is_string) and ignore the rest');
                }
                $this->assertSame(0, $changed,
                    "update() must ignore the $field " . json_encode($value) . ', which is not a string: nothing allowed is left, return 0');
            }
            $this->assertSame(['title' => "Post $postId", 'body' => "Body of post $postId"],
                $this->pdo->query("SELECT title, body FROM posts WHERE id = $postId")->fetch(),
                'update() wrote a value that is not a string (' . json_encode($value) . '): keep only strings');
        }
    }

    public function testUpdateWithNothingAllowedSendsNoStatement(): void
    {
        $this->assertSame(0, $this->callUpdate(5, ['is_pinned' => 1, 'user_id' => 3]),
            'update() with no allowed fields must return 0');
        $this->assertSame(0, $this->pdo->statements,
            "update() with no allowed fields sent {$this->pdo->statements} statement(s): return 0 before preparing anything");
    }

    public function testSearchMatchesSeededRandomNeedlesLiterally(): void
    {
        mt_srand(808);
        // Wildcards plus the characters people pick as their own ESCAPE character.
        $alphabet = ['a', 'b', '%', '_', '\\', "'", '5', ' ', '*', '?', '[', '!', '^', '#', '|'];
        $insert = $this->pdo->prepare('INSERT INTO posts (id, user_id, title, body) VALUES (?, ?, ?, ?)');
        $titles = [];
        foreach ($this->pdo->query('SELECT id, title FROM posts') as $row) {
            $titles[(int) $row['id']] = $row['title'];
        }
        for ($id = 100; $id < 140; $id++) {
            $title = '';
            for ($i = mt_rand(3, 9); $i > 0; $i--) {
                $title .= $alphabet[mt_rand(0, count($alphabet) - 1)];
            }
            $insert->execute([$id, mt_rand(1, 10), $title, 'generated']);
            $titles[$id] = $title;
        }
        ksort($titles);

        for ($n = 0; $n < 40; $n++) {
            $source = $titles[mt_rand(100, 139)];
            $start = mt_rand(0, strlen($source) - 1);
            $needle = substr($source, $start, mt_rand(1, 3));
            $expected = array_keys(array_filter(
                $titles,
                static fn (string $title): bool => str_contains(strtolower($title), strtolower($needle))
            ));
            $this->assertSame($expected, $this->ids($this->repo->search($needle)),
                'search(' . var_export($needle, true) . ') must return exactly the posts whose title contains it, by id: '
                . "escape \\, % and _ (e.g. addcslashes(\$q, '\\\\%_')) and use LIKE :p ESCAPE '\\' "
                . '(whatever ESCAPE character you choose, escape that character too)');
        }
    }

    public function testSearchIsNotInjectable(): void
    {
        $this->assertSame([], $this->repo->search("%' OR 1=1 --"),
            'search() returned rows for an injection string: bind the pattern with a placeholder');
    }

    public function testSearchTreatsPercentAndUnderscoreLiterally(): void
    {
        $this->assertSame([7], $this->ids($this->repo->search('50%')),
            'search("50%") must match only the title containing "50%": escape % and _ and use LIKE ... ESCAPE');
        $this->assertSame([9], $this->ids($this->repo->search('snake_case')),
            'search("snake_case") must not treat _ as a wildcard (it matched "snakeXcase")');
        $this->assertSame([1, 11, 12], array_slice($this->ids($this->repo->search('Post 1')), 0, 3),
            'search("Post 1") must return matching posts ordered by id');
    }

    public function testSearchHydratesAuthors(): void
    {
        $results = $this->repo->search('50%');
        $this->assertCount(1, $results, 'search("50%") must return exactly one post');
        $this->assertSame('Author 2', $results[0]->author->name, 'search() must return Post objects with their Author');
    }

    public function testToArrayExposesOnlyPublicFields(): void
    {
        $post = $this->repo->findAllWithAuthorsNaive()[0];
        $array = $post->toArray();

        $this->assertSame(
            ['id' => 1, 'title' => 'Post 1', 'body' => 'Body of post 1', 'author' => ['id' => 4, 'name' => 'Author 4']],
            $array,
            'Post::toArray() must return exactly id, title, body and author {id, name}; never the whole entity'
        );
        $this->assertStringNotContainsString('$2y$', (string) json_encode($array),
            'Post::toArray() leaks the password hash');
    }

    /** Calls update() and turns an SQL error into a failure that names the rule. */
    private function callUpdate(int $id, array $input): int
    {
        try {
            return $this->repo->update($id, $input);
        } catch (\PDOException $e) {
            $this->fail('update() let the input reach the SQL text (' . $e->getMessage() . '): take column names '
                . 'from your own allowlist and bind only the values');
        }
    }

    private function titleOf(int $postId): string
    {
        return (string) $this->pdo->query("SELECT title FROM posts WHERE id = $postId")->fetchColumn();
    }

    /** @param list<Post> $posts @return list<string> */
    private function describe(array $posts): array
    {
        return array_map(
            static fn (Post $p): string => "{$p->id}|{$p->title}|{$p->body}|{$p->author->id}|{$p->author->name}|{$p->author->email}",
            $posts
        );
    }

    /** @param list<Post> $posts @return list<int> */
    private function ids(array $posts): array
    {
        return array_map(static fn (Post $p): int => $p->id, $posts);
    }
}
