<?php

declare(strict_types=1);

namespace App\Note;

use PDO;
use RuntimeException;

/**
 * All SQL for notes lives here.
 *
 * Every value reaches the database through a prepared statement
 * placeholder (:title, :id ...), never by string concatenation: that is
 * what makes SQL injection impossible, whatever the user sends.
 */
final class NoteRepository
{
    public function __construct(private readonly PDO $pdo)
    {
    }

    public function create(string $title, string $body): Note
    {
        $insert = $this->pdo->prepare('INSERT INTO notes (title, body) VALUES (:title, :body)');
        $insert->execute(['title' => $title, 'body' => $body]);

        // Read the row back so defaults filled in by the database (id, created_at) are included.
        return $this->find((int) $this->pdo->lastInsertId())
            ?? throw new RuntimeException('The note just inserted could not be read back.');
    }

    public function find(int $id): ?Note
    {
        $select = $this->pdo->prepare('SELECT id, title, body, created_at FROM notes WHERE id = :id');
        $select->bindValue('id', $id, PDO::PARAM_INT);
        $select->execute();
        $row = $select->fetch();

        return $row === false ? null : Note::fromRow($row);
    }

    /** @return list<Note> newest first */
    public function latest(int $limit = 50): array
    {
        $select = $this->pdo->prepare(
            'SELECT id, title, body, created_at FROM notes ORDER BY created_at DESC, id DESC LIMIT :limit'
        );
        // LIMIT needs an integer; bind it as one explicitly.
        $select->bindValue('limit', $limit, PDO::PARAM_INT);
        $select->execute();

        return array_map(Note::fromRow(...), $select->fetchAll());
    }
}
