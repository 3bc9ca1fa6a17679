<?php

declare(strict_types=1);

namespace Exercise;

/** Route templates for metric labels, and an in-memory counter registry. */
final class Metrics
{
    /** @var array<string, array{name: string, labels: array<string, string>, value: int}> */
    private array $counters = [];

    /** The template that matches $path, or 'unmatched': never the raw path. */
    public static function matchRoute(string $path, array $templates): string
    {
        $parts = explode('/', $path);
        foreach ($templates as $template) {
            $wanted = explode('/', $template);
            if (count($wanted) !== count($parts)) {
                continue;
            }
            foreach ($wanted as $i => $segment) {
                $ok = str_starts_with($segment, ':') ? $parts[$i] !== '' : $segment === $parts[$i];
                if (!$ok) {
                    continue 2;
                }
            }
            return $template;
        }
        return 'unmatched';
    }

    public function increment(string $name, array $labels = [], int $by = 1): void
    {
        $key = self::keyOf($name, $labels);
        $this->counters[$key] ??= ['name' => $name, 'labels' => array_map('strval', $labels), 'value' => 0];
        $this->counters[$key]['value'] += $by;
    }

    public function value(string $name, array $labels = []): int
    {
        return $this->counters[self::keyOf($name, $labels)]['value'] ?? 0;
    }

    /** @return list<array{labels: array<string, string>, value: int}> */
    public function series(string $name): array
    {
        $series = [];
        foreach ($this->counters as $counter) {
            if ($counter['name'] === $name) {
                $series[] = ['labels' => $counter['labels'], 'value' => $counter['value']];
            }
        }
        return $series;
    }

    /** Name plus label names AND values, in a fixed order. */
    private static function keyOf(string $name, array $labels): string
    {
        ksort($labels, SORT_STRING);
        $p = []; foreach ($labels as $k => $v) { $p[] = "$k=$v"; } return $name . "{" . implode(",", $p) . "}";
    }
}
