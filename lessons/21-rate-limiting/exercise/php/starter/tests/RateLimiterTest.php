<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/StructuredFields.php';
require_once __DIR__ . '/Support/RecordingPdo.php';

use Exercise\Http\Response;
use Exercise\RateLimiter;
use Exercise\Tests\Support\RecordingPdo;
use Exercise\Tests\Support\StructuredFields;
use PHPUnit\Framework\TestCase;

final class RateLimiterTest extends TestCase
{
    private \PDO $db;
    private int $nowMs = 1_800_000_000_000;
    private int $handlerCalls = 0;
    /** @var list<string> client IPs passed to a key function */
    private array $seenIps = [];

    protected function setUp(): void
    {
        $this->db = new \PDO('sqlite::memory:', null, null, [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]);
    }

    private function limiter(int $capacity = 5, float $refillPerSec = 1, ?\Closure $key = null, bool $trustProxy = false, string $policyName = 'default', ?\PDO $db = null): RateLimiter
    {
        return new RateLimiter($db ?? $this->db, $capacity, $refillPerSec, fn(): int => $this->nowMs, $key, $trustProxy, $policyName);
    }

    private function send(RateLimiter $limiter, array $server = []): Response
    {
        return $limiter->handle($server + ['REMOTE_ADDR' => '127.0.0.1', 'REQUEST_METHOD' => 'GET', 'REQUEST_URI' => '/things'], function (array $server): Response {
            $this->handlerCalls++;
            return new Response(200, ['Content-Type' => 'text/plain; charset=utf-8'], 'ok');
        });
    }

    /** @return list<int> */
    private function statuses(RateLimiter $limiter, int $count, array $server = []): array
    {
        $result = [];
        for ($i = 0; $i < $count; $i++) {
            $result[] = $this->send($limiter, $server)->status;
        }
        return $result;
    }

    /** A key function that limits VERIFIED identities: a known API key maps to its account, anything else falls back to the client IP. */
    private static function verifiedKey(): \Closure
    {
        $accounts = ['key-A' => 'acct-1', 'key-B' => 'acct-2', 'key-A2' => 'acct-1'];
        return static function (array $server, string $clientIp) use ($accounts): string {
            $account = $accounts[$server['HTTP_X_API_KEY'] ?? ''] ?? null;
            return $account !== null ? "acct:{$account}" : "ip:{$clientIp}";
        };
    }

    public function testCapacity5FivePassTheSixthGets429AndNeverReachesTheHandler(): void
    {
        $limiter = $this->limiter();
        $this->assertSame([200, 200, 200, 200, 200], $this->statuses($limiter, 5), 'the first 5 requests must get 200');
        $this->assertSame(429, $this->send($limiter)->status, 'request #6 must get 429 Too Many Requests');
        $this->assertSame(5, $this->handlerCalls, 'the handler must not be called for the refused request: check the limit before doing the work');
    }

    public function testBadOptionsFailWhenTheLimiterIsBuilt(): void
    {
        foreach ([[0, 1.0], [5, 0.0], [-1, 2.0]] as [$capacity, $rate]) {
            $threw = false;
            try {
                new RateLimiter($this->db, $capacity, $rate);
            } catch (\InvalidArgumentException) {
                $threw = true;
            }
            $this->assertTrue($threw, "new RateLimiter(\$db, {$capacity}, {$rate}) must throw an InvalidArgumentException at once: validate in the constructor, so a misconfigured server fails at start-up instead of answering 500 later");
        }
    }

    public function testAllowedResponsesDoNotCarryRetryAfter(): void
    {
        $limiter = $this->limiter(3);
        for ($i = 1; $i <= 3; $i++) {
            $ok = $this->send($limiter);
            $this->assertSame(200, $ok->status, "request #{$i} must get 200");
            $this->assertNull($ok->header('Retry-After'), 'Retry-After belongs on the 429 only: on a 200 it tells clients to back off when they need not');
            $this->assertSame('ok', $ok->body, 'an allowed request gets the handler\'s own response');
        }
    }

    public function testThe429CarriesRetryAfterAndAProblemJsonBody(): void
    {
        $limiter = $this->limiter();
        $this->statuses($limiter, 5);
        $refused = $this->send($limiter);
        $this->assertMatchesRegularExpression('/^[1-9]\d*$/', (string) $refused->header('Retry-After'), 'Retry-After must be a whole number of seconds, at least 1 (delay-seconds)');
        $this->assertMatchesRegularExpression('/^application\/problem\+json/', (string) $refused->header('Content-Type'), 'the 429 body must be application/problem+json (RFC 9457)');
        $problem = json_decode($refused->body, true);
        $this->assertSame(429, $problem['status'] ?? null, 'the problem details must include "status": 429');
        $this->assertIsString($problem['title'] ?? null, 'the problem details must include a "title"');
    }

