<?php

declare(strict_types=1);

// Queue worker for hosts without daemons. cron starts it every minute:
//   * * * * * /usr/local/bin/php /home/USER/app/bin/worker.php --max-time=50 >> /home/USER/logs/worker.log 2>&1
// It works for at most --max-time seconds, then exits, and a lock stops two runs overlapping.
// Options: --max-time=SECONDS (1-3600, default 50), --lock=FILE, --queue=DIR

$options = getopt('', ['max-time:', 'lock:', 'queue:']);
$maxTime = filter_var($options['max-time'] ?? '50', FILTER_VALIDATE_INT, ['options' => ['min_range' => 1, 'max_range' => 3600]]);
if ($maxTime === false) {
    fwrite(STDERR, "--max-time must be a whole number of seconds between 1 and 3600\n");
    exit(2);
}
$lockFile = (string) ($options['lock'] ?? __DIR__ . '/../var/worker.lock');
$queueDir = (string) ($options['queue'] ?? __DIR__ . '/../var/queue');

set_time_limit($maxTime + 10); // a hard stop in case a job hangs

$lock = fopen($lockFile, 'c');
if ($lock === false || !flock($lock, LOCK_EX | LOCK_NB)) {
    echo date('c'), " another worker is still running; skipping this run\n";
    exit(0);
}

$deadline = microtime(true) + $maxTime;
$done = 0;
try {
    while (microtime(true) < $deadline) {
        $jobs = array_map(fn ($f) => $queueDir . '/' . $f, array_values(array_filter(scandir($queueDir) ?: [], fn ($f) => $f[0] !== '.' && !str_ends_with($f, '.done'))));
        if ($jobs === []) {
            usleep(200_000); // nothing to do: wait a little, but never past the deadline
            continue;
        }
        sort($jobs);
        $job = $jobs[0];
        // A real job would be decoded and run here; this one is just marked as done.
        rename($job, $job . '.done');
        $done++;
    }
} finally {
    flock($lock, LOCK_UN);
    fclose($lock);
}

echo date('c'), " worker finished: $done job(s)\n";
exit(0);
