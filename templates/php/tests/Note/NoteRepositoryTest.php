<?php

declare(strict_types=1);

namespace App\Tests\Note;

use App\Application;
use App\Database\Connection;
use App\Database\Migrator;
use App\Note\NoteRepository;
use PHPUnit\Framework\TestCase;

/**
 * Runs against a real (in-memory) SQLite database with the real migrations,
 * so the SQL itself is tested, not a mock of it.
 */
final class NoteRepositoryTest extends TestCase
{
    private NoteRepository $notes;

    protected function setUp(): void
    {
        // Each test gets a brand-new, empty database: tests can't affect each other.
        $pdo = Connection::open(':memory:');
        (new Migrator($pdo, Application::migrationsDirectory()))->migrate();
        $this->notes = new NoteRepository($pdo);
    }

    public function testCreateReturnsTheStoredNote(): void
    {
        $note = $this->notes->create('Groceries', 'Milk, eggs');

        $this->assertGreaterThan(0, $note->id);
        $this->assertSame('Groceries', $note->title);
        $this->assertSame('Milk, eggs', $note->body);
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/', $note->createdAt);
    }

    public function testFindReturnsNullForAMissingNote(): void
    {
        $this->assertNull($this->notes->find(42));
    }

    public function testFindReturnsACreatedNote(): void
    {
        $created = $this->notes->create('Title', '');

        $this->assertEquals($created, $this->notes->find($created->id));
    }

    public function testLatestIsNewestFirstAndLimited(): void
    {
        $first = $this->notes->create('first', '');
        $second = $this->notes->create('second', '');
        $third = $this->notes->create('third', '');

        $ids = array_map(static fn ($note): int => $note->id, $this->notes->latest(2));

        $this->assertSame([$third->id, $second->id], $ids);
        $this->assertNotContains($first->id, $ids);
    }

    public function testValuesAreNeverInterpretedAsSql(): void
    {
        $evil = "x'); DROP TABLE notes; --";

        $note = $this->notes->create($evil, $evil);

        $this->assertSame($evil, $this->notes->find($note->id)?->title);
    }
}
