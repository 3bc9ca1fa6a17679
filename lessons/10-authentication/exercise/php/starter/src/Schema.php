<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/** Creates the two tables AuthService works with. Already complete. */
final class Schema
{
    public static function create(PDO $db): void
    {
        $db->exec(
            'CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                password_hash VARCHAR(255) NOT NULL
            )'
        );
        $db->exec(
            'CREATE TABLE login_failures (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL,
                failed_at INTEGER NOT NULL
            )'
        );
        $db->exec('CREATE INDEX login_failures_email_time ON login_failures (email, failed_at)');
    }
}
