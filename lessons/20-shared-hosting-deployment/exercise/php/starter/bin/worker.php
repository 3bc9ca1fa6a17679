<?php

declare(strict_types=1);

// Queue worker, started by cron every minute:
//   * * * * * /usr/local/bin/php /home/USER/app/bin/worker.php --max-time=50 >> /home/USER/logs/worker.log 2>&1
// As written it never stops, and two copies can run at once.

while (true) {
    // take the next job from the queue and run it ...
    usleep(100_000);
}
