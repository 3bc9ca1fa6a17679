<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\ChecksumMismatch;
use Exercise\MigrationFailed;
use Exercise\Migrator;
use PDO;
use PHPUnit\Framework\TestCase;

final class MigratorTest extends TestCase
{
    private const NOW = '2026-03-01T12:00:00Z';

    private string $tmp;
    private string $dir;
    private PDO $pdo;

    protected function setUp(): void
    {
        $this->tmp = sys_get_temp_dir() . '/migrator-test-' . bin2hex(random_bytes(6));
        $this->dir = $this->tmp . '/migrations';
        mkdir($this->dir, 0700, true);
        // Copy in reverse order so directory order does not match version order.
        foreach (['0010_add_posts_published_at.sql', '0002_create_posts.sql', '0001_create_users.sql'] as $file) {
            copy(__DIR__ . '/../migrations/' . $file, $this->dir . '/' . $file);
        }
        $this->pdo = $this->connect();
    }

    protected function tearDown(): void
    {
        unset($this->pdo);
        foreach (glob($this->tmp . '/{,migrations/}*', GLOB_BRACE) ?: [] as $path) {
            is_file($path) && unlink($path);
        }
        is_dir($this->dir) && rmdir($this->dir);
        is_dir($this->tmp) && rmdir($this->tmp);
    }

    public function testFreshRunAppliesAllFilesInNumericOrder(): void
    {
        $applied = $this->migrator()->migrate();

        $this->assertSame(['0001', '0002', '0010'], $applied,
            'migrate() must apply NNNN_*.sql files sorted by version (0002 before 0010) and return their versions');
        $this->assertTrue($this->tableExists('posts'), 'migrate() must actually run the SQL of each file');
        $this->assertSame(
            [
                ['version' => '0001', 'checksum' => hash_file('sha256', $this->dir . '/0001_create_users.sql'), 'applied_at' => self::NOW],
            ],
            $this->pdo->query("SELECT version, checksum, applied_at FROM schema_migrations WHERE version = '0001'")->fetchAll(),
            'Each applied file must be recorded in schema_migrations(version, checksum = sha256 of the file, applied_at = injected clock)'
        );
    }

    public function testVersionsAreSortedAsNumbersNotText(): void
    {
        // Flyway-style versions without zero padding: 2 < 10 < 100.
        $dir = $this->tmp . '/unpadded';
        mkdir($dir);
        foreach (['100_third.sql' => 'c', '2_first.sql' => 'a', '10_second.sql' => 'b'] as $file => $table) {
            file_put_contents("$dir/$file", "CREATE TABLE t_$table (id INTEGER PRIMARY KEY);\n");
        }
        $migrator = new Migrator($this->pdo, $dir, static fn (): string => self::NOW);

        try {
            $this->assertSame(['pending' => ['2', '10', '100']], array_intersect_key($migrator->status(), ['pending' => 1]),
                'status() must list pending versions in numeric order (2, 10, 100), not as text (10, 100, 2)');
            $this->assertSame(['2', '10', '100'], $migrator->migrate(),
                'migrate() must apply versions in numeric order (2, 10, 100): compare (int) versions, not strings');
            $this->assertSame(['applied' => ['2', '10', '100'], 'pending' => []], $migrator->status(),
                'status() must list applied versions in numeric order too (2, 10, 100); ORDER BY version sorts TEXT '
                . 'as 10, 100, 2, so sort the versions as numbers');
        } finally {
            array_map('unlink', glob("$dir/*.sql") ?: []);
            rmdir($dir);
        }
    }

    public function testSecondRunAppliesNothing(): void
    {
        $this->migrator()->migrate();

        $this->assertSame([], $this->migrator()->migrate(),
            'A second migrate() must apply nothing: skip versions already in schema_migrations');
        $this->assertSame(3, (int) $this->pdo->query('SELECT COUNT(*) FROM schema_migrations')->fetchColumn(),
            'schema_migrations must hold exactly one row per applied migration');
    }

