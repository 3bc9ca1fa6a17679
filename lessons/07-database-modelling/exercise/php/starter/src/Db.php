<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * Opens SQLite connections the way production code should: exceptions on
 * errors, associative rows, and foreign-key enforcement switched ON.
 * (SQLite leaves foreign keys OFF by default, per connection.)
 */
final class Db
{
    public static function connect(string $dsn = 'sqlite::memory:'): PDO
    {
        $pdo = new PDO($dsn, null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
        ]);
        $pdo->exec('PRAGMA foreign_keys = ON');

        return $pdo;
    }

    /** Runs every statement of an .sql file. */
    public static function runFile(PDO $pdo, string $path): void
    {
        $sql = file_get_contents($path);
        if ($sql === false) {
            throw new \RuntimeException("Cannot read $path");
        }
        $pdo->exec($sql);
    }
}
