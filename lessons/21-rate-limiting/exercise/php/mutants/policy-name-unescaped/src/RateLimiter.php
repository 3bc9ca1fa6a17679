<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Response;

final class RateLimiter
{
    public const SCHEMA = 'CREATE TABLE IF NOT EXISTS rate_limit_buckets (
        bucket_key TEXT PRIMARY KEY,
        tokens REAL NOT NULL,
        updated_ms INTEGER NOT NULL
    )';

    private readonly TokenBucket $bucket;
    private readonly \Closure $now;
    private readonly \Closure $key;

    public function __construct(
        private readonly \PDO $db,
        int $capacity,
        float $refillPerSec,
        ?\Closure $now = null,
        ?\Closure $key = null,
        private readonly bool $trustProxy = false,
        private readonly string $policyName = 'default',
    ) {
        $this->bucket = new TokenBucket($capacity, $refillPerSec); // bad options fail here, at start-up
        $this->now = $now ?? static fn(): int => (int) floor(microtime(true) * 1000);
        $this->key = $key ?? static fn(array $server, string $clientIp): string => "ip:{$clientIp}";
        $this->db->exec(self::SCHEMA);
    }

    /**
     * @param array<string, mixed> $server shaped like $_SERVER
     * @param callable(array<string, mixed>): Response $next
     */
    public function handle(array $server, callable $next): Response
    {
        $nowMs = ($this->now)();
        $bucketKey = ($this->key)($server, $this->clientIp($server));
        $take = $this->takeAtomically($bucketKey, $nowMs);

        $name = '"' . $this->policyName . '"'; // a Structured Field string
        $window = (int) ceil($this->bucket->capacity / $this->bucket->refillPerSec);
        $headers = [
            'RateLimit-Policy' => "{$name};q={$this->bucket->capacity};w={$window}",
            'RateLimit' => "{$name};r={$take->remaining};t={$take->resetSec}",
        ];
        if (!$take->allowed) {
            $problem = ['type' => 'about:blank', 'title' => 'Too Many Requests', 'status' => 429, 'detail' => "Rate limit exceeded. Retry in {$take->resetSec} seconds."];
            return new Response(429, $headers + ['Retry-After' => (string) $take->resetSec, 'Content-Type' => 'application/problem+json'], json_encode($problem, JSON_THROW_ON_ERROR));
        }
        $response = $next($server);
        foreach ($headers as $header => $value) {
            $response = $response->withHeader($header, $value);
        }
        return $response;
    }

    /** How many buckets are stored right now. */
    public function count(): int
    {
        return (int) $this->db->query('SELECT COUNT(*) FROM rate_limit_buckets')->fetchColumn();
    }

    /** Read, refill, spend and write in one IMMEDIATE transaction, so two processes cannot both spend the last token. */
    private function takeAtomically(string $bucketKey, int $nowMs): Take
    {
        $this->db->exec('BEGIN IMMEDIATE');
        try {
            // A bucket idle this long is full again, exactly like a new one: dropping it changes nothing.
            $idleMs = $this->bucket->capacity / $this->bucket->refillPerSec * 1000;
            $this->db->prepare('DELETE FROM rate_limit_buckets WHERE updated_ms <= ?')->execute([$nowMs - $idleMs]);

            $select = $this->db->prepare('SELECT tokens, updated_ms FROM rate_limit_buckets WHERE bucket_key = ?');
            $select->execute([$bucketKey]);
            $row = $select->fetch(\PDO::FETCH_ASSOC);
            $state = $row === false ? $this->bucket->full($nowMs) : new BucketState((float) $row['tokens'], (int) $row['updated_ms']);

            $take = $this->bucket->take($state, $nowMs);
            $this->db->prepare('INSERT INTO rate_limit_buckets (bucket_key, tokens, updated_ms) VALUES (?, ?, ?)
                ON CONFLICT (bucket_key) DO UPDATE SET tokens = excluded.tokens, updated_ms = excluded.updated_ms')
                ->execute([$bucketKey, $take->state->tokens, $take->state->updatedMs]);
            $this->db->exec('COMMIT');
            return $take;
        } catch (\Throwable $e) {
            $this->db->exec('ROLLBACK');
            throw $e;
        }
    }

    /**
     * The client's IP: REMOTE_ADDR, unless exactly one trusted proxy is in front; then the
     * right-most X-Forwarded-For entry (the one our proxy appended), if it is a valid IP.
     */
    private function clientIp(array $server): string
    {
        $socket = (string) ($server['REMOTE_ADDR'] ?? 'unknown');
        if (!$this->trustProxy) {
            return $socket;
        }
        $hops = array_values(array_filter(array_map('trim', explode(',', (string) ($server['HTTP_X_FORWARDED_FOR'] ?? ''))), static fn(string $hop) => $hop !== ''));
        $candidate = $hops === [] ? null : $hops[count($hops) - 1];
        return $candidate !== null && filter_var($candidate, FILTER_VALIDATE_IP) !== false ? $candidate : $socket;
    }
}
