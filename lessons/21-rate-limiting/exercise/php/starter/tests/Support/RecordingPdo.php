<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

/**
 * A PDO that notes every SQL statement it is given, and whether a BEGIN IMMEDIATE transaction
 * was open at that moment, so a test can check that a request reads and writes its bucket
 * inside one such transaction.
 */
final class RecordingPdo extends \PDO
{
    /** @var list<array{sql: string, inImmediate: bool}> */
    public array $statements = [];
    private bool $inImmediate = false;

    private function note(string $sql): void
    {
        if (preg_match('/^\s*BEGIN\s+IMMEDIATE\b/i', $sql) === 1) {
            $this->inImmediate = true;
        } elseif (preg_match('/^\s*(COMMIT|END|ROLLBACK)\b/i', $sql) === 1) {
            $this->inImmediate = false;
        }
        $this->statements[] = ['sql' => $sql, 'inImmediate' => $this->inImmediate];
    }

    public function exec(string $statement): int|false
    {
        $this->note($statement);
        return parent::exec($statement);
    }

    public function prepare(string $query, array $options = []): \PDOStatement|false
    {
        $this->note($query);
        return parent::prepare($query, $options);
    }

    public function query(string $query, ?int $fetchMode = null, mixed ...$fetchModeArgs): \PDOStatement|false
    {
        $this->note($query);
        return $fetchMode === null ? parent::query($query) : parent::query($query, $fetchMode, ...$fetchModeArgs);
    }

    public function beginTransaction(): bool
    {
        $this->note('BEGIN (deferred, PDO::beginTransaction)');
        return parent::beginTransaction();
    }

    public function commit(): bool
    {
        $this->note('COMMIT');
        return parent::commit();
    }

    public function rollBack(): bool
    {
        $this->note('ROLLBACK');
        return parent::rollBack();
    }
}
