<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Shop\Currency;
use Exercise\Shop\Money;
use Exercise\Shop\Order;
use PHPUnit\Framework\TestCase;

final class OrderTest extends TestCase
{
    private const NAMES = ['Tee', 'Crème brûlée cup', 'Ångström mug', 'Zoë poster', 'Grüße card', 'Sticker', 'Ärmel patch', 'Bag'];

    protected function setUp(): void
    {
        $this->assertTrue(enum_exists(Currency::class), 'Currency must be an enum: write `enum Currency: string` in src/Shop/Currency.php.');
    }

    /** @param list<array{name: string, cents: int, quantity: int}> $lines */
    private static function json(array $lines, string $currency = 'EUR', string $placedAt = '2026-03-28T23:30:00+00:00'): string
    {
        return json_encode(['currency' => $currency, 'placedAt' => $placedAt, 'lines' => $lines], JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE);
    }

    /** @return list<array{name: string, cents: int, quantity: int}> random lines, with equal totals on purpose */
    private static function randomLines(int $seed): array
    {
        mt_srand($seed);
        $names = self::NAMES;
        shuffle($names);
        $lines = [];
        foreach (array_slice($names, 0, 6) as $i => $name) {
            $lines[] = ['name' => $name, 'cents' => mt_rand(1, 9999), 'quantity' => mt_rand(1, 5)];
        }
        // Two lines with the same total but different unit prices: 2 x 1500 and 3 x 1000.
        $lines[1] = ['name' => $lines[1]['name'], 'cents' => 1500, 'quantity' => 2];
        $lines[4] = ['name' => $lines[4]['name'], 'cents' => 1000, 'quantity' => 3];

        return $lines;
    }

    /** Fails with $rule unless $action throws a $class. */
    private function assertThrows(string $class, callable $action, string $rule): void
    {
        try {
            $action();
        } catch (\Throwable $e) {
            $this->assertInstanceOf($class, $e, $rule . ' (it threw ' . get_class($e) . ': ' . $e->getMessage() . ')');
            return;
        }
        $this->fail($rule);
    }

    public function testFromJsonBuildsACartWithEveryLine(): void
    {
        foreach ([11, 42, 2026] as $seed) {
            $lines = self::randomLines($seed);
            $currency = $seed % 2 === 0 ? 'USD' : 'EUR';
            $order = Order::fromJson(self::json($lines, $currency));
            $expected = array_sum(array_map(fn(array $l): int => $l['cents'] * $l['quantity'], $lines));
            $this->assertSame(Currency::from($currency), $order->currency, 'fromJson() must read "currency" with Currency::from().');
            $this->assertSame($expected, $order->cart()->subtotal()->cents, 'cart() must add every line (unit cents x quantity) of the decoded JSON.');
            $this->assertSame(Currency::from($currency), $order->cart()->subtotal()->currency, "cart() must use the order's currency.");
        }
    }

    public function testMalformedJsonThrowsJsonException(): void
    {
        foreach (['{"currency":"EUR",', '', "{'currency':'EUR'}"] as $json) {
            $this->assertThrows(\JsonException::class, fn() => Order::fromJson($json),
                'fromJson(' . var_export($json, true) . ') must throw \JsonException: pass JSON_THROW_ON_ERROR to json_decode().');
        }
        // Valid JSON that is not an order is the caller's mistake too, but not a syntax error.
        $this->assertThrows(\InvalidArgumentException::class, fn() => Order::fromJson('null'),
            'fromJson("null") must throw InvalidArgumentException: the JSON is valid but holds no order (check is_array()).');
    }

    public function testUnknownCurrencyIsRejectedNotDefaulted(): void
    {
        $this->assertThrows(\ValueError::class, fn() => Order::fromJson(self::json([['name' => 'Tee', 'cents' => 100, 'quantity' => 1]], 'GBP')),
            'an unknown currency ("GBP") must be rejected with the ValueError of Currency::from(), never replaced by a default.');
    }

    public function testNumbersAreNotCoerced(): void
    {
        foreach ([['cents' => '2499', 'quantity' => 1], ['cents' => '12abc', 'quantity' => 1], ['cents' => 2499, 'quantity' => '2'], ['cents' => 24.99, 'quantity' => 1]] as $bad) {
            try {
                Order::fromJson(self::json([['name' => 'Tee'] + $bad]));
                $this->fail('fromJson() must reject ' . json_encode($bad) . ': do not cast with (int); under strict_types, passing the decoded value on throws a TypeError.');
            } catch (\TypeError $e) {
                $this->addToAssertionCount(1);
            }
        }
    }

    public function testQuantityBelowOneIsRejectedByTheCart(): void
    {
        $order = Order::fromJson(self::json([['name' => 'Tee', 'cents' => 100, 'quantity' => 0]]));
        $this->assertThrows(\InvalidArgumentException::class, fn() => $order->cart(),
            'cart() must pass each line through Cart::add(), which rejects quantity 0 with InvalidArgumentException.');
    }

