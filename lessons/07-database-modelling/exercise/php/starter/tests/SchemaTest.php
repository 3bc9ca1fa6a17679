<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Db;
use PDO;
use PDOException;
use PHPUnit\Framework\TestCase;

final class SchemaTest extends TestCase
{
    private PDO $pdo;

    protected function setUp(): void
    {
        $this->pdo = Db::connect();
        try {
            Db::runFile($this->pdo, __DIR__ . '/../schema.sql');
            Db::runFile($this->pdo, __DIR__ . '/fixtures/seed.sql');
        } catch (PDOException $e) {
            $this->fail('schema.sql or the seed data could not be loaded (' . $e->getMessage()
                . '). Check table and column names against README.md.');
        }
    }

    public function testForeignKeyRejectsPostWithUnknownUser(): void
    {
        $this->assertRejected(
            "INSERT INTO posts (user_id, title, body) VALUES (999, 'Orphan', 'x')",
            'FOREIGN KEY',
            'posts.user_id must be declared REFERENCES users(id) so an unknown user_id is rejected'
        );
    }

    public function testEmailIsUniqueIgnoringCase(): void
    {
        $this->pdo->exec("INSERT INTO users (email, display_name, created_at) VALUES ('Cleo@Example.com', 'Cleo', '2026-02-01T00:00:00Z')");
        $this->assertRejected(
            "INSERT INTO users (email, display_name, created_at) VALUES ('cleo@example.com', 'Cleo 2', '2026-02-01T00:00:00Z')",
            'UNIQUE',
            'users.email must be UNIQUE ignoring case: use COLLATE NOCASE on the column (or a unique normalised column)'
        );
    }

    public function testEmailUniquenessStillAllowsDifferentAddresses(): void
    {
        $this->execOrFail(
            "INSERT INTO users (email, display_name, created_at) VALUES ('ann@example.org', 'Ann Two', '2026-02-01T00:00:00Z')",
            'A different address (ann@example.org next to ann@example.com) must be accepted: make email UNIQUE, not the display name'
        );
        $this->assertRejected(
            "INSERT INTO users (email, display_name, created_at) VALUES ('BEN@EXAMPLE.COM', 'Ben again', '2026-02-01T00:00:00Z')",
            'UNIQUE',
            'BEN@EXAMPLE.COM was accepted next to ben@example.com: users.email must be UNIQUE ignoring case (COLLATE NOCASE)'
        );
    }

    public function testTagNamesAndSkusAreUnique(): void
    {
        $this->assertRejected(
            "INSERT INTO tags (name) VALUES ('php')",
            'UNIQUE',
            'A second tag named php was accepted: declare tags.name NOT NULL UNIQUE so one tag is one row'
        );
        $this->assertRejected(
            "INSERT INTO products (sku, name, price_cents) VALUES ('MUG-01', 'Second mug', 990)",
            'UNIQUE',
            'A second product with SKU MUG-01 was accepted: declare products.sku NOT NULL UNIQUE'
        );
    }

    public function testPostsHaveNoTagListColumn(): void
    {
        $columns = array_column($this->pdo->query("PRAGMA table_info('posts')")->fetchAll(), 'name');
        sort($columns);
        $this->assertSame(
            ['body', 'id', 'published_at', 'title', 'user_id'],
            $columns,
            'posts must have exactly id, user_id, title, body, published_at: a comma-separated tags column breaks '
            . 'first normal form; drop it and keep each post-tag link as a row in post_tags'
        );

        $this->execOrFail('INSERT INTO post_tags (post_id, tag_id) VALUES (2, 1), (2, 3)',
            'Attaching tags to a post must work through post_tags rows');
        $tags = $this->pdo->query(
            'SELECT t.name FROM post_tags AS pt JOIN tags AS t ON t.id = pt.tag_id WHERE pt.post_id = 2 ORDER BY t.name'
        )->fetchAll(PDO::FETCH_COLUMN);
        $this->assertSame(['php', 'unused'], $tags, 'A post\'s tags must be readable by joining post_tags to tags');
    }

