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
        foreach ([0, 6] as $rating) {
            $this->assertRejected(
                "INSERT INTO comments (post_id, user_id, body, rating, created_at) VALUES (1, 1, 'x', $rating, '2026-02-01T00:00:00Z')",
                'CHECK',
                "comments.rating = $rating was accepted: add CHECK (rating BETWEEN 1 AND 5)"
            );
        }
    }

    public function testPriceCannotBeNegative(): void
    {
        $this->assertRejected(
            "INSERT INTO products (sku, name, price_cents) VALUES ('NEG-1', 'Broken', -1)",
            'CHECK',
            'products.price_cents = -1 was accepted: add CHECK (price_cents >= 0)'
        );
    }

    public function testDeletingUserCascadesToPostsAndComments(): void
    {
        $this->pdo->exec('DELETE FROM users WHERE id = 1');

        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM posts WHERE user_id = 1'),
            "Deleting a user must delete their posts: posts.user_id needs ON DELETE CASCADE");
        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM comments WHERE user_id = 1'),
            "Deleting a user must delete their comments: comments.user_id needs ON DELETE CASCADE");
        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM post_tags WHERE post_id IN (1, 2)'),
            "Deleting a post must delete its post_tags rows: post_tags.post_id needs ON DELETE CASCADE");
        $this->assertSame(0, $this->countRows('SELECT COUNT(*) FROM comments WHERE post_id IN (1, 2)'),
            "Deleting a post must delete its comments: comments.post_id needs ON DELETE CASCADE");
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
