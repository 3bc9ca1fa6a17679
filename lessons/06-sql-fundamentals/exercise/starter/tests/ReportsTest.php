<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Reports;
use PDO;
use PHPUnit\Framework\TestCase;

final class ReportsTest extends TestCase
{
    private PDO $pdo;
    private Reports $reports;

    protected function setUp(): void
    {
        $this->pdo = new PDO('sqlite::memory:', null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
        ]);
        $this->pdo->exec('PRAGMA foreign_keys = ON');
        $this->pdo->exec((string) file_get_contents(__DIR__ . '/fixtures/shop.sql'));
        $this->reports = new Reports($this->pdo);
    }

    public function testRevenueByCustomerKeepsOnlyBigSpendersSortedByRevenue(): void
    {
        $this->assertSame(
            [
                ['email' => 'ann@example.com', 'revenue_cents' => 17500],
                ['email' => 'ben@example.com', 'revenue_cents' => 16000],
            ],
            $this->reports->revenueByCustomer(10000),
            'revenueByCustomer(10000) must JOIN orders and order_items, GROUP BY customer, '
            . 'keep totals >= 10000 with HAVING and sort by revenue DESC'
        );
    }

    public function testRevenueByCustomerWithZeroMinimumListsEveryBuyerOnce(): void
    {
        $this->assertSame(
            [
                ['email' => 'ann@example.com', 'revenue_cents' => 17500],
                ['email' => 'ben@example.com', 'revenue_cents' => 16000],
                ['email' => 'dev@example.com', 'revenue_cents' => 800],
            ],
            $this->reports->revenueByCustomer(0),
            'revenueByCustomer(0) must return one row per customer who bought something, '
            . 'with revenue_cents = SUM(quantity * unit_price_cents) as an int'
        );
    }

    public function testCustomersWithoutOrders(): void
    {
        $this->assertSame(
            ['cleo@example.com', 'eve@example.com'],
            $this->reports->customersWithoutOrders(),
            'customersWithoutOrders() must LEFT JOIN orders and keep rows WHERE the order id IS NULL, '
            . 'returning a flat list of emails sorted ascending'
        );
    }

    public function testOrderCountsIncludesCustomersWithZeroOrders(): void
    {
        $this->assertSame(
            [
                ['email' => 'ann@example.com', 'orders' => 2],
                ['email' => 'ben@example.com', 'orders' => 2],
                ['email' => 'cleo@example.com', 'orders' => 0],
                ['email' => 'dev@example.com', 'orders' => 1],
                ['email' => 'eve@example.com', 'orders' => 0],
            ],
            $this->reports->orderCounts(),
            'orderCounts() must list every customer (LEFT JOIN) and count with COUNT(o.id), '
            . 'not COUNT(*), so customers without orders get 0'
        );
    }

    public function testOrdersForEmailReturnsThatCustomersOrders(): void
    {
        $this->assertSame(
            [
                ['id' => 3, 'created_at' => '2026-01-20'],
                ['id' => 5, 'created_at' => '2026-03-15'],
            ],
            $this->reports->ordersForEmail('ben@example.com'),
            'ordersForEmail() must return id (int) and created_at of that customer\'s orders, oldest first'
        );
        $this->assertSame(
            [],
            $this->reports->ordersForEmail('nobody@example.com'),
            'ordersForEmail() must return [] for an unknown email'
        );
    }

    public function testOrdersForEmailIsNotInjectable(): void
    {
        $this->assertSame(
            [],
            $this->reports->ordersForEmail("x' OR '1'='1"),
            'ordersForEmail() returned rows for an injection string: bind the email with a placeholder '
            . 'and execute(), never put it into the SQL text'
        );
    }

    public function testCreateIndexesLetsCustomerLookupSeek(): void
    {
        $sql = 'SELECT id FROM orders WHERE customer_id = ?';
        $this->reports->createIndexes();
        $this->reports->createIndexes(); // must be safe to run twice

        $plan = $this->pdo->prepare('EXPLAIN QUERY PLAN ' . $sql);
        $plan->execute([1]);
        $details = implode(' | ', array_column($plan->fetchAll(PDO::FETCH_ASSOC), 'detail'));

        $this->assertMatchesRegularExpression(
            '/USING (COVERING )?INDEX/',
            $details,
            'After createIndexes(), "' . $sql . '" must use an index (plan was: ' . $details . '). '
            . 'Create an index whose first column is orders.customer_id, with IF NOT EXISTS'
        );
    }

    public function testSourceNeverInterpolatesVariablesIntoSql(): void
    {
        $offences = SqlSourceScanner::findInterpolatedSql((string) file_get_contents(__DIR__ . '/../src/Reports.php'));

        $this->assertSame(
            [],
            $offences,
            'src/Reports.php builds SQL from variables on these lines; use placeholders (?, :name) '
            . 'and pass values to execute() instead'
        );
    }
}
