<?php

declare(strict_types=1);

namespace Exercise;

/** Route templates for metric labels, and an in-memory counter registry. */
final class Metrics
{
    /**
     * The route TEMPLATE that matches, e.g. matchRoute('/users/42', ['/health', '/users/:id'])
     * === '/users/:id'. A ":name" segment matches exactly one non-empty path segment, of any
     * value. When nothing matches return the constant 'unmatched', never the raw path: metric
     * labels must have a small, bounded set of values.
     */
    public static function matchRoute(string $path, array $templates): string
    {
        throw new \LogicException('Not implemented yet: Metrics::matchRoute() in src/Metrics.php');
    }

    /**
     * Add $by to the counter series identified by $name plus its labels. The ORDER in which
     * the labels are given must not matter; label names AND values both identify the series.
     */
    public function increment(string $name, array $labels = [], int $by = 1): void
    {
        throw new \LogicException('Not implemented yet: Metrics::increment() in src/Metrics.php');
    }

    /** The current value of a series, 0 for an unknown one. */
    public function value(string $name, array $labels = []): int
    {
        throw new \LogicException('Not implemented yet: Metrics::value() in src/Metrics.php');
    }

    /**
     * Every series of the metric $name: [['labels' => [...], 'value' => n], ...].
     *
     * @return list<array{labels: array<string, string>, value: int}>
     */
    public function series(string $name): array
    {
        throw new \LogicException('Not implemented yet: Metrics::series() in src/Metrics.php');
    }
}
