<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

/**
 * A stream wrapper for "counting://" URLs: a request body of $cap bytes (a slow or hostile
 * client can keep sending), which counts how many bytes the code under test pulled from it.
 */
final class CountingBody
{
    public static int $cap = 0;
    public static int $served = 0;
    public static string $fill = 'y';

    /** @var resource|null */
    public $context;

    /** @return resource a readable stream: '"' followed by $cap - 1 bytes of $fill */
    public static function open(int $cap, string $fill = 'y')
    {
        if (!in_array('counting', stream_get_wrappers(), true)) {
            stream_wrapper_register('counting', self::class);
        }
        self::$cap = $cap;
        self::$served = 0;
        self::$fill = $fill;
        $stream = fopen('counting://body', 'rb');
        if ($stream === false) {
            throw new \RuntimeException('could not open the counting test stream');
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
        $chunk = self::$served === 0 ? '"' . str_repeat(self::$fill, $n - 1) : str_repeat(self::$fill, $n);
        self::$served += $n;
        return $chunk;
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