    public function testRequiredColumnsAreNotNull(): void
    {
        $this->assertRejected(
            "INSERT INTO users (display_name, created_at) VALUES ('No Email', '2026-02-01T00:00:00Z')",
            'NOT NULL',
            'users.email must be NOT NULL'
        );
        $this->assertRejected(
            "INSERT INTO posts (user_id, body) VALUES (1, 'no title')",
            'NOT NULL',
            'posts.title must be NOT NULL'
        );
    }

    public function testEveryColumnIsRequiredExceptTheOptionalOnes(): void
    {
        // One valid row per table; each required column in turn is set to NULL.
        // Only posts.published_at (a draft) and comments.rating are optional.
        $rows = [
            'users' => ['email' => "'nn@example.com'", 'display_name' => "'Nn'", 'created_at' => "'2026-02-01T00:00:00Z'"],
            'posts' => ['user_id' => '2', 'title' => "'Draft'", 'body' => "'text'"],
            'tags' => ['name' => "'new-tag'"],
            'post_tags' => ['post_id' => '2', 'tag_id' => '3'],
            'comments' => ['post_id' => '1', 'user_id' => '2', 'body' => "'hi'", 'created_at' => "'2026-02-01T00:00:00Z'"],
            'products' => ['sku' => "'NN-1'", 'name' => "'Lamp'", 'price_cents' => '4500'],
        ];
        foreach ($rows as $table => $row) {
            foreach (array_keys($row) as $column) {
                $values = array_replace($row, [$column => 'NULL']);
                $this->assertRejected(
                    "INSERT INTO $table (" . implode(', ', array_keys($values)) . ') VALUES (' . implode(', ', $values) . ')',
                    '',
                    "$table.$column = NULL was accepted: every column except posts.published_at and comments.rating "
                    . "is required, so declare $table.$column NOT NULL (a REFERENCES, UNIQUE or CHECK constraint lets NULL through)"
                );
            }
            $this->execOrFail(
                "INSERT INTO $table (" . implode(', ', array_keys($row)) . ') VALUES (' . implode(', ', $row) . ')',
                "A valid $table row was rejected"
            );
        }
    }

    public function testPostTagsRejectsDuplicatePairs(): void
    {
        $this->assertRejected(
            'INSERT INTO post_tags (post_id, tag_id) VALUES (1, 1)',
            'UNIQUE',
            'post_tags needs PRIMARY KEY (post_id, tag_id) so the same tag cannot be attached twice'
        );
    }

    public function testRatingMustBeBetweenOneAndFive(): void
    {
        foreach (['-3', '0', '6', '7', '10', '100', '3.5'] as $rating) {
            $this->assertRejected(
                "INSERT INTO comments (post_id, user_id, body, rating, created_at) VALUES (1, 1, 'x', $rating, '2026-02-01T00:00:00Z')",
                '',
                "comments.rating = $rating was accepted: declare rating INTEGER CHECK (rating BETWEEN 1 AND 5) in a STRICT table"
            );
        }
        foreach (['1', '2', '5', 'NULL'] as $rating) {
            $this->execOrFail(
                "INSERT INTO comments (post_id, user_id, body, rating, created_at) VALUES (1, 1, 'x', $rating, '2026-02-01T00:00:00Z')",
                "comments.rating = $rating was rejected: 1 to 5 are valid and the rating is optional (NULL), so no NOT NULL"
            );
        }
    }

