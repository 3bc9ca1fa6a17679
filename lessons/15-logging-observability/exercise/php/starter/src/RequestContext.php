<?php

declare(strict_types=1);

namespace Exercise;

/**
 * The trace context of one request (W3C Trace Context):
 *   traceparent = "00-<32 hex trace-id>-<16 hex parent-id>-<2 hex flags>", lowercase hex.
 * A trace-id or parent-id of all zeros is invalid, and so is any version other than 00.
 */
final class RequestContext
{
    private function __construct(
        public readonly string $traceId,
        public readonly string $spanId,
        public readonly string $flags,
    ) {
    }

    /**
     * ['traceId' => ..., 'parentId' => ..., 'flags' => ...] for a valid version-00 header, or
     * null for anything else (missing, wrong length, uppercase, all zeros, extra fields, a
     * trailing newline...).
     *
     * @return ?array{traceId: string, parentId: string, flags: string}
     */
    public static function parseTraceparent(?string $header): ?array
    {
        throw new \LogicException('Not implemented yet: RequestContext::parseTraceparent() in src/RequestContext.php');
    }

    /**
     * The context for a request whose headers are in $server (the traceparent header is
     * $server['HTTP_TRACEPARENT']): keep the trace-id and flags of a valid incoming header, or
     * start a new trace (bin2hex(random_bytes(16)), flags '01') when it is missing or invalid.
     * The span-id is always new: bin2hex(random_bytes(8)).
     */
    public static function fromServer(array $server): self
    {
        throw new \LogicException('Not implemented yet: RequestContext::fromServer() in src/RequestContext.php');
    }

    /** The traceparent to send on: "00-<traceId>-<spanId>-<flags>". */
    public function traceparent(): string
    {
        throw new \LogicException('Not implemented yet: RequestContext::traceparent() in src/RequestContext.php');
    }
}
