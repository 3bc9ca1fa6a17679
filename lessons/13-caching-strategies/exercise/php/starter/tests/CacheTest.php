<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/SpyLock.php';

use Exercise\Cached;
use Exercise\FileLock;
use Exercise\SqliteStore;
use Exercise\Tests\Support\SpyLock;
use Exercise\TtlCache;
use PHPUnit\Framework\TestCase;

final class CacheTest extends TestCase
{
    private int $nowMs = 1_000_000;
    private string $lockDir;

    protected function setUp(): void
    {
        $this->lockDir = sys_get_temp_dir() . '/cache-locks-' . bin2hex(random_bytes(6));
        mkdir($this->lockDir);
    }

    protected function tearDown(): void
    {
        array_map('unlink', glob("{$this->lockDir}/*") ?: []);
        rmdir($this->lockDir);
    }

    private function cache(): TtlCache
    {
        return new TtlCache(fn(): int => $this->nowMs);
    }

    private function cached(?TtlCache $store = null, ?SpyLock &$spy = null): Cached
    {
        $spy = new SpyLock(new FileLock($this->lockDir, 1500));
        return new Cached($store ?? $this->cache(), $spy);
    }

    public function testTtlCacheReturnsAValueUntilItsTtlHasPassed(): void
    {
        $cache = $this->cache();
        $cache->set('a', 42, 1000);
        $this->assertSame(42, $cache->get('a', $found), 'get() must return the stored value before the TTL ends');
        $this->assertTrue($found, '$found must be true for a stored key');
        $this->nowMs += 999;
        $this->assertSame(42, $cache->get('a'), 'the value must still be there 1 ms before the TTL ends');
        $this->nowMs += 1;
        $this->assertNull($cache->get('a', $found), 'get() must return null once now() >= stored time + ttlMs');
        $this->assertFalse($found, '$found must be false for an expired key');
        $cache->get('missing', $found);
        $this->assertFalse($found, '$found must be false for a key that was never set');
    }

    public function testTtlCacheStoresNullAsAHitAndSupportsDeleteAndClear(): void
    {
        $cache = $this->cache();
        $cache->set('nothing', null, 1000);
        $this->assertNull($cache->get('nothing', $found));
        $this->assertTrue($found, 'a stored null is a hit ($found = true): that is how a cached "not found" is told from a miss (isset() and ?? treat null as missing)');
        $cache->set('k', 1, 1000);
        $this->assertTrue($cache->delete('k'), 'delete() must return true when it removed a key');
        $this->assertFalse($cache->delete('k'), 'delete() must return false when there was nothing to remove');
        $cache->get('k', $found);
        $this->assertFalse($found, 'a deleted key must be gone');
        $cache->set('x', 1, 1000);
        $cache->clear();
        $cache->get('x', $found);
        $this->assertFalse($found, 'clear() must remove every key');
    }

    public function testTtlCacheRefusesEntriesWithoutAPositiveTtl(): void
    {
        foreach ([0, -1000, PHP_INT_MIN] as $bad) {
            $threw = false;
            try {
                $this->cache()->set('k', 1, $bad);
            } catch (\InvalidArgumentException) {
                $threw = true;
            }
            $this->assertTrue($threw, "set() with ttlMs = {$bad} must throw an InvalidArgumentException: every key needs a positive TTL");
        }
    }

    public function testCachedServesHitsFromTheStoreAndReloadsAfterTheTtl(): void
    {
        $cached = $this->cached();
        $calls = 0;
        $loader = function () use (&$calls): int {
            return ++$calls;
        };
        $this->assertSame(1, $cached->get('n', 1000, $loader), 'a miss must call the loader and return its value');
        $this->assertSame(1, $cached->get('n', 1000, $loader), 'a hit must return the stored value without calling the loader');
        $this->nowMs += 1000;
        $this->assertSame(2, $cached->get('n', 1000, $loader), 'after the fake clock passes the TTL the loader must run again');
        $this->assertSame(2, $calls, 'the loader must have run exactly twice');
    }

    public function testCachedAcceptsATtlClosureForExampleShortForNotFound(): void
    {
        $cached = $this->cached();
        $calls = 0;
        $ttl = static fn(mixed $value): int => $value === null ? 100 : 10_000;
        $loader = function () use (&$calls): ?array {
            $calls++;
            return null;
        };
        $cached->get('missing', $ttl, $loader);
        $cached->get('missing', $ttl, $loader);
        $this->assertSame(1, $calls, 'a null result must be cached too (negative caching): test $found, not the value');
        $this->nowMs += 100;
        $cached->get('missing', $ttl, $loader);
        $this->assertSame(2, $calls, 'when ttlMs is a closure, call it with the loaded value to get the TTL');
    }

    public function testCachedNeverStoresAFailureAndAlwaysReleasesTheLock(): void
    {
        $cached = $this->cached(spy: $spy);
        $calls = 0;
        for ($i = 0; $i < 2; $i++) {
            try {
                $cached->get('x', 1000, function () use (&$calls): never {
                    $calls++;
                    throw new \RuntimeException('database down');
                });
                $this->fail('a failing loader must make get() throw: let the exception through');
            } catch (\RuntimeException $e) {
                $this->assertSame('database down', $e->getMessage(), 'the caller must see the loader\'s own exception: release the lock in a finally block, so the next call does not time out waiting for it');
            }
        }
        $this->assertSame(2, $calls, 'a failure must not be cached: the next call must run the loader again');
        $this->assertSame($spy->acquired, $spy->released, 'every lock taken must be released, also when the loader throws (try/finally)');
        $this->assertSame('recovered', $cached->get('x', 1000, static fn(): string => 'recovered'), 'after a failure the next call must load and return the new value');
    }

