<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Response;

/**
 * Rate limiting in front of a request handler, with the buckets stored in SQLite so that
 * every request (a fresh PHP process, a fresh RateLimiter) sees the same state:
 *
 *   $limiter = new RateLimiter($pdo, capacity: 5, refillPerSec: 1);
 *   $response = $limiter->handle($_SERVER, fn(array $server) => new Response(200, [], 'ok'));
 */
final class RateLimiter
{
    /** The table the buckets live in (already written for you). */
    public const SCHEMA = 'CREATE TABLE IF NOT EXISTS rate_limit_buckets (
        bucket_key TEXT PRIMARY KEY,
        tokens REAL NOT NULL,
        updated_ms INTEGER NOT NULL
    )';

    /**
     * Bad options must fail here, at start-up (\InvalidArgumentException), not on the first
     * request. Create the table with self::SCHEMA.
     *
     * @param ?\Closure(): int $now clock in milliseconds (tests inject a fake one)
     * @param ?\Closure(array, string): string $key picks the bucket for a request from the
     *        server array and the client IP; default "ip:<client IP>"
     * @param bool $trustProxy true when exactly one trusted reverse proxy sits in front
     * @param string $policyName the policy name in the RateLimit fields
     */
    public function __construct(
        private readonly \PDO $db,
        int $capacity,
        float $refillPerSec,
        ?\Closure $now = null,
        ?\Closure $key = null,
        private readonly bool $trustProxy = false,
        private readonly string $policyName = 'default',
    ) {
        throw new \LogicException('Not implemented yet: RateLimiter::__construct() in src/RateLimiter.php');
    }

    /**
     * For every request, BEFORE calling $next:
     *  - the client IP is $server['REMOTE_ADDR'], unless $trustProxy: then the right-most
     *    entry of $server['HTTP_X_FORWARDED_FOR'] when it is a valid IP (FILTER_VALIDATE_IP);
     *  - in ONE transaction (BEGIN IMMEDIATE ... COMMIT, so two processes cannot both spend
     *    the last token): delete the buckets idle for capacity / refillPerSec seconds or more
     *    (they are full again), load the bucket for key($server, $clientIp) or start a full
     *    one, take() a token, and store the new state;
     *  - every response carries (draft-ietf-httpapi-ratelimit-headers-11 syntax)
     *      RateLimit-Policy: "<policyName>";q=<capacity>;w=<ceil(capacity / refillPerSec)>
     *      RateLimit: "<policyName>";r=<remaining>;t=<resetSec>
     *  - refused: 429, Retry-After: <resetSec>, Content-Type: application/problem+json,
     *    a problem-details body with "status": 429, and $next is NOT called.
     *
     * @param array<string, mixed> $server shaped like $_SERVER
     * @param callable(array<string, mixed>): Response $next
     */
    public function handle(array $server, callable $next): Response
    {
        throw new \LogicException('Not implemented yet: RateLimiter::handle() in src/RateLimiter.php');
    }

    /** How many buckets are stored right now. */
    public function count(): int
    {
        throw new \LogicException('Not implemented yet: RateLimiter::count() in src/RateLimiter.php');
    }
}
