<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A structured logger: every call writes ONE line, json_encode(...) . "\n", e.g.
 *   {"time":"2026-11-02T10:00:00.000Z","level":"info","msg":"user fetched",
 *    "trace_id":"4bf9…","span_id":"…","user_ref":"…","service":"orders"}
 *   - time: now() in UTC, 'Y-m-d\TH:i:s.v\Z'; level: the level NAME; msg: the message;
 *   - trace_id and span_id: only for a logger made by forRequest();
 *   - then the fields and the bindings, where every key named in $redact, at ANY depth (arrays
 *     and objects) and in any letter case, has its whole value replaced by "[REDACTED]", in a
 *     copy (the caller's arrays and objects stay unchanged).
 * Lines below $level are dropped. A message with a line break, or with invalid UTF-8, still
 * becomes exactly one valid JSON line.
 */
final class Logger
{
    public const LEVELS = ['debug' => 100, 'info' => 200, 'warning' => 300, 'error' => 400];

    /**
     * @param resource|null $stream where to write, default STDERR
     * @param string $level the minimum level written ('debug', 'info', 'warning' or 'error')
     * @param list<string> $redact key names to hide
     * @param ?\Closure(): \DateTimeInterface $now clock (tests inject a fixed one)
     * @param array<string, mixed> $bindings fields added to every line, e.g. ['service' => 'orders']
     * @param ?RequestContext $context set by forRequest()
     */
    public function __construct(
        $stream = null,
        private readonly string $level = 'info',
        private readonly array $redact = ['password', 'authorization', 'cookie'],
        ?\Closure $now = null,
        private readonly array $bindings = [],
        private readonly ?RequestContext $context = null,
    ) {
    }

    public function debug(string $message, array $fields = []): void
    {
        throw new \LogicException('Not implemented yet: Logger::debug() in src/Logger.php');
    }

    public function info(string $message, array $fields = []): void
    {
        throw new \LogicException('Not implemented yet: Logger::info() in src/Logger.php');
    }

    public function warning(string $message, array $fields = []): void
    {
        throw new \LogicException('Not implemented yet: Logger::warning() in src/Logger.php');
    }

    public function error(string $message, array $fields = []): void
    {
        throw new \LogicException('Not implemented yet: Logger::error() in src/Logger.php');
    }

    /** A full logger with the same options (level, redact, clock, stream, context) and the bindings merged. */
    public function child(array $bindings): self
    {
        throw new \LogicException('Not implemented yet: Logger::child() in src/Logger.php');
    }

    /** A full logger with the same options whose lines carry $context's trace_id and span_id. */
    public function forRequest(RequestContext $context): self
    {
        throw new \LogicException('Not implemented yet: Logger::forRequest() in src/Logger.php');
    }
}
