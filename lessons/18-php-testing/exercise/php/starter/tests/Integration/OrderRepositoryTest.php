<?php

declare(strict_types=1);

namespace Exercise\Tests\Integration;

use Exercise\OrderRepository;
use PHPUnit\Framework\TestCase;

/**
 * Integration tests for OrderRepository against a REAL database:
 * a fresh new \PDO('sqlite::memory:') per test (created in setUp), the schema from
 * createSchema(), and a frozen clock so placed_at is predictable.
 * Cover: add() stores the row with the clock's time, findByCustomer() returns only
 * that customer's orders newest first, and the status filter.
 */
final class OrderRepositoryTest extends TestCase
{
}
