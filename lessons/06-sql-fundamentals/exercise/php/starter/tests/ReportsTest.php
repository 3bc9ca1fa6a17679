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
            PDO::ATTR_STATEMENT_CLASS => [CountingStatement::class],
        ]);
        $this->pdo->exec('PRAGMA foreign_keys = ON');
        $this->pdo->exec((string) file_get_contents(__DIR__ . '/fixtures/shop.sql'));
        $this->reports = new Reports($this->pdo);
    }

    // --- The fixture from tests/fixtures/shop.sql --------------------------

    public function testRevenueByCustomerKeepsOnlyBigSpendersSortedByRevenue(): void
    {
        $this->assertSame(
            [
                ['email' => 'ann@example.com', 'revenue_cents' => 17500],
                ['email' => 'ben@example.com', 'revenue_cents' => 16000],
            ],
            $this->reports->revenueByCustomer(10000),
            'revenueByCustomer(10000) must JOIN orders and order_items, GROUP BY customer, '
            . 'keep totals >= 10000 with HAVING (bind the number with PDO::PARAM_INT) and sort by revenue DESC'
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
            'orderCounts() must list every customer (LEFT JOIN orders only, not order_items) and count '
            . 'with COUNT(o.id), not COUNT(*), so customers without orders get 0'
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

    // --- The same reports on data the fixture does not contain -------------

    public function testReportsFollowNewRowsInsteadOfTheFixture(): void
    {
        // Fay spends exactly as much as Ben (a tie, broken by email), Dev buys
        // more, and Gus has an order that is still empty.
        $this->pdo->exec(
            "INSERT INTO customers (id, email, name) VALUES (6, 'fay@example.com', 'Fay'), (7, 'gus@example.com', 'Gus');
             INSERT INTO orders (id, customer_id, created_at, status) VALUES
               (6, 6, '2026-04-01', 'paid'), (7, 4, '2026-04-02', 'shipped'), (8, 7, '2026-04-03', 'open');
             INSERT INTO order_items (order_id, product, quantity, unit_price_cents) VALUES
               (6, 'Desk', 1, 16000), (7, 'Chair', 4, 2300)"
        );

        $this->assertSame(
            [
                ['email' => 'ann@example.com', 'revenue_cents' => 17500],
                ['email' => 'ben@example.com', 'revenue_cents' => 16000],
                ['email' => 'fay@example.com', 'revenue_cents' => 16000],
                ['email' => 'dev@example.com', 'revenue_cents' => 10000],
            ],
            $this->reports->revenueByCustomer(10000),
            'revenueByCustomer() must compute totals from the rows in the database (here with new customers '
            . 'and orders, one of them shipped: revenue counts the items of every order, whatever its status), '
            . 'keep totals >= the minimum (10000 itself included) and break revenue ties by email'
        );
        $this->assertSame(
            [],
            $this->reports->revenueByCustomer(17501),
            'revenueByCustomer(17501) must return [] when nobody reaches the minimum: filter with HAVING >= :min'
        );
        $this->assertSame(
            ['cleo@example.com', 'eve@example.com'],
            $this->reports->customersWithoutOrders(),
            'customersWithoutOrders() must not list gus@example.com: he has an order, even if it has no items yet '
            . '(join orders only)'
        );
        $this->assertSame(
            [
                ['email' => 'ann@example.com', 'orders' => 2],
                ['email' => 'ben@example.com', 'orders' => 2],
                ['email' => 'cleo@example.com', 'orders' => 0],
                ['email' => 'dev@example.com', 'orders' => 2],
                ['email' => 'eve@example.com', 'orders' => 0],
                ['email' => 'fay@example.com', 'orders' => 1],
                ['email' => 'gus@example.com', 'orders' => 1],
            ],
            $this->reports->orderCounts(),
            'orderCounts() must count orders per customer from the database, including an order without items'
        );
    }

    public function testSeededRandomShopMatchesReportsComputedIndependently(): void
    {
        $expected = $this->replaceWithSeededRandomShop(20261201);

        $this->assertSame(
            $expected['revenue'](0),
            $this->reports->revenueByCustomer(0),
            'revenueByCustomer(0) is wrong on a generated shop: SUM(quantity * unit_price_cents) per customer, orders of any status, '
            . 'over JOIN orders + order_items, revenue DESC then email ASC'
        );
        foreach ([1, 5000, 20000, 45000] as $min) {
            $this->assertSame(
                $expected['revenue']($min),
                $this->reports->revenueByCustomer($min),
                "revenueByCustomer($min) is wrong on a generated shop: keep customers whose total is >= the minimum"
            );
        }
        $this->assertSame(
            $expected['without'],
            $this->reports->customersWithoutOrders(),
            'customersWithoutOrders() is wrong on a generated shop: LEFT JOIN orders ... WHERE o.id IS NULL, sorted by email'
        );
        $this->assertSame(
            $expected['counts'],
            $this->reports->orderCounts(),
            'orderCounts() is wrong on a generated shop: LEFT JOIN orders, COUNT(o.id), GROUP BY customer, sorted by email'
        );
        foreach ($expected['orders'] as $email => $orders) {
            $this->assertSame(
                $orders,
                $this->reports->ordersForEmail($email),
                "ordersForEmail('$email') is wrong on a generated shop: that customer's orders by created_at, then id"
            );
        }
    }

    public function testAggregationAndFilteringHappenInSql(): void
    {
        $expected = $this->replaceWithSeededRandomShop(7);

        CountingStatement::$rowsFetched = 0;
        $rich = $this->reports->revenueByCustomer(20000);
        $this->assertSame($expected['revenue'](20000), $rich, 'revenueByCustomer(20000) is wrong on a generated shop');
        $this->assertLessThanOrEqual(
            count($rich),
            CountingStatement::$rowsFetched,
            'revenueByCustomer() fetched ' . CountingStatement::$rowsFetched . ' rows into PHP to return '
            . count($rich) . ': aggregate with SUM ... GROUP BY and filter with HAVING in SQL, so the database '
            . 'returns one row per reported customer'
        );

        CountingStatement::$rowsFetched = 0;
        $counts = $this->reports->orderCounts();
        $this->assertLessThanOrEqual(
            count($counts),
            CountingStatement::$rowsFetched,
            'orderCounts() fetched ' . CountingStatement::$rowsFetched . ' rows into PHP to return ' . count($counts)
            . ': count with COUNT(o.id) ... GROUP BY in SQL instead of counting order rows in PHP'
        );
    }

    // --- Injection, exact matching, indexes, source ------------------------

    public function testOrdersForEmailIsNotInjectable(): void
    {
        $this->assertSame(
            [],
            $this->reports->ordersForEmail("x' OR '1'='1"),
            'ordersForEmail() returned rows for an injection string: bind the email with a placeholder '
            . 'and execute(), never put it into the SQL text'
        );
        $this->assertSame(
            3,
            (int) $this->pdo->query('SELECT COUNT(*) FROM order_items WHERE order_id IN (1, 2)')->fetchColumn(),
            'the fixture changed while ordersForEmail() ran: never build SQL from the email'
        );
    }

    public function testOrdersForEmailMatchesTheEmailExactly(): void
    {
        // Two of Ben's orders on the same day: the id breaks the tie. The index
        // below makes SQLite read Ben's orders by status, not by id, so a
        // missing tie-breaker shows.
        $this->pdo->exec("INSERT INTO orders (id, customer_id, created_at, status) VALUES (9, 2, '2026-01-20', 'refunded'), (10, 2, '2026-01-19', 'paid')");
        $this->pdo->exec('CREATE INDEX test_orders_customer_status ON orders (customer_id, status DESC)');

        $this->assertSame(
            [
                ['id' => 10, 'created_at' => '2026-01-19'],
                ['id' => 3, 'created_at' => '2026-01-20'],
                ['id' => 9, 'created_at' => '2026-01-20'],
                ['id' => 5, 'created_at' => '2026-03-15'],
            ],
            $this->reports->ordersForEmail('ben@example.com'),
            'ordersForEmail() must sort by created_at and then by id, so orders of the same day come out in a fixed order'
        );
        foreach (['%', 'ben%', 'BEN@example.com', 'ben@example.co_'] as $pattern) {
            $this->assertSame(
                [],
                $this->reports->ordersForEmail($pattern),
                "ordersForEmail('$pattern') must return []: compare with = :email, not LIKE, so % and _ are not wildcards"
            );
        }
    }

    public function testCreateIndexesLetsCustomerLookupSeek(): void
    {
        $sql = 'SELECT id FROM orders WHERE customer_id = ?';
        $this->reports->createIndexes();
        try {
            $this->reports->createIndexes();
        } catch (\PDOException $e) {
            $this->fail('createIndexes() failed when called a second time (' . $e->getMessage() . '): '
                . 'use CREATE INDEX IF NOT EXISTS');
        }

        $plan = $this->pdo->prepare('EXPLAIN QUERY PLAN ' . $sql);
        $plan->execute([1]);
        $details = implode(' | ', array_column($plan->fetchAll(PDO::FETCH_ASSOC), 'detail'));

        $this->assertMatchesRegularExpression(
            '/SEARCH .*USING (COVERING )?INDEX/',
            $details,
            'After createIndexes(), "' . $sql . '" must SEARCH an index (plan was: ' . $details . '). '
            . 'Create an index whose first column is orders.customer_id, with IF NOT EXISTS'
        );
    }

    public function testValuesReachTheDatabaseAsBoundParametersNotAsSqlText(): void
    {
        // Escaping by hand (str_replace, PDO::quote, sprintf) stops this one
        // injection string but is still SQL built from input: the value must
        // travel separately from the SQL text, bound to a placeholder.
        $this->pdo->exec("INSERT INTO customers (id, email, name) VALUES (90, 'o''hara-7731@example.org', 'O''Hara')");
        $this->pdo->exec("INSERT INTO orders (id, customer_id, created_at, status) VALUES (90, 90, '2026-05-05', 'paid')");
        $this->pdo->exec("INSERT INTO order_items (order_id, product, quantity, unit_price_cents) VALUES (90, 'Kettle', 1, 43219)");

        CountingStatement::$sqlTexts = [];
        $orders = $this->reports->ordersForEmail("o'hara-7731@example.org");
        $this->assertSame([['id' => 90, 'created_at' => '2026-05-05']], $orders, "ordersForEmail(\"o'hara-7731@example.org\") must find that customer's order: an apostrophe is a normal character in a bound value");
        foreach (CountingStatement::$sqlTexts as $sql) {
            $this->assertStringNotContainsStringIgnoringCase(
                'hara-7731',
                $sql,
                'ordersForEmail() put the email into the SQL text (' . trim(preg_replace('/\s+/', ' ', $sql)) . '). '
                . 'Quoting or escaping it yourself (str_replace, PDO::quote, sprintf) is still SQL built from input: '
                . 'write a placeholder (= :email or = ?) and pass the email to execute()'
            );
        }

        CountingStatement::$sqlTexts = [];
        $rows = $this->reports->revenueByCustomer(43219);
        $this->assertContains(['email' => "o'hara-7731@example.org", 'revenue_cents' => 43219], $rows, 'revenueByCustomer(43219) must include a customer whose total is exactly 43219');
        foreach (CountingStatement::$sqlTexts as $sql) {
            $this->assertStringNotContainsString(
                '43219',
                $sql,
                'revenueByCustomer() put the minimum into the SQL text (' . trim(preg_replace('/\s+/', ' ', $sql)) . '). '
                . 'Even a number is input: write HAVING ... >= :min and bind it with bindValue(\'min\', $minCents, PDO::PARAM_INT)'
            );
        }
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

    /**
     * Replaces the fixture with a shop generated from $seed and returns the
     * expected reports, computed here in PHP from the generated rows.
     *
     * @return array{revenue: callable(int): list<array{email: string, revenue_cents: int}>, without: list<string>, counts: list<array{email: string, orders: int}>, orders: array<string, list<array{id: int, created_at: string}>>}
     */
    private function replaceWithSeededRandomShop(int $seed): array
    {
        mt_srand($seed);
        $this->pdo->exec('DELETE FROM order_items; DELETE FROM orders; DELETE FROM customers');
        $names = ['zoe', 'ali', 'mia', 'bob', 'kim', 'lea', 'tom', 'ida', 'sam', 'eva', 'noa', 'jon', 'uma', 'raj'];
        $insertCustomer = $this->pdo->prepare('INSERT INTO customers (id, email, name) VALUES (?, ?, ?)');
        $insertOrder = $this->pdo->prepare('INSERT INTO orders (id, customer_id, created_at, status) VALUES (?, ?, ?, ?)');
        $insertItem = $this->pdo->prepare('INSERT INTO order_items (order_id, product, quantity, unit_price_cents) VALUES (?, ?, ?, ?)');

        $revenue = [];
        $counts = [];
        $orders = [];
        $orderId = 100;
        foreach ($names as $i => $name) {
            $customerId = 50 - 3 * $i;           // ids deliberately not in email order
            $email = $name . '@example.net';
            $insertCustomer->execute([$customerId, $email, ucfirst($name)]);
            $counts[$email] = 0;
            $orders[$email] = [];
            $orderCount = mt_rand(0, 4);
            for ($o = 0; $o < $orderCount; $o++) {
                $orderId += mt_rand(1, 3);
                $day = sprintf('2026-%02d-%02d', mt_rand(1, 3), mt_rand(1, 4)); // few days: same-day ties
                // Revenue counts every order's items, whatever the order's status.
                $insertOrder->execute([$orderId, $customerId, $day, ['paid', 'open', 'shipped', 'refunded'][mt_rand(0, 3)]]);
                $counts[$email]++;
                $orders[$email][] = ['id' => $orderId, 'created_at' => $day];
                $items = mt_rand(0, 4);            // 0: an order without items yet
                for ($it = 0; $it < $items; $it++) {
                    $quantity = mt_rand(1, 5);
                    $price = 50 * mt_rand(1, 90);
                    $insertItem->execute([$orderId, 'P' . mt_rand(1, 99), $quantity, $price]);
                    $revenue[$email] = ($revenue[$email] ?? 0) + $quantity * $price;
                }
            }
            usort($orders[$email], static fn (array $a, array $b): int => [$a['created_at'], $a['id']] <=> [$b['created_at'], $b['id']]);
        }
        // Two extra customers with identical spending: a revenue tie.
        foreach ([['yan@example.net', 70], ['abe@example.net', 71]] as [$email, $customerId]) {
            $insertCustomer->execute([$customerId, $email, 'Twin']);
            $orderId++;
            $insertOrder->execute([$orderId, $customerId, '2026-02-02', 'paid']);
            $insertItem->execute([$orderId, 'Twin lamp', 3, 7000]);
            $revenue[$email] = 21000;
            $counts[$email] = 1;
            $orders[$email] = [['id' => $orderId, 'created_at' => '2026-02-02']];
        }

        $ranked = [];
        foreach ($revenue as $email => $cents) {
            $ranked[] = ['email' => $email, 'revenue_cents' => $cents];
        }
        usort($ranked, static fn (array $a, array $b): int => [$b['revenue_cents'], $a['email']] <=> [$a['revenue_cents'], $b['email']]);
        ksort($counts);
        $without = array_keys(array_filter($counts, static fn (int $n): bool => $n === 0));

        return [
            'revenue' => static fn (int $min): array => array_values(array_filter(
                $ranked,
                static fn (array $row): bool => $row['revenue_cents'] >= $min
            )),
            'without' => $without,
            'counts' => array_map(
                static fn (string $email, int $n): array => ['email' => $email, 'orders' => $n],
                array_keys($counts),
                array_values($counts)
            ),
            'orders' => $orders,
        ];
    }
}
