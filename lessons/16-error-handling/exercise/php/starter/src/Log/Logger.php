<?php

declare(strict_types=1);

namespace Exercise\Log;

/**
 * A PSR-3-like logger (a subset of Psr\Log\LoggerInterface).
 * By PSR-3 convention an exception is passed in $context['exception'].
 */
interface Logger
{
    /** @param array<string, mixed> $context */
    public function error(string $message, array $context = []): void;

    /** @param array<string, mixed> $context */
    public function warning(string $message, array $context = []): void;

    /** @param array<string, mixed> $context */
    public function info(string $message, array $context = []): void;
}
