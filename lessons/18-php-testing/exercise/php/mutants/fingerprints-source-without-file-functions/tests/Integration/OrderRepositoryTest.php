<?php

declare(strict_types=1);

namespace Exercise\Tests\Integration;

use Exercise\Clock;
use Exercise\OrderRepository;
use PHPUnit\Framework\Attributes\Test;
use PHPUnit\Framework\TestCase;

final class OrderRepositoryTest extends TestCase
{
    private \PDO $pdo;
    private object $clock;
    private OrderRepository $orders;

    protected function setUp(): void
    {
        // A fresh in-memory database per test: full isolation, no clean-up needed.
        $this->pdo = new \PDO('sqlite::memory:', null, null, [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]);
        // A fake clock: frozen until the test moves it.
        $this->clock = new class (new \DateTimeImmutable('2026-03-01T09:00:00+00:00')) implements Clock {
            public function __construct(public \DateTimeImmutable $now)
            {
            }

            public function now(): \DateTimeImmutable
            {
                return $this->now;
            }
        };
        $this->orders = new OrderRepository($this->pdo, $this->clock);
        $this->orders->createSchema();
    }

    private function timeIs(string $iso): void
    {
        $this->clock->now = new \DateTimeImmutable($iso);
    }

    #[Test]
    public function addStoresTheOrderWithTheClockTime(): void
    {
        $id = $this->orders->add(customerId: 7, status: 'paid', totalCents: 1999);

        $this->assertSame([[
            'id' => $id,
            'customer_id' => 7,
            'status' => 'paid',
            'total_cents' => 1999,
            'placed_at' => '2026-03-01T09:00:00+00:00',
        ]], $this->orders->findByCustomer(7));
    }

    #[Test]
    public function findByCustomerReturnsNewestFirst(): void
    {
        $first = $this->orders->add(7, 'paid', 100);
        $this->timeIs('2026-03-02T09:00:00+00:00');
        $second = $this->orders->add(7, 'paid', 200);

        $ids = array_column($this->orders->findByCustomer(7), 'id');

        $this->assertSame([$second, $first], $ids);
    }

    #[Test]
    public function findByCustomerIgnoresOtherCustomers(): void
    {
        $mine = $this->orders->add(7, 'open', 100);
        $this->orders->add(8, 'open', 200);

        $this->assertSame([$mine], array_column($this->orders->findByCustomer(7), 'id'));
    }

    #[Test]
    public function statusFilterReturnsOnlyMatchingOrders(): void
    {
        $this->orders->add(8, 'open', 100);
        $this->orders->add(7, 'open', 150);
        $paidA = $this->orders->add(7, 'paid', 200);
        $this->timeIs('2026-03-01T10:00:00+00:00');
        $paidB = $this->orders->add(7, 'paid', 300);

        $paid = $this->orders->findByCustomer(7, 'paid');

        $this->assertSame([$paidB, $paidA], array_column($paid, 'id'));
        $this->assertSame(['paid', 'paid'], array_column($paid, 'status'));
    }

    #[Test]
    public function databaseRejectsUnknownStatus(): void
    {
        $this->expectException(\PDOException::class);

        $this->orders->add(7, 'shipped-to-mars', 100);
    }
}
