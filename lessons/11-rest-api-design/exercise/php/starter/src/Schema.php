<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/** Creates the table the API stores books in. You do not need to change this file. */
final class Schema
{
    public static function create(PDO $db): void
    {
        $db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
        $db->exec(<<<'SQL'
            CREATE TABLE IF NOT EXISTS books (
                id     INTEGER PRIMARY KEY AUTOINCREMENT, -- ids only grow: a keyset cursor never meets a reused id
                title  TEXT NOT NULL,
                author TEXT NOT NULL
            )
            SQL);
    }
}
