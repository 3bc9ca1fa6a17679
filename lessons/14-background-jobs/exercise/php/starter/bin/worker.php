<?php

declare(strict_types=1);

// A time-boxed worker batch for cron (for example every minute, under flock):
//   * * * * * /usr/bin/flock -n /tmp/queue-worker.lock /usr/bin/php /path/to/bin/worker.php --max-seconds=50
// It stops after --max-seconds, after 500 jobs, above 128 MB, or on SIGTERM/SIGINT.

use Exercise\SqliteQueue;
use Exercise\SystemClock;
use Exercise\Worker;

require __DIR__ . '/../tests/bootstrap.php';

$options = getopt('', ['max-seconds::', 'db::']);
$maxSeconds = (int) ($options['max-seconds'] ?? 50);
$dbFile = (string) ($options['db'] ?? __DIR__ . '/../var/queue.sqlite');
@mkdir(dirname($dbFile), 0750, true);

$clock = new SystemClock();
$queue = new SqliteQueue(new PDO('sqlite:' . $dbFile), $clock);
$handlers = [
    'send_receipt' => static function (array $payload): void {
        fwrite(STDOUT, "sending receipt for order {$payload['order_id']}\n");
    },
];
$worker = new Worker($queue, $handlers, $clock, gethostname() . ':' . getmypid());

$stop = false;
if (function_exists('pcntl_async_signals')) {
    pcntl_async_signals(true);
    pcntl_signal(SIGTERM, static function () use (&$stop): void { $stop = true; });
    pcntl_signal(SIGINT, static function () use (&$stop): void { $stop = true; });
}

$queue->requeueStale(300);
$deadline = time() + $maxSeconds;
$processed = 0;
while (!$stop && time() < $deadline && $processed < 500 && memory_get_usage(true) < 128 * 1024 * 1024) {
    if ($worker->runOnce()) {
        $processed++;
    } else {
        sleep(1); // nothing ready: poll gently
    }
}
fwrite(STDOUT, json_encode(['processed' => $processed] + $queue->stats()) . "\n");
