<?php

declare(strict_types=1);

namespace App\Tests\Database;

use App\Application;
use App\Database\Connection;
use App\Database\Migrator;
use PDO;
use PHPUnit\Framework\TestCase;
use RuntimeException;

final class MigratorTest extends TestCase
{
    private PDO $pdo;
    private ?string $tempDir = null;

    protected function setUp(): void
    {
        $this->pdo = Connection::open(':memory:');
    }

    protected function tearDown(): void
    {
        if ($this->tempDir !== null) {
            array_map('unlink', glob($this->tempDir . '/*') ?: []);
            rmdir($this->tempDir);
        }
    }

    public function testAppliesAllMigrationsInOrderAndRecordsThem(): void
    {
        $applied = (new Migrator($this->pdo, Application::migrationsDirectory()))->migrate();

        $this->assertSame(['001_create_notes.sql', '002_index_notes_created_at.sql'], $applied);
        $recorded = $this->pdo->query('SELECT version FROM schema_migrations ORDER BY version')->fetchAll(PDO::FETCH_COLUMN);
        $this->assertSame($applied, $recorded);
    }

    public function testRunningAgainChangesNothing(): void
    {
        $migrator = new Migrator($this->pdo, Application::migrationsDirectory());
        $migrator->migrate();

        $this->assertSame([], $migrator->migrate());
        $this->assertSame([], $migrator->pending());
    }

    public function testAFailingMigrationIsRolledBackCompletely(): void
    {
        $this->tempDir = sys_get_temp_dir() . '/migrations-' . bin2hex(random_bytes(4));
        mkdir($this->tempDir);
        file_put_contents($this->tempDir . '/001_ok.sql', 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
        // The first statement works, the second fails: the first must be undone too.
        file_put_contents($this->tempDir . '/002_broken.sql', 'CREATE TABLE b (id INTEGER); CREATE TABLE a (id INTEGER);');

        try {
            (new Migrator($this->pdo, $this->tempDir))->migrate();
            $this->fail('The broken migration should have thrown.');
        } catch (RuntimeException $error) {
            $this->assertStringContainsString('002_broken.sql', $error->getMessage());
        }

        $tables = $this->pdo->query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")->fetchAll(PDO::FETCH_COLUMN);
        $this->assertSame(['a', 'schema_migrations'], $tables);
        $this->assertSame(['002_broken.sql'], array_keys((new Migrator($this->pdo, $this->tempDir))->pending()));
    }

    public function testConnectionsEnforceForeignKeys(): void
    {
        $this->assertSame(1, (int) $this->pdo->query('PRAGMA foreign_keys')->fetchColumn());
    }
}
