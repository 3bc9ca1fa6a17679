<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

/**
 * A stream wrapper for "endless://" URLs: a request body that keeps coming, like a
 * slow or hostile client's, up to a cap. It counts how many bytes the app pulled,
 * so a test can prove the app stopped reading soon after the limit.
 */
final class EndlessBody
{
    public static int $cap = 0;
    public static int $served = 0;

    /** @var resource|null */
    public $context;

    public static function register(): void
    {
        if (!in_array('endless', stream_get_wrappers(), true)) {
            stream_wrapper_register('endless', self::class);
        }
    }

    /** @return resource a readable stream of $cap bytes of "a" */
    public static function open(int $cap)
    {
        self::$cap = $cap;
        self::$served = 0;
        $stream = fopen('endless://body', 'rb');
        if ($stream === false) {
            throw new \RuntimeException('could not open the endless test stream');
        }
        return $stream;
    }

    public function stream_open(string $path, string $mode, int $options, ?string &$openedPath): bool
    {
        return true;
    }

    public function stream_read(int $count): string
    {
        $n = min($count, self::$cap - self::$served);
        if ($n <= 0) {
            return '';
        }
        self::$served += $n;
        return str_repeat('a', $n);
    }

    public function stream_eof(): bool
    {
        return self::$served >= self::$cap;
    }

    /** @return array<int|string, int> */
    public function stream_stat(): array
    {
        return [];
    }
}
