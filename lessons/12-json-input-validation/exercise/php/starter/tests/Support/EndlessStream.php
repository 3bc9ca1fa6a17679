<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

/**
 * A request body that never ends (stream wrapper "endless://"): '{"name":"' followed by
 * 'x' after 'x'. It gives up after 4 MiB so that a handler that reads everything still
 * finishes; $bytesRead tells the test how much the handler pulled.
 */
final class EndlessStream
{
    public const GIVE_UP_AFTER = 4 * 1024 * 1024;

    public static int $bytesRead = 0;

    /** @var resource|null set by PHP for stream wrappers */
    public $context;

    public static function open(): mixed
    {
        if (!in_array('endless', stream_get_wrappers(), true)) {
            stream_wrapper_register('endless', self::class);
        }
        self::$bytesRead = 0;
        return fopen('endless://body', 'rb');
    }

    public function stream_open(string $path, string $mode, int $options, ?string &$openedPath): bool
    {
        return true;
    }

    public function stream_read(int $count): string|false
    {
        if (self::$bytesRead >= self::GIVE_UP_AFTER) {
            return '';
        }
        $chunk = self::$bytesRead === 0 ? '{"name":"' . str_repeat('x', max(0, $count - 9)) : str_repeat('x', $count);
        self::$bytesRead += strlen($chunk);
        return $chunk;
    }

    public function stream_eof(): bool
    {
        return self::$bytesRead >= self::GIVE_UP_AFTER;
    }

    public function stream_stat(): array|false
    {
        return [];
    }
}