    public function testEveryResponseAdvertisesRateLimitPolicyAndRateLimit(): void
    {
        $limiter = $this->limiter();
        $remaining = [];
        $last = null;
        for ($i = 1; $i <= 6; $i++) {
            $last = $this->send($limiter);
            $this->assertNotNull($last->header('RateLimit-Policy'), "response #{$i} needs a RateLimit-Policy header");
            $this->assertNotNull($last->header('RateLimit'), "response #{$i} needs a RateLimit header (also on the 429)");
            [$policy] = StructuredFields::parseList($last->header('RateLimit-Policy'));
            $this->assertSame(5, $policy['params']['q'] ?? null, 'RateLimit-Policy must carry q=5 (the capacity)');
            $this->assertSame(5, $policy['params']['w'] ?? null, 'RateLimit-Policy must carry w=5: ceil(capacity / refillPerSec) seconds');
            [$state] = StructuredFields::parseList($last->header('RateLimit'));
            $this->assertSame($policy['name'], $state['name'], 'RateLimit must name the same policy as RateLimit-Policy');
            $this->assertGreaterThanOrEqual(1, $state['params']['t'] ?? 0, 'RateLimit must carry t, a whole number of seconds >= 1');
            $remaining[] = $state['params']['r'] ?? null;
        }
        $this->assertSame([4, 3, 2, 1, 0, 0], $remaining, 'the r parameter must count down 4, 3, 2, 1, 0 and stay 0 on the 429');
        $this->assertSame((int) $last->header('Retry-After'), StructuredFields::parseList($last->header('RateLimit'))[0]['params']['t'], 'on the 429, t must equal Retry-After');
    }

    public function testAfterTheClockMovesOneSecondExactlyOneMoreRequestSucceeds(): void
    {
        $limiter = $this->limiter();
        $this->statuses($limiter, 6);
        $this->nowMs += 1000;
        $this->assertSame([200, 429], $this->statuses($limiter, 2), 'one token refills per second: the next request must pass, and only that one');
    }

