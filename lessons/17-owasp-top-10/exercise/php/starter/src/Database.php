<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/** Creates the schema and the seed data the tests rely on. Already complete. */
final class Database
{
    public static function createSeeded(): PDO
    {
        $db = new PDO('sqlite::memory:', null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
        ]);
        $db->exec('CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
        $db->exec(
            'CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                owner_id INTEGER NOT NULL REFERENCES users (id),
                title TEXT NOT NULL,
                body TEXT NOT NULL
            )'
        );
        $db->exec("INSERT INTO users (id, name) VALUES (1, 'Ana'), (2, 'Ben')");
        $insert = $db->prepare('INSERT INTO notes (id, owner_id, title, body) VALUES (?, ?, ?, ?)');
        foreach ([
            [1, 1, 'Shopping list', 'Oat milk, coffee, lemons'],
            [2, 1, 'Birthday ideas', 'Book, concert tickets'],
            [3, 1, 'Work: quarterly plan', 'Ship the search feature'],
            [4, 2, "Ben's private diary", 'Nobody else may read this'],
        ] as $row) {
            $insert->execute($row);
        }
        return $db;
    }
}
