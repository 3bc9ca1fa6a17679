<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/LogTestCase.php';

use Exercise\Tests\Support\LogTestCase;
use Exercise\App;
use Exercise\Metrics;

final class MetricsTest extends LogTestCase
{
    private const ROUTES = ['/health', '/users/:id'];

    public function testMatchRouteReturnsTheTemplateNeverTheRawPath(): void
    {
        $this->assertSame('/users/:id', Metrics::matchRoute('/users/42', self::ROUTES), '/users/42 must match the template /users/:id');
        $this->assertSame('/health', Metrics::matchRoute('/health', self::ROUTES), 'static routes match themselves');
        $this->assertSame('unmatched', Metrics::matchRoute('/users/', self::ROUTES), 'a :param must match a non-empty segment');
        $this->assertSame('unmatched', Metrics::matchRoute('/users/1/orders', self::ROUTES), 'the number of segments must match');
        $this->assertSame('unmatched', Metrics::matchRoute('/wp-login.php', self::ROUTES), 'unknown paths get the constant "unmatched" to keep cardinality bounded');
    }

    public function testMatchRouteWorksForAnyTemplates(): void
    {
        $templates = ['/orders/:orderId/items/:itemId', '/orders/:orderId', '/reports/daily'];
        $id = 'ord-' . bin2hex(random_bytes(3));
        $this->assertSame('/orders/:orderId/items/:itemId', Metrics::matchRoute("/orders/{$id}/items/7", $templates), 'each :name segment matches one segment of any value (letters too), for every template you are given');
        $this->assertSame('/orders/:orderId', Metrics::matchRoute("/orders/{$id}", $templates), 'choose the template with the same number of segments');
        $this->assertSame('/reports/daily', Metrics::matchRoute('/reports/daily', $templates), 'static templates match exactly');
        $this->assertSame('unmatched', Metrics::matchRoute('/reports/weekly', $templates), 'a static segment must be equal, not just present');
        $this->assertSame('unmatched', Metrics::matchRoute("/orders/{$id}/items/7", ['/health']), 'only the given templates count');
    }

    public function testCountersAreKeyedByNameAndLabelsInAnyLabelOrder(): void
    {
        $metrics = new Metrics();
        $metrics->increment('jobs_total', ['queue' => 'mail', 'outcome' => 'ok']);
        $metrics->increment('jobs_total', ['outcome' => 'ok', 'queue' => 'mail'], 2);
        $metrics->increment('jobs_total', ['queue' => 'mail', 'outcome' => 'failed']);
        $this->assertSame(3, $metrics->value('jobs_total', ['queue' => 'mail', 'outcome' => 'ok']), 'label order must not create a new series: ksort() the labels before building the key');
        $this->assertSame(1, $metrics->value('jobs_total', ['queue' => 'mail', 'outcome' => 'failed']), 'different label values are different series');
        $this->assertSame(0, $metrics->value('jobs_total', ['queue' => 'pdf', 'outcome' => 'ok']), 'an unknown series has the value 0');
        $this->assertCount(2, $metrics->series('jobs_total'), 'series(name) lists one entry per label combination');
        $metrics->increment('moves_total', ['from' => 'a', 'to' => 'b']);
        $this->assertSame(0, $metrics->value('moves_total', ['from' => 'b', 'to' => 'a']), 'labels [from => a, to => b] and [from => b, to => a] are different series: key on label names AND values, not on the values alone');
        $this->assertSame(0, $metrics->value('jobs', ['_total' => 'x']), 'the metric name is part of the key too');
        $metrics->increment('tricky_total', ['a' => 'x,b=y']);
        $this->assertSame(0, $metrics->value('tricky_total', ['a' => 'x', 'b' => 'y']), 'labels [a => "x,b=y"] and [a => x, b => y] are different series: build the key so that no label value can imitate a separator (json_encode([$name, $labels]) after ksort())');
        $metrics->increment('tricky_total', ['a' => 'x}', 'b' => '{y']);
        $metrics->increment('tricky_total', ['a' => 'x', 'b' => 'y']);
        $this->assertCount(3, $metrics->series('tricky_total'), 'three different label sets are three series, whatever characters their values contain');
    }

    public function testUsers1AndUsers2IncrementTheSameRouteSeries(): void
    {
        $metrics = new Metrics();
        $app = new App($this->logger(), $metrics);
        foreach (['/users/1', '/users/2?tab=profile', '/nope/123'] as $uri) {
            $app->handle(['REQUEST_METHOD' => 'GET', 'REQUEST_URI' => $uri]);
        }
        $this->assertSame(2, $metrics->value('http_requests_total', ['method' => 'GET', 'route' => '/users/:id', 'status' => '200']), 'both requests must count in the /users/:id series');
        $routes = array_map(static fn(array $s) => $s['labels']['route'] ?? '', $metrics->series('http_requests_total'));
        $this->assertSame([], preg_grep('/\d/', $routes), 'raw paths leaked into the route label: ' . implode(', ', $routes));
        $this->assertContains('unmatched', $routes, 'a 404 path must be counted as route "unmatched"');
        $completed = array_filter($this->records(), static fn(array $r) => $r['msg'] === 'request completed');
        $this->assertCount(3, $completed, 'every request writes one "request completed" line');
        foreach ($completed as $record) {
            $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', (string) ($record['trace_id'] ?? ''), 'every request log line must carry trace_id');
        }
    }
}
