<?php

declare(strict_types=1);

namespace Exercise\Tests;

use PDO;
use PDOStatement;

/** A PDO that counts how many statements the code under test sends. */
final class CountingPDO extends PDO
{
    public int $statements = 0;

    public function prepare(string $query, array $options = []): PDOStatement|false
    {
        $this->statements++;

        return parent::prepare($query, $options);
    }

    public function query(string $query, ?int $fetchMode = null, mixed ...$fetchModeArgs): PDOStatement|false
    {
        $this->statements++;

        return $fetchMode === null ? parent::query($query) : parent::query($query, $fetchMode, ...$fetchModeArgs);
    }

    public function exec(string $statement): int|false
    {
        $this->statements++;

        return parent::exec($statement);
    }
}
