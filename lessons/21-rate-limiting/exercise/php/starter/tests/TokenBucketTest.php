<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\BucketState;
use Exercise\TokenBucket;
use PHPUnit\Framework\TestCase;
use Random\Engine\Mt19937;
use Random\Randomizer;

final class TokenBucketTest extends TestCase
{
    private const START = 1_800_000_000_000;

    /** Takes $n times at $nowMs, threading the state; returns [results, last state]. */
    private static function takeMany(TokenBucket $bucket, BucketState $state, int $n, int $nowMs): array
    {
        $results = [];
        for ($i = 0; $i < $n; $i++) {
            $take = $bucket->take($state, $nowMs);
            $state = $take->state;
            $results[] = $take;
        }
        return [$results, $state];
    }

    public function testFullBucketOf5AllowsFiveTakesThenRefuses(): void
    {
        $bucket = new TokenBucket(5, 1);
        [$takes, $state] = self::takeMany($bucket, $bucket->full(self::START), 5, self::START);
        foreach ($takes as $i => $take) {
            $this->assertTrue($take->allowed, 'take() #' . ($i + 1) . ' must be allowed: full() starts with capacity (5) tokens');
        }
        $this->assertSame([4, 3, 2, 1, 0], array_map(static fn($t) => $t->remaining, $takes), 'remaining must count the whole tokens left after each take(): 4, 3, 2, 1, 0');
        $this->assertFalse($bucket->take($state, self::START)->allowed, 'take() #6 must be refused: no tokens are left and no time has passed');
    }

    public function testRefusedTakeSaysHowLongToWaitRoundedUp(): void
    {
        $bucket = new TokenBucket(1, 0.5);
        $state = $bucket->take($bucket->full(self::START), self::START)->state;
        $refused = $bucket->take($state, self::START);
        $this->assertFalse($refused->allowed, 'the second take() must be refused');
        $this->assertSame(0, $refused->remaining, 'remaining must never be negative');
        $this->assertSame(2, $refused->resetSec, 'at 0.5 tokens per second the next token takes 2 s: resetSec must be 2');

        $still = $bucket->take($refused->state, self::START + 500);
        $this->assertFalse($still->allowed, 'after 0.5 s only a quarter token has been added');
        $this->assertSame(2, $still->resetSec, '1.5 s are left, which rounds UP to 2 (never tell a client to come back too early)');
    }

    public function testTokensRefillContinuouslyWithTheClock(): void
    {
        $bucket = new TokenBucket(5, 1);
        [, $state] = self::takeMany($bucket, $bucket->full(self::START), 5, self::START);
        $take = $bucket->take($state, self::START + 1000);
        $this->assertTrue($take->allowed, 'after 1 s at 1 token per second, exactly one take() must be allowed');
        $this->assertFalse($bucket->take($take->state, self::START + 1000)->allowed, '...and the next one refused again');
        $half = $bucket->take($bucket->take($take->state, self::START + 1500)->state, self::START + 2000);
        $this->assertTrue($half->allowed, 'tokens arrive continuously: half a token at 1.5 s plus half at 2 s make one whole token');
    }

    public function testLongPauseNeverFillsTheBucketBeyondCapacity(): void
    {
        $bucket = new TokenBucket(5, 1);
        [, $state] = self::takeMany($bucket, $bucket->full(self::START), 5, self::START);
        [$takes] = self::takeMany($bucket, $state, 10, self::START + 3_600_000);
        $allowed = count(array_filter($takes, static fn($t) => $t->allowed));
        $this->assertSame(5, $allowed, 'after an hour of rest the burst must still be capped at capacity (5), not 3600');
    }

    public function testInvalidOptionsAreRejected(): void
    {
        foreach ([[0, 1.0], [-3, 1.0], [5, 0.0], [5, -1.0], [5, INF], [5, NAN]] as [$capacity, $rate]) {
            $threw = false;
            try {
                new TokenBucket($capacity, $rate);
            } catch (\InvalidArgumentException) {
                $threw = true;
            }
            $this->assertTrue($threw, "new TokenBucket({$capacity}, {$rate}) must throw an InvalidArgumentException: capacity must be positive and refillPerSec a positive, finite number");
        }
    }

    public function testRandomTrafficNeverBeatsTheRateAndResetSecIsExact(): void
    {
        $random = new Randomizer(new Mt19937(21));
        for ($scenario = 0; $scenario < 40; $scenario++) {
            $capacity = $random->getInt(1, 10);
            $rate = [0.25, 0.5, 1, 2, 3, 10][$random->getInt(0, 5)];
            $bucket = new TokenBucket($capacity, $rate);
            $now = self::START;
            $state = $bucket->full($now);
            $allowed = 0;
            for ($step = 0; $step < 60; $step++) {
                $now += $random->getInt(0, 3) * 250 * $random->getInt(0, 2);
                $take = $bucket->take($state, $now);
                $state = $take->state;
                $allowed += $take->allowed ? 1 : 0;
                $elapsed = $now - self::START;
                $label = "capacity {$capacity}, {$rate}/s, after {$elapsed} ms";
                $this->assertLessThanOrEqual($capacity + $elapsed / 1000 * $rate + 1e-9, $allowed, "{$label}: more takes were allowed than capacity + elapsed x rate. Never allow a take without a whole token.");
                $this->assertTrue($take->remaining >= 0 && $take->remaining < $capacity, "{$label}: remaining must be a whole number from 0 to capacity - 1 after a take (got {$take->remaining})");
                $this->assertGreaterThanOrEqual(1, $take->resetSec, "{$label}: resetSec must be a whole number of seconds >= 1");
                if (!$take->allowed) {
                    if ($take->resetSec > 1) {
                        $now += ($take->resetSec - 1) * 1000;
                        $early = $bucket->take($state, $now);
                        $this->assertFalse($early->allowed, "{$label}: resetSec {$take->resetSec} was not rounded up to the NEXT token: after resetSec - 1 seconds there must still be no whole token");
                        $state = $early->state;
                    }
                    $now += 1000;
                    $late = $bucket->take($state, $now);
                    $this->assertTrue($late->allowed, "{$label}: after waiting resetSec seconds the next take() must be allowed: resetSec must never be too short");
                    $state = $late->state;
                    $allowed += 1;
                }
            }
        }
    }

    public function testClockThatStepsBackwardsNeverTakesTokensAway(): void
    {
        $bucket = new TokenBucket(3, 1);
        $first = $bucket->take($bucket->full(1_000_000), 1_000_000);
        $this->assertTrue($first->allowed, 'the first take() must be allowed');
        [$takes, $state] = self::takeMany($bucket, $first->state, 2, 940_000); // the wall clock jumped back a minute
        $this->assertSame([true, true], array_map(static fn($t) => $t->allowed, $takes), 'after the clock stepped back, the 2 tokens left must still be there: treat negative elapsed time as 0 (max(0, now - last)), never as a negative refill');
        $this->assertFalse($bucket->take($state, 940_000)->allowed, 'and the bucket must still hold no more than it had');
    }
}
