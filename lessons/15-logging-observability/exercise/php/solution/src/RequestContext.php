<?php

declare(strict_types=1);

namespace Exercise;

/** The trace context of one request (W3C Trace Context). */
final class RequestContext
{
    private const TRACEPARENT = '/^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})\z/';

    private function __construct(
        public readonly string $traceId,
        public readonly string $spanId,
        public readonly string $flags,
    ) {
    }

    /** @return ?array{traceId: string, parentId: string, flags: string} */
    public static function parseTraceparent(?string $header): ?array
    {
        if ($header === null || preg_match(self::TRACEPARENT, trim($header, " \t"), $m) !== 1) {
            return null;
        }
        [, $traceId, $parentId, $flags] = $m;
        if (trim($traceId, '0') === '' || trim($parentId, '0') === '') {
            return null; // all-zero ids are invalid
        }
        return ['traceId' => $traceId, 'parentId' => $parentId, 'flags' => $flags];
    }

    /** Keep a valid incoming trace, or start a new one; always a new span for this server. */
    public static function fromServer(array $server): self
    {
        $incoming = self::parseTraceparent($server['HTTP_TRACEPARENT'] ?? null);
        return new self(
            $incoming['traceId'] ?? bin2hex(random_bytes(16)),
            bin2hex(random_bytes(8)),
            $incoming['flags'] ?? '01',
        );
    }

    /** The header to send on: 00-<trace-id>-<our span-id>-<flags>. */
    public function traceparent(): string
    {
        return "00-{$this->traceId}-{$this->spanId}-{$this->flags}";
    }
}