    public function testPriceIsWholeNonNegativeCents(): void
    {
        foreach (['-1', '-250', '12.5', "'12.99'", "'free'"] as $price) {
            $this->assertRejected(
                "INSERT INTO products (sku, name, price_cents) VALUES ('BAD-1', 'Broken', $price)",
                '',
                "products.price_cents = $price was accepted: store whole cents as INTEGER in a STRICT table "
                . 'with CHECK (price_cents >= 0)'
            );
        }
        $this->execOrFail("INSERT INTO products (sku, name, price_cents) VALUES ('BIG-1', 'Sofa', 129900)",
            'products.price_cents = 129900 must be accepted');
        $this->assertSame(
            'integer',
            $this->pdo->query("SELECT typeof(price_cents) FROM products WHERE sku = 'BIG-1'")->fetchColumn(),
            'products.price_cents must be stored as an INTEGER number of cents'
        );
    }

    public function testTimestampsAreUtcIsoText(): void
    {
        $valid = '2026-12-31T23:59:59Z';
        // The last three have the right shape but are not real instants: a
        // pattern (GLOB, LIKE) that checks only the shape lets them in.
        $invalid = ['2026-01-05 09:00:00', '2026-01-05T09:00:00', '2026-01-05T09:00:00+01:00', 'yesterday',
            '2026-13-05T09:00:00Z', '2026-01-32T09:00:00Z', '2026-01-05T09:60:00Z'];
        foreach ($invalid as $time) {
            $this->assertRejected(
                "INSERT INTO users (email, display_name, created_at) VALUES ('t@example.com', 'T', '$time')",
                '',
                "users.created_at = '$time' was accepted: instants are real UTC dates and times written as ISO-8601 "
                . "text ending in Z; checking the shape is not enough, let SQLite parse it: "
                . "CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at) IS created_at)"
            );
            $this->assertRejected(
                "INSERT INTO comments (post_id, user_id, body, created_at) VALUES (1, 1, 'x', '$time')",
                '',
                "comments.created_at = '$time' was accepted: add the same UTC ISO-8601 CHECK as on users.created_at"
            );
            $this->assertRejected(
                "UPDATE posts SET published_at = '$time' WHERE id = 2",
                '',
                "posts.published_at = '$time' was accepted: NULL (draft) or UTC ISO-8601 text ending in Z only"
            );
        }
        $this->execOrFail(
            "INSERT INTO users (email, display_name, created_at) VALUES ('t@example.com', 'T', '$valid')",
            "users.created_at = '$valid' must be accepted"
        );
        $this->execOrFail("UPDATE posts SET published_at = '$valid' WHERE id = 2", "posts.published_at = '$valid' must be accepted");
        $this->execOrFail('UPDATE posts SET published_at = NULL WHERE id = 1', 'posts.published_at = NULL (a draft) must be accepted');
    }