    public function testOnlyMissesTakeALockAndEachKeyHasItsOwn(): void
    {
        $cached = $this->cached(spy: $spy);
        $cached->get('product:1:en', 1000, static fn(): string => 'one');
        $cached->get('product:2:en', 1000, static fn(): string => 'two');
        $this->assertCount(2, $spy->acquired, 'each miss must take the lock once');
        $this->assertNotSame($spy->acquired[0], $spy->acquired[1], 'the lock name must include the key: one global lock makes every miss wait for every other key\'s load');
        $this->assertStringContainsString('product:1:en', $spy->acquired[0], 'name the lock after the key, e.g. "lock:product:1:en"');
        $cached->get('product:1:en', 1000, static fn(): string => 'never');
        $this->assertCount(2, $spy->acquired, 'a hit must not take any lock: check the store first');
    }

    public function testAfterWaitingForTheLockTheStoreIsReadAgain(): void
    {
        $store = $this->cache();
        $cached = $this->cached($store, $spy);
        // While this process waited for the lock, another one loaded the report and stored it.
        $spy->whileWaiting = static function () use ($store): void {
            $store->set('report:today', ['total' => 1234, 'by' => 'the other process'], 60_000);
        };
        $calls = 0;
        $value = $cached->get('report:today', 60_000, function () use (&$calls): array {
            $calls++;
            return ['total' => 1234, 'by' => 'this process'];
        });
        $this->assertSame(0, $calls, 'once you hold the lock, look in the store AGAIN before loading: the process you waited for has usually stored the value (double-checked locking)');
        $this->assertSame('the other process', $value['by'] ?? null, 'return what the other process stored');
    }

    public function testTheValueIsStoredBeforeTheLockIsReleased(): void
    {
        $store = $this->cache();
        // A lock that looks into the store at the moment it is released: a process waiting for
        // this lock reads the store right then, and must find the value instead of loading again.
        $lock = new class ($store) implements \Exercise\Lock {
            /** @var list<array{string, bool}> */
            public array $seenAtRelease = [];
            public string $key = '';

            public function __construct(private readonly TtlCache $store)
            {
            }

            public function acquire(string $name): void
            {
            }

            public function release(string $name): void
            {
                $this->store->get($this->key, $found);
                $this->seenAtRelease[] = [$name, $found];
            }
        };
        $cached = new Cached($store, $lock);
        $key = 'report:' . bin2hex(random_bytes(3));
        $lock->key = $key;
        $this->assertSame(['total' => 5], $cached->get($key, 60_000, static fn(): array => ['total' => 5]), 'a miss returns what the loader returned');
        $this->assertCount(1, $lock->seenAtRelease, 'a miss takes the lock once and releases it once');
        [$name, $found] = $lock->seenAtRelease[0];
        $this->assertStringContainsString($key, $name, 'name the lock after the key, e.g. "lock:' . $key . '"');
        $this->assertTrue($found, 'when the lock is released, the loaded value must already be in the store: store it, THEN release (in finally). Released first, a process that was waiting reads the store, misses and runs the loader again.');
    }

    public function testCachedWorksOnASharedStoreSoANewProcessGetsAHit(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'cache-');
        try {
            $first = new Cached(new SqliteStore(new \PDO("sqlite:{$file}"), fn(): int => $this->nowMs), new FileLock($this->lockDir));
            $this->assertSame(['total' => 7], $first->get('report', 60_000, static fn(): array => ['total' => 7]), 'a miss returns what the loader returned');
            $second = new Cached(new SqliteStore(new \PDO("sqlite:{$file}"), fn(): int => $this->nowMs), new FileLock($this->lockDir));
            $this->assertSame(['total' => 7], $second->get('report', 60_000, static fn(): array => ['total' => 8]), 'a second Cached on the same store (the next PHP request) must get a hit: keep values in the store, not in a property');
        } finally {
            @unlink($file);
        }
    }

    public function testConcurrentProcessesRunTheLoaderOnceSingleFlight(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'cache-');
        $loads = tempnam(sys_get_temp_dir(), 'loads-');
        $go = "{$file}.go";
        try {
            (new SqliteStore(new \PDO("sqlite:{$file}")))->clear(); // create the table before the race
            $processes = [];
            for ($i = 0; $i < 4; $i++) {
                $command = [PHP_BINARY, __DIR__ . '/Support/cached-worker.php', $file, $this->lockDir, $loads, $go];
                $processes[] = [proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes), $pipes];
            }
            touch($go);
            $reports = [];
            foreach ($processes as [$process, $pipes]) {
                $out = (string) stream_get_contents($pipes[1]);
                $err = (string) stream_get_contents($pipes[2]);
                $this->assertSame(0, proc_close($process), "a worker failed: {$err}{$out}");
                $reports[] = json_decode($out, true);
            }
            $loadCount = count(file($loads, FILE_SKIP_EMPTY_LINES));
            $this->assertSame(1, $loadCount, "4 processes missed the same key at once and the loader ran {$loadCount} times: take the key's lock, then look in the store AGAIN before loading (the first process has stored it by then)");
            $this->assertCount(1, array_unique(array_map('json_encode', $reports)), 'every process must get the one loaded value');
        } finally {
            @unlink($file);
            @unlink($loads);
            @unlink($go);
        }
    }
}
