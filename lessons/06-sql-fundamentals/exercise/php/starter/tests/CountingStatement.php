<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Iterator;
use PDO;
use PDOStatement;

/**
 * A PDOStatement that counts every row the database hands to PHP, however
 * the code reads it (fetch, fetchAll, fetchColumn, fetchObject or foreach).
 * The tests use it to tell "the database aggregated" from "PHP looped over
 * every item row". It also records the SQL text of every statement, so the
 * tests can check that values arrive as bound parameters, not inside the SQL.
 */
final class CountingStatement extends PDOStatement
{
    public static int $rowsFetched = 0;

    /** @var list<string> SQL text of every statement prepared or queried */
    public static array $sqlTexts = [];

    protected function __construct()
    {
        self::$sqlTexts[] = $this->queryString;
    }

    public function getIterator(): Iterator
    {
        foreach (parent::getIterator() as $key => $row) {
            self::$rowsFetched++;
            yield $key => $row;
        }
    }

    public function fetch(int $mode = PDO::FETCH_DEFAULT, int $cursorOrientation = PDO::FETCH_ORI_NEXT, int $cursorOffset = 0): mixed
    {
        $row = parent::fetch($mode, $cursorOrientation, $cursorOffset);
        if ($row !== false) {
            self::$rowsFetched++;
        }
        return $row;
    }

    public function fetchAll(int $mode = PDO::FETCH_DEFAULT, mixed ...$args): array
    {
        $rows = parent::fetchAll($mode, ...$args);
        self::$rowsFetched += count($rows);
        return $rows;
    }

    public function fetchColumn(int $column = 0): mixed
    {
        $value = parent::fetchColumn($column);
        if ($value !== false) {
            self::$rowsFetched++;
        }
        return $value;
    }

    public function fetchObject(?string $class = 'stdClass', array $constructorArgs = []): object|false
    {
        $object = parent::fetchObject($class, $constructorArgs);
        if ($object !== false) {
            self::$rowsFetched++;
        }
        return $object;
    }
}