    public function testSummaryIsSortedByLineTotalThenName(): void
    {
        foreach ([7, 99, 1234] as $seed) {
            $lines = self::randomLines($seed);
            $rows = Order::fromJson(self::json($lines))->summary();

            $this->assertTrue(array_is_list($rows), 'summary() must return a list (keys 0, 1, 2 ...): re-index with array_values() after filtering, or let usort() do it.');
            $this->assertCount(count($lines), $rows, 'summary() must have one row per line.');
            $expected = array_map(fn(array $l): array => ['name' => $l['name'], 'total' => $l['cents'] * $l['quantity']], $lines);
            usort($expected, fn(array $a, array $b): int => [$b['total'], $a['name']] <=> [$a['total'], $b['name']]);
            $actual = array_map(fn(array $r): array => ['name' => $r['name'], 'total' => $r['total']->cents], $rows);
            $this->assertSame($expected, $actual, 'summary() must sort by line total (unit cents x quantity), largest first, and equal totals by name A to Z: usort() with <=>, e.g. $b[...] <=> $a[...] ?: $a[...] <=> $b[...].');
            foreach ($rows as $row) {
                $this->assertInstanceOf(Money::class, $row['total'], 'each summary row needs a "total" Money.');
                $this->assertIsInt($row['quantity'], 'each summary row needs the "quantity".');
            }
        }
    }

    public function testSummaryLeavesTheOrderUnchanged(): void
    {
        $lines = self::randomLines(5);
        $order = Order::fromJson(self::json($lines));
        $before = array_column($order->lines, 'name');
        $order->summary();
        $this->assertSame(array_column($lines, 'name'), $before, 'Order::$lines must keep the order of the JSON lines.');
        $this->assertSame($before, array_column($order->lines, 'name'), 'summary() must sort a copy, not the order\'s own lines.');
    }

    public function testLocalDateConvertsToTheGivenTimeZone(): void
    {
        $order = Order::fromJson(self::json([['name' => 'Tee', 'cents' => 100, 'quantity' => 1]], 'EUR', '2026-03-28T23:30:00+00:00'));
        $this->assertSame('2026-03-29', $order->localDate('Europe/Berlin'), 'localDate() must convert to the given zone: 23:30 UTC is already the next day in Berlin.');
        $this->assertSame('2026-03-28', $order->localDate('America/New_York'), 'localDate() must convert to the given zone: 23:30 UTC is 19:30 in New York.');
        $this->assertSame('2026-03-28', $order->localDate('UTC'), 'localDate() in UTC must be the UTC date.');

        $offset = Order::fromJson(self::json([['name' => 'Tee', 'cents' => 100, 'quantity' => 1]], 'EUR', '2026-07-01T01:15:00+02:00'));
        $this->assertSame('2026-06-30', $offset->localDate('UTC'), 'fromJson() must keep the offset of placedAt: 01:15+02:00 is 23:15 UTC the day before.');
        $this->assertSame('2026-06-30T23:15:00+00:00', $offset->placedAt->setTimezone(new \DateTimeZone('UTC'))->format(DATE_ATOM), 'placedAt must be the instant given in the JSON.');

        $this->assertInstanceOf(\DateTimeImmutable::class, $order->placedAt, 'placedAt must be a DateTimeImmutable.');
        $this->assertSame('+00:00', $order->placedAt->format('P'), 'localDate() must not change placedAt: setTimezone() on a DateTimeImmutable returns a new object.');
    }

    public function testPlacedAtNeedsAnOffset(): void
    {
        foreach (['2026-03-28 23:30:00', '2026-03-28T23:30:00', 'yesterday'] as $placedAt) {
            try {
                Order::fromJson(self::json([['name' => 'Tee', 'cents' => 100, 'quantity' => 1]], 'EUR', $placedAt));
                $this->fail("fromJson() must reject placedAt \"$placedAt\": without an offset the instant depends on the server's time zone; parse with DateTimeImmutable::createFromFormat(DATE_ATOM, ...).");
            } catch (\InvalidArgumentException $e) {
                $this->addToAssertionCount(1);
            }
        }
    }

    public function testShortenCountsCharactersNotBytes(): void
    {
        $this->assertSame('Tee', Order::shorten('Tee', 5), 'a name within the limit must stay as it is.');
        $this->assertSame('Crème', Order::shorten('Crème', 5), '"Crème" is 5 characters (6 bytes) and fits in 5: count with mb_strlen(), not strlen().');
        $this->assertSame('Crèm…', Order::shorten('Crème brûlée', 5), 'a longer name becomes its first max - 1 characters plus "…".');
        $this->assertSame('Ångströ…', Order::shorten('Ångström mug', 8), 'cut with mb_substr(): substr() counts bytes and can split a character.');
        $cut = Order::shorten('ÄÖÜäöüß', 4);
        $this->assertTrue(mb_check_encoding($cut, 'UTF-8'), 'shorten() must return valid UTF-8: cut with mb_substr(), never substr().');
        $this->assertSame('ÄÖÜ…', $cut, 'shorten("ÄÖÜäöüß", 4) must be "ÄÖÜ…".');
    }
}
