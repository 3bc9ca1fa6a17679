<?php

// One PHP process asking for a slow report through Cached, with the cache in a shared SQLite
// file and a FileLock in a shared folder. Every worker waits for <go file>, so they all miss
// at the same moment. The loader appends one line to <loads file> each time it runs.
//   php cached-worker.php <sqlite file> <lock dir> <loads file> <go file>

declare(strict_types=1);

use Exercise\Cached;
use Exercise\FileLock;
use Exercise\SqliteStore;

require __DIR__ . '/../bootstrap.php';

[, $file, $lockDir, $loadsFile, $go] = $argv;
$deadline = microtime(true) + 10;
while (!is_file($go) && microtime(true) < $deadline) {
    usleep(1000);
}
$pdo = new PDO("sqlite:{$file}", null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_TIMEOUT => 20]);
$cached = new Cached(new SqliteStore($pdo), new FileLock($lockDir, 20_000));
$report = $cached->get('report:today', 60_000, static function () use ($loadsFile): array {
    file_put_contents($loadsFile, getmypid() . "\n", FILE_APPEND | LOCK_EX);
    usleep(300_000); // a slow query
    return ['total' => 1234, 'by' => getmypid()];
});
echo json_encode($report), "\n";
