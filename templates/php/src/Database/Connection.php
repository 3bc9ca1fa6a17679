<?php

declare(strict_types=1);

namespace App\Database;

use PDO;
use RuntimeException;

/**
 * Opens SQLite connections configured the same way everywhere.
 */
final class Connection
{
    /** @param string $path a file path, or ":memory:" for a private in-memory database */
    public static function open(string $path): PDO
    {
        if ($path !== ':memory:') {
            $directory = dirname($path);
            if (!is_dir($directory) && !mkdir($directory, 0775, true) && !is_dir($directory)) {
                throw new RuntimeException(sprintf('Cannot create database directory "%s".', $directory));
            }
        }

        $pdo = new PDO('sqlite:' . $path, null, null, [
            // Throw on every SQL error instead of returning false that nobody checks.
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            // Rows as ['column' => value] arrays, not doubled numeric + named keys.
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
            // Wait up to 5 s for another process's write lock instead of failing at once.
            PDO::ATTR_TIMEOUT => 5,
        ]);

        // SQLite ignores FOREIGN KEY constraints unless you switch them on,
        // per connection. Forgetting this silently allows orphaned rows.
        $pdo->exec('PRAGMA foreign_keys = ON');

        return $pdo;
    }
}
