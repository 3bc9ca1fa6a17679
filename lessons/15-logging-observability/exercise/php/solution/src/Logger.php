<?php

declare(strict_types=1);

namespace Exercise;

/** A structured logger: one JSON line per event. */
final class Logger
{
    public const LEVELS = ['debug' => 100, 'info' => 200, 'warning' => 300, 'error' => 400];

    /** @var resource */
    private $stream;
    private readonly \Closure $now;
    /** @var array<string, true> lower-cased keys to hide */
    private readonly array $hidden;

    /**
     * @param resource|null $stream
     * @param list<string> $redact
     * @param ?\Closure(): \DateTimeInterface $now
     * @param array<string, mixed> $bindings
     */
    public function __construct(
        $stream = null,
        private readonly string $level = 'info',
        private readonly array $redact = ['password', 'authorization', 'cookie'],
        ?\Closure $now = null,
        private readonly array $bindings = [],
        private readonly ?RequestContext $context = null,
    ) {
        if (!isset(self::LEVELS[$level])) {
            throw new \InvalidArgumentException("Unknown log level: {$level}");
        }
        $this->stream = $stream ?? STDERR;
        $this->now = $now ?? static fn(): \DateTimeImmutable => new \DateTimeImmutable();
        $this->hidden = array_fill_keys(array_map('strtolower', $redact), true);
    }

    public function debug(string $message, array $fields = []): void
    {
        $this->write('debug', $message, $fields);
    }

    public function info(string $message, array $fields = []): void
    {
        $this->write('info', $message, $fields);
    }

    public function warning(string $message, array $fields = []): void
    {
        $this->write('warning', $message, $fields);
    }

    public function error(string $message, array $fields = []): void
    {
        $this->write('error', $message, $fields);
    }

    /** A full logger with the same options and more bindings. */
    public function child(array $bindings): self
    {
        return new self($this->stream, $this->level, $this->redact, $this->now, $bindings + $this->bindings, $this->context);
    }

    /** A full logger with the same options whose lines carry this request's trace_id and span_id. */
    public function forRequest(RequestContext $context): self
    {
        return new self($this->stream, $this->level, $this->redact, $this->now, $this->bindings, $context);
    }

    private function write(string $level, string $message, array $fields): void
    {
        if (self::LEVELS[$level] < self::LEVELS[$this->level]) {
            return;
        }
        $time = \DateTimeImmutable::createFromInterface(($this->now)())->setTimezone(new \DateTimeZone('UTC'));
        $line = ['time' => $time->format('Y-m-d\TH:i:s.v\Z'), 'level' => $level, 'msg' => $message];
        if ($this->context !== null) {
            $line += ['trace_id' => $this->context->traceId, 'span_id' => $this->context->spanId];
        }
        $line += $this->redacted($fields + $this->bindings);
        // json_encode escapes CR/LF (one event, one line); bad UTF-8 from user input is replaced, not fatal.
        fwrite($this->stream, json_encode($line, JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR) . "\n");
    }

    /** A redacted copy: matching keys at any depth, in arrays and objects, in any letter case. */
    private function redacted(mixed $value): mixed
    {
        if ($value instanceof \JsonSerializable) {
            $value = $value->jsonSerialize(); // what json_encode() would write, so redact that
        }
        if (is_object($value)) {
            $value = get_object_vars($value); // a copy: the caller's object stays unchanged
        }
        if (!is_array($value)) {
            return $value;
        }
        $copy = [];
        foreach ($value as $key => $inner) {
            $copy[$key] = isset($this->hidden[strtolower((string) $key)]) ? '[REDACTED]' : $this->redacted($inner);
        }
        return $copy;
    }
}
