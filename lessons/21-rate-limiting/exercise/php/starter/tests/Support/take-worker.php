<?php

// One "PHP process serving requests": opens the shared SQLite file, builds a fresh
// RateLimiter per request (as PHP does), and prints how many of its requests were allowed.
//   php take-worker.php <sqlite file> <requests> <frozen clock ms> <go file>
// Every worker waits until <go file> exists, so that they all start at the same moment.

declare(strict_types=1);

use Exercise\Http\Response;
use Exercise\RateLimiter;

require __DIR__ . '/../bootstrap.php';

[, $file, $requests, $nowMs, $go] = $argv;
$deadline = microtime(true) + 10;
while (!is_file($go) && microtime(true) < $deadline) {
    usleep(1000);
}
$allowed = 0;
for ($i = 0; $i < (int) $requests; $i++) {
    $pdo = new PDO("sqlite:{$file}", null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_TIMEOUT => 20]);
    $limiter = new RateLimiter($pdo, 100, 1.0, static fn(): int => (int) $nowMs);
    $response = $limiter->handle(['REMOTE_ADDR' => '192.0.2.50'], static fn(array $server): Response => new Response(200, [], 'ok'));
    $allowed += $response->status === 200 ? 1 : 0;
}
echo $allowed, "\n";