    public function testNewMigrationIsTheOnlyOneAppliedNextTime(): void
    {
        $this->migrator()->migrate();
        $this->addFixture('0011_create_tags.sql');

        $this->assertSame(['0011'], $this->migrator()->migrate(), 'Only the new 0011 must be applied on the next run');
        $this->assertTrue($this->tableExists('tags'), '0011 must create the tags table');
    }

    public function testAFileOlderThanTheNewestAppliedOneIsStillApplied(): void
    {
        $this->migrator()->migrate();
        // A branch merged late: its version is lower than the newest applied one.
        file_put_contents($this->dir . '/0005_create_late_table.sql', "CREATE TABLE late_table (id INTEGER PRIMARY KEY);\n");

        $this->assertSame(['applied' => ['0001', '0002', '0010'], 'pending' => ['0005']], $this->migrator()->status(),
            'status() must list 0005 as pending: pending means "not recorded in schema_migrations", not "newer than the newest"');
        $this->assertSame(['0005'], $this->migrator()->migrate(),
            'migrate() skipped 0005 because 0010 was already applied: apply every file whose version is not recorded, '
            . 'do not compare with MAX(version)');
        $this->assertTrue($this->tableExists('late_table'), '0005 must actually run');
    }

    public function testAppliedAtIsReadFromTheClockWhenTheMigrationRuns(): void
    {
        $tick = 0;
        $clock = static function () use (&$tick): string {
            $tick++;
            return gmdate('Y-m-d\TH:i:s\Z', 1_900_000_000 + 3600 * $tick);
        };
        $migrator = new Migrator($this->pdo, $this->dir, $clock);
        $migrator->migrate();
        $this->addFixture('0011_create_tags.sql');
        $migrator->migrate();

        $times = $this->pdo->query('SELECT version, applied_at FROM schema_migrations')->fetchAll(PDO::FETCH_KEY_PAIR);
        $issued = array_map(static fn (int $t): string => gmdate('Y-m-d\TH:i:s\Z', 1_900_000_000 + 3600 * $t), range(1, max(1, $tick)));
        foreach ($times as $version => $at) {
            $this->assertContains($at, $issued, "applied_at of $version ($at) did not come from the injected clock: record (\$this->now)()");
        }
        $this->assertGreaterThan($times['0001'], $times['0011'],
            'The same Migrator applied 0011 in a later run but recorded the time of the first one: call the clock when '
            . 'a migration is applied, not once in the constructor');
    }

    public function testAnyErrorWhileApplyingRollsBackNotOnlyPdoExceptions(): void
    {
        $this->migrator()->migrate();
        $this->addFixture('0011_create_tags.sql');
        $failingClock = static function (): string {
            throw new \RuntimeException('clock unavailable');
        };

        $thrown = null;
        try {
            (new Migrator($this->pdo, $this->dir, $failingClock))->migrate();
        } catch (\Throwable $e) {
            $thrown = $e;
        }
        $this->assertNotNull($thrown, 'migrate() must not report success when reading the clock failed');
        $this->assertFalse($this->pdo->inTransaction(),
            'A RuntimeException left the transaction open: roll back on any Throwable (catch (\Throwable $e)), '
            . 'not only on PDOException, then rethrow');
        $this->assertFalse($this->tableExists('tags'),
            'A RuntimeException during 0011 left its table behind: roll back on any Throwable, not only PDOException');
    }