    public function testDeletingUserCascadesToPostsAndComments(): void
    {
        $this->execOrFail('DELETE FROM users WHERE id = 1',
            'Deleting a user must succeed and take their posts and comments with them: use ON DELETE CASCADE, '
            . 'not RESTRICT or SET NULL (the columns are NOT NULL)');

        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM posts WHERE user_id = 1'),
            "Deleting a user must delete their posts: posts.user_id needs ON DELETE CASCADE");
        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM comments WHERE user_id = 1'),
            "Deleting a user must delete their comments: comments.user_id needs ON DELETE CASCADE");
        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM post_tags WHERE post_id IN (1, 2)'),
            "Deleting a post must delete its post_tags rows: post_tags.post_id needs ON DELETE CASCADE");
        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM comments WHERE post_id IN (1, 2)'),
            "Deleting a post must delete its comments: comments.post_id needs ON DELETE CASCADE");
        $this->assertSame(1, $this->countRows('SELECT COUNT(*) FROM posts WHERE id = 3'),
            "Deleting Ann must not delete Ben's post: cascade only along the user's own foreign keys");
        $this->assertSame(1, $this->countRows('SELECT COUNT(*) FROM comments WHERE id = 3'),
            "Deleting Ann must not delete Ben's comment on his own post");
        $this->assertSame(3, $this->countRows('SELECT COUNT(*) FROM tags'),
            'Deleting posts must never delete tags: only the post_tags links go');
    }

    public function testDeletingTagInUseIsRestricted(): void
    {
        $this->assertRejected('DELETE FROM tags WHERE id = 2', 'FOREIGN KEY',
            'Deleting a tag that is still attached to a post must fail: post_tags.tag_id needs ON DELETE RESTRICT');
        $this->assertSame('RESTRICT', $this->onDelete('post_tags', 'tag_id'),
            'Declare post_tags.tag_id REFERENCES tags(id) ON DELETE RESTRICT explicitly');

        $this->pdo->exec('DELETE FROM tags WHERE id = 3'); // unused tag: allowed
        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM tags WHERE id = 3'),
            'Deleting an unused tag must succeed');
    }

    public function testForeignKeyMetadataAndIntegrity(): void
    {
        $fks = $this->pdo->query("PRAGMA foreign_key_list('posts')")->fetchAll();
        $toUsers = array_filter($fks, static fn (array $fk): bool => $fk['table'] === 'users'
            && $fk['from'] === 'user_id' && in_array($fk['to'], ['id', null], true));
        $this->assertNotEmpty($toUsers, 'posts.user_id must be declared REFERENCES users(id)');

        $this->assertSame([], $this->pdo->query('PRAGMA foreign_key_check')->fetchAll(),
            'PRAGMA foreign_key_check found rows pointing at missing parents after loading the seed data');
    }

    public function testNoMoneyColumnUsesFloatingPoint(): void
    {
        foreach ($this->tables() as $table) {
            foreach ($this->pdo->query("PRAGMA table_info('$table')")->fetchAll() as $column) {
                if (preg_match('/price|cents|amount|total|cost/i', $column['name']) !== 1) {
                    continue;
                }
                $this->assertDoesNotMatchRegularExpression('/REAL|FLOA|DOUB/i', $column['type'],
                    "$table.{$column['name']} is declared {$column['type']}: store money as INTEGER minor units (cents)");
            }
        }
    }

    public function testTablesAreStrictWhenSqliteSupportsIt(): void
    {
        $version = (string) $this->pdo->query('SELECT sqlite_version()')->fetchColumn();
        if (version_compare($version, '3.37.0', '<')) {
            $this->markTestSkipped("SQLite $version has no STRICT tables (needs 3.37+)");
        }
        $strict = $this->pdo->query("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'")
            ->fetchAll(PDO::FETCH_KEY_PAIR);
        foreach (['users', 'posts', 'tags', 'post_tags', 'comments', 'products'] as $table) {
            $this->assertArrayHasKey($table, $strict, "Table $table is missing from schema.sql");
            $this->assertSame(1, (int) $strict[$table], "Declare table $table as STRICT: CREATE TABLE $table (...) STRICT;");
        }
    }

    private function assertRejected(string $sql, string $expectedError, string $message): void
    {
        try {
            $this->pdo->exec($sql);
        } catch (PDOException $e) {
            $this->assertStringContainsStringIgnoringCase($expectedError, $e->getMessage(),
                $message . ' (the statement failed, but with: ' . $e->getMessage() . ')');

            return;
        }
        $this->fail($message);
    }

    private function execOrFail(string $sql, string $message): void
    {
        try {
            $this->pdo->exec($sql);
        } catch (PDOException $e) {
            $this->fail($message . ' (SQLite said: ' . $e->getMessage() . ')');
        }
    }

    private function countRows(string $sql): int
    {
        return (int) $this->pdo->query($sql)->fetchColumn();
    }

    private function onDelete(string $table, string $column): ?string
    {
        foreach ($this->pdo->query("PRAGMA foreign_key_list('$table')")->fetchAll() as $fk) {
            if ($fk['from'] === $column) {
                return strtoupper((string) $fk['on_delete']);
            }
        }

        return null;
    }

    /** @return list<string> */
    private function tables(): array
    {
        return $this->pdo->query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            ->fetchAll(PDO::FETCH_COLUMN);
    }
}