    public function testStateSurvivesTheRequestBecausePhpForgetsEverything(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'rate-limit-');
        try {
            $statuses = [];
            for ($i = 0; $i < 7; $i++) {
                // Each request is a new PHP process: a new connection and a new RateLimiter.
                $db = new \PDO("sqlite:{$file}", null, null, [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]);
                $statuses[] = $this->send($this->limiter(db: $db))->status;
            }
            $this->assertSame([200, 200, 200, 200, 200, 429, 429], $statuses, 'the buckets must live in the database, not in a PHP array or property: every request builds a new RateLimiter, and the 6th must still see the 5 spent tokens');
        } finally {
            @unlink($file);
        }
    }

    public function testEachRequestReadsAndWritesItsBucketInOneImmediateTransaction(): void
    {
        $db = new RecordingPdo('sqlite::memory:', null, null, [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]);
        $limiter = $this->limiter(db: $db);
        for ($i = 0; $i < 3; $i++) {
            $db->statements = [];
            $this->send($limiter);
            $bucketSql = array_values(array_filter($db->statements, static fn(array $s) => stripos($s['sql'], 'rate_limit_buckets') !== false));
            $this->assertNotSame([], $bucketSql, 'handle() must read and write the rate_limit_buckets table');
            foreach ($bucketSql as $statement) {
                $this->assertTrue($statement['inImmediate'], "\"{$statement['sql']}\" ran outside a BEGIN IMMEDIATE transaction: two PHP processes could both read the last token before either writes. Run exec('BEGIN IMMEDIATE') first and COMMIT after the write (PDO::beginTransaction() starts a deferred transaction, which takes the write lock too late).");
            }
            $commits = count(array_filter($db->statements, static fn(array $s) => preg_match('/^\s*(COMMIT|END)\b/i', $s['sql']) === 1));
            $this->assertSame(1, $commits, 'read, take and write belong to ONE transaction per request: one BEGIN IMMEDIATE, one COMMIT');
        }
    }

    public function testConcurrentProcessesCannotOverdrawTheBucket(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'rate-limit-');
        $go = "{$file}.go";
        try {
            $processes = [];
            for ($i = 0; $i < 4; $i++) {
                $command = [PHP_BINARY, __DIR__ . '/Support/take-worker.php', $file, '40', (string) $this->nowMs, $go];
                $processes[] = [proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes), $pipes];
            }
            touch($go); // all four start now
            $allowed = 0;
            foreach ($processes as [$process, $pipes]) {
                $out = stream_get_contents($pipes[1]);
                $err = stream_get_contents($pipes[2]);
                $status = proc_close($process);
                $this->assertSame(0, $status, "a worker process failed: {$err}{$out} (wrap read, take and write in BEGIN IMMEDIATE ... COMMIT, and ROLLBACK on errors)");
                $allowed += (int) trim((string) $out);
            }
            $this->assertSame(100, $allowed, "4 processes sent 160 requests at the same frozen moment to a bucket of 100: exactly 100 may pass (got {$allowed}). Read, take and write in one BEGIN IMMEDIATE transaction.");
        } finally {
            @unlink($file);
            @unlink($go);
        }
    }

    public function testDifferentAccountsHaveIndependentBucketsUnknownKeysShareTheIpBucket(): void
    {
        $limiter = $this->limiter(key: self::verifiedKey());
        $this->statuses($limiter, 5, ['HTTP_X_API_KEY' => 'key-A']);
        $this->assertSame(429, $this->send($limiter, ['HTTP_X_API_KEY' => 'key-A2'])->status, 'key-A2 belongs to the same account as key-A, which has used its 5 requests: pick the bucket with $key($server, $clientIp)');
        $this->assertSame(200, $this->send($limiter, ['HTTP_X_API_KEY' => 'key-B'])->status, 'key-B is another account with its own bucket and must still get 200');
        $forged = [];
        for ($i = 0; $i < 6; $i++) {
            $forged[] = $this->send($limiter, ['HTTP_X_API_KEY' => "made-up-{$i}"])->status;
        }
        $this->assertSame([200, 200, 200, 200, 200, 429], $forged, 'made-up API keys are not verified, so all of them share the client IP bucket: call $key($server, $clientIp) with the client IP you worked out');
    }

    public function testCapacityRateAndPolicyNameComeFromTheOptions(): void
    {
        $limiter = $this->limiter(7, 2, policyName: 'burst');
        $seen = [];
        for ($i = 0; $i < 8; $i++) {
            $seen[] = $this->send($limiter);
        }
        $this->assertSame([200, 200, 200, 200, 200, 200, 200, 429], array_map(static fn(Response $r) => $r->status, $seen), 'capacity 7: seven requests pass and the eighth gets 429');
        [$policy] = StructuredFields::parseList($seen[0]->header('RateLimit-Policy'));
        $this->assertSame('burst', $policy['name'], 'the policy name is the policyName option, written as a quoted string: "burst"');
        $this->assertSame(7, $policy['params']['q'] ?? null, 'q must be the capacity option (7), not a fixed number');
        $this->assertSame(4, $policy['params']['w'] ?? null, 'w must be ceil(capacity / refillPerSec) = ceil(7 / 2) = 4 seconds');
        $this->assertSame([6, 5, 4, 3, 2, 1, 0, 0], array_map(static fn(Response $r) => StructuredFields::parseList($r->header('RateLimit'))[0]['params']['r'] ?? null, $seen), 'r must count the tokens left: 6 down to 0');
        $this->assertSame('1', $seen[7]->header('Retry-After'), 'at 2 tokens per second the next token is 0.5 s away, which rounds UP to Retry-After: 1');
        $this->nowMs += 1000;
        $this->assertSame([200, 200, 429], $this->statuses($limiter, 3), 'after 1 s at 2 tokens per second exactly two more requests pass');
    }

    public function testAPolicyNameWithQuotesAndBackslashesIsEscapedAsAStructuredFieldString(): void
    {
        $name = 'tier "gold" \\ eu-' . random_int(10, 99);
        $limiter = $this->limiter(3, 1, policyName: $name);
        foreach ([$this->send($limiter), $this->send($limiter), $this->send($limiter), $this->send($limiter)] as $i => $response) {
            foreach (['RateLimit-Policy', 'RateLimit'] as $field) {
                try {
                    [$item] = StructuredFields::parseList($response->header($field));
                } catch (\UnexpectedValueException $e) {
                    $this->fail("{$field} is not a valid Structured Field for the policy name " . json_encode($name) . ': inside a quoted string, escape " as \\" and \\ as \\\\ (addcslashes($name, \'"\\\\\')). ' . $e->getMessage());
                }
                $this->assertSame($name, $item['name'], "{$field} of response " . ($i + 1) . ' must name the policy ' . json_encode($name) . ', escaped as a Structured Field string');
            }
        }
    }

    public function testSlowRefillGivesRetryAfterRoundedUpAndWaitingThatLongIsEnough(): void
    {
        $limiter = $this->limiter(3, 0.4);
        $this->statuses($limiter, 3);
        $refused = $this->send($limiter);
        $this->assertSame(429, $refused->status, 'capacity 3: the fourth request gets 429');
        $this->assertSame('3', $refused->header('Retry-After'), 'at 0.4 tokens per second one token takes 2.5 s, so Retry-After must be 3 (rounded up, never early)');
        $this->nowMs += 2000;
        $this->assertSame(429, $this->send($limiter)->status, 'after 2 s only 0.8 tokens have been added: still 429');
        $this->nowMs += 1000;
        $this->assertSame(200, $this->send($limiter)->status, 'after 3 s (Retry-After) the request must pass');
    }

    public function testIdleBucketsAreForgottenSoManyClientsCannotFillTheDatabase(): void
    {
        $limiter = $this->limiter(key: static fn(array $server, string $ip): string => 'user:' . ($server['HTTP_X_USER'] ?? $ip));
        for ($i = 0; $i < 200; $i++) {
            $this->send($limiter, ['HTTP_X_USER' => "u{$i}"]);
        }
        $this->assertGreaterThanOrEqual(200, $limiter->count(), "200 different users were seen within a second, so 200 buckets are needed (count() says {$limiter->count()})");
        $this->nowMs += 5000; // capacity / refillPerSec: every one of those buckets is full again
        $this->send($limiter, ['HTTP_X_USER' => 'late']);
        $this->assertLessThanOrEqual(2, $limiter->count(), "after 5 s idle (capacity / refillPerSec) the 200 buckets are full again and must be deleted; count() says {$limiter->count()}. Without this, a client that rotates keys or IPv6 addresses grows the table without limit.");
    }

    public function testForgettingBucketsNeverResetsAClientThatIsStillLimited(): void
    {
        $limiter = $this->limiter(key: static fn(array $server, string $ip): string => 'user:' . ($server['HTTP_X_USER'] ?? $ip));
        $this->nowMs += 3000;
        $this->assertSame([200, 200, 200, 200, 200, 429], $this->statuses($limiter, 6, ['HTTP_X_USER' => 'busy']), 'a fresh client gets 5 requests, then 429');
        $this->nowMs += 2000; // 'busy' has been idle for only 2 s
        $this->send($limiter, ['HTTP_X_USER' => 'other']);
        $this->assertSame([200, 200, 429], $this->statuses($limiter, 3, ['HTTP_X_USER' => 'busy']), "2 s after emptying its bucket, 'busy' has exactly 2 tokens. A fresh bucket would give it 5: only delete buckets idle for capacity / refillPerSec seconds, never all of them");
    }

    public function testSpoofedForwardedForIsIgnoredWhenTrustProxyIsOff(): void
    {
        $limiter = $this->limiter();
        for ($i = 1; $i <= 5; $i++) {
            $this->send($limiter, ['HTTP_X_FORWARDED_FOR' => "203.0.113.{$i}"]);
        }
        $this->assertSame(429, $this->send($limiter, ['HTTP_X_FORWARDED_FOR' => '203.0.113.99'])->status, 'without trustProxy, X-Forwarded-For is client-controlled: key on REMOTE_ADDR, so all 6 requests share one bucket');
        $spy = $this->limiter(key: function (array $server, string $ip): string {
            $this->seenIps[] = $ip;
            return $ip;
        });
        $this->send($spy, ['HTTP_X_FORWARDED_FOR' => '203.0.113.5', 'REMOTE_ADDR' => '192.0.2.10']);
        $this->assertSame(['192.0.2.10'], $this->seenIps, '$key($server, $clientIp) must receive REMOTE_ADDR (192.0.2.10 here) when trustProxy is off');
    }

    public function testWithTrustProxyAnInvalidRightMostEntryFallsBackToTheSocketAddress(): void
    {
        $limiter = $this->limiter(trustProxy: true);
        $this->statuses($limiter, 5, ['HTTP_X_FORWARDED_FOR' => '198.51.100.7, not-an-ip']);
        $this->assertSame(429, $this->send($limiter)->status, 'a right-most entry that is not a valid IP (FILTER_VALIDATE_IP) must be ignored: use REMOTE_ADDR, so these 6 requests share one bucket');
    }

    public function testWithTrustProxyTheRightMostForwardedForEntryIsTheClient(): void
    {
        $limiter = $this->limiter(trustProxy: true);
        for ($i = 0; $i < 5; $i++) {
            $this->send($limiter, ['HTTP_X_FORWARDED_FOR' => "198.51.100.{$i}, 198.51.100.7"]);
        }
        $this->assertSame(429, $this->send($limiter, ['HTTP_X_FORWARDED_FOR' => '198.51.100.7'])->status, 'all 6 requests came from 198.51.100.7 (the right-most entry, added by our proxy); the entries to its left are client-controlled');
        $this->assertSame(200, $this->send($limiter, ['HTTP_X_FORWARDED_FOR' => '198.51.100.8'])->status, 'another client behind the proxy (198.51.100.8) must have its own bucket');
        $this->assertSame(200, $this->send($limiter, ['HTTP_X_FORWARDED_FOR' => '2001:db8::1'])->status, 'an IPv6 address is a valid IP too, with its own bucket');
    }
}