    public function testBrokenMigrationRollsBackAndStops(): void
    {
        $this->migrator()->migrate();
        $this->addFixture('0011_create_tags.sql');
        $this->addFixture('0012_broken.sql');
        $this->addFixture('0013_after_broken.sql');

        try {
            $this->migrator()->migrate();
            $this->fail('migrate() must throw MigrationFailed when a migration\'s SQL fails');
        } catch (MigrationFailed $e) {
            $this->assertNotNull($e->getPrevious(), 'Pass the original exception as $previous to MigrationFailed');
        }

        $this->assertFalse($this->tableExists('audit_log'),
            'The broken 0012 created audit_log before failing: run each file inside a transaction and roll back on error');
        $this->assertSame(0, (int) $this->pdo->query("SELECT COUNT(*) FROM schema_migrations WHERE version = '0012'")->fetchColumn(),
            'A failed migration must not be recorded in schema_migrations');
        $this->assertFalse($this->tableExists('must_not_exist'),
            'After a failure, later migrations (0013) must not be attempted');
        $this->assertTrue($this->tableExists('tags'),
            '0011 succeeded before 0012 failed, so it must stay applied: give every file its own transaction, '
            . 'not one transaction around the whole run');
        $this->assertSame(['applied' => ['0001', '0002', '0010', '0011'], 'pending' => ['0012', '0013']], $this->migrator()->status(),
            'After 0012 failed, status() must show 0011 applied and 0012, 0013 still pending');
        $this->assertFalse($this->pdo->inTransaction(), 'The connection must not be left inside a transaction');
    }

    public function testMigrationAndItsRecordCommitTogether(): void
    {
        $this->migrator()->migrate();
        // Simulate a failure while recording 0011 (disk full, lock timeout...).
        $this->pdo->exec("CREATE TRIGGER fail_recording BEFORE INSERT ON schema_migrations
                          WHEN NEW.version = '0011' BEGIN SELECT RAISE(ABORT, 'simulated failure while recording'); END");
        $this->addFixture('0011_create_tags.sql');

        try {
            $this->migrator()->migrate();
            $this->fail('migrate() must throw MigrationFailed when recording a migration fails');
        } catch (MigrationFailed) {
            // expected
        }
        $this->assertFalse($this->tableExists('tags'),
            'Recording 0011 failed but its table stayed: insert the schema_migrations row inside the same '
            . 'transaction as the migration\'s SQL, before commit()');
        $this->assertFalse($this->pdo->inTransaction(), 'The connection must not be left inside a transaction');
    }

    public function testEditedMigrationThrowsChecksumMismatchBeforeApplyingAnything(): void
    {
        $this->migrator()->migrate();
        file_put_contents($this->dir . '/0002_create_posts.sql', "\n-- fixed a typo\n", FILE_APPEND);
        $this->addFixture('0011_create_tags.sql');

        try {
            $this->migrator()->migrate();
            $this->fail('Editing an applied migration must make migrate() throw ChecksumMismatch');
        } catch (ChecksumMismatch) {
            // expected
        }
        $this->assertFalse($this->tableExists('tags'),
            'Check the checksums of applied files BEFORE applying pending ones (0011 was applied anyway)');
    }

    public function testStatusListsAppliedAndPendingVersions(): void
    {
        $this->assertSame(['applied' => [], 'pending' => ['0001', '0002', '0010']], $this->migrator()->status(),
            'status() on a fresh database must list every file as pending, in version order');

        $this->migrator()->migrate();
        $this->addFixture('0011_create_tags.sql');
        file_put_contents($this->dir . '/README.txt', 'not a migration');
        file_put_contents($this->dir . '/notes.sql', '-- no version number: not a migration');
        // An editor's backup, a draft and a copy: each contains a version, but the whole name is not NNNN_name.sql.
        file_put_contents($this->dir . '/0003_create_drafts.sql.bak', "CREATE TABLE drafts (id INTEGER PRIMARY KEY);\n");
        file_put_contents($this->dir . '/draft-0004_create_ideas.sql', "CREATE TABLE ideas (id INTEGER PRIMARY KEY);\n");
        file_put_contents($this->dir . '/0006_copy of tags.sql', "CREATE TABLE copies (id INTEGER PRIMARY KEY);\n");

        $this->assertSame(['applied' => ['0001', '0002', '0010'], 'pending' => ['0011']], $this->migrator()->status(),
            'status() must list applied versions and the pending 0011, and ignore every file whose whole name is not NNNN_name.sql '
            . '(README.txt, notes.sql, 0003_create_drafts.sql.bak, draft-0004_create_ideas.sql, "0006_copy of tags.sql"): anchor the file-name pattern with ^ and $');
        $this->assertSame(['0011'], $this->migrator()->migrate(), 'migrate() must apply only 0011 and ignore files that are not NNNN_name.sql');
    }

    public function testExpandMigrationAddsNullableFullNameAndBackfills(): void
    {
        $this->migrator()->migrate();
        $seed = $this->pdo->prepare('INSERT INTO users (name, email) VALUES (?, ?)');
        foreach ([['Ann Lee', 'ann@example.com'], ['Ben Ode', 'ben@example.com'], ['Cleo Park', 'cleo@example.com']] as $row) {
            $seed->execute($row);
        }
        mt_srand(909); // and a few users nobody can know in advance
        $syllables = ['ka', 'lo', 'mi', 'ren', 'to', 'su', 'vik', 'ne'];
        for ($i = 0; $i < 25; $i++) {
            $name = ucfirst($syllables[mt_rand(0, 7)] . $syllables[mt_rand(0, 7)]) . ' ' . ucfirst($syllables[mt_rand(0, 7)] . $syllables[mt_rand(0, 7)]);
            $seed->execute([$name, "user$i@example.org"]);
        }
        copy(__DIR__ . '/../migrations/0020_add_users_full_name.sql', $this->dir . '/0020_add_users_full_name.sql');

        $this->assertSame(['0020'], $this->migrator()->migrate(), 'migrations/0020_add_users_full_name.sql must be applied');

        $columns = array_column($this->pdo->query("PRAGMA table_info('users')")->fetchAll(), null, 'name');
        $this->assertArrayHasKey('full_name', $columns, '0020 must ADD COLUMN full_name to users');
        $this->assertSame(0, (int) $columns['full_name']['notnull'],
            'full_name must be nullable in the expand step, so old code that inserts without it keeps working');
        $this->assertArrayHasKey('name', $columns, 'Do not drop or rename users.name in the expand step');
        $this->assertSame(0, (int) $this->pdo->query('SELECT COUNT(*) FROM users WHERE full_name IS NULL')->fetchColumn(),
            '0020 must backfill full_name for existing rows (UPDATE users SET full_name = name ...)');
        $this->assertSame('Cleo Park', $this->pdo->query("SELECT full_name FROM users WHERE email = 'cleo@example.com'")->fetchColumn(),
            'full_name must be copied from name');
        $this->assertSame(0, (int) $this->pdo->query('SELECT COUNT(*) FROM users WHERE full_name IS NOT name')->fetchColumn(),
            '0020 must copy name into full_name for every existing row, whatever the data: UPDATE users SET full_name = name');

        try {
            $this->pdo->exec("INSERT INTO users (name, email) VALUES ('Old Code', 'old@example.com')");
        } catch (\PDOException $e) {
            $this->fail('After 0020, the old application\'s INSERT without full_name failed (' . $e->getMessage()
                . '): the expand step must keep every old write working');
        }
        $this->assertSame(1, (int) $this->pdo->query("SELECT COUNT(*) FROM users WHERE email = 'old@example.com' AND (full_name IS NULL OR full_name = name)")->fetchColumn(),
            'A row written by the old code got a made-up full_name (a DEFAULT): leave the new column NULL (no DEFAULT), '
            . 'so the next backfill (WHERE full_name IS NULL) still finds the rows old code writes');
    }

    private function migrator(): Migrator
    {
        return new Migrator($this->pdo, $this->dir, static fn (): string => self::NOW);
    }

    private function connect(): PDO
    {
        $pdo = new PDO('sqlite:' . $this->tmp . '/app.sqlite', null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
        ]);
        $pdo->exec('PRAGMA foreign_keys = ON');

        return $pdo;
    }

    private function addFixture(string $file): void
    {
        copy(__DIR__ . '/fixtures/' . $file, $this->dir . '/' . $file);
    }

    private function tableExists(string $table): bool
    {
        $stmt = $this->pdo->prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
        $stmt->execute([$table]);

        return (int) $stmt->fetchColumn() === 1;
    }
}
