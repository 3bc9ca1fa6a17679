<?php

declare(strict_types=1);

/*
 * Application bootstrap, included once at start-up.
 * Turns warnings and notices into ErrorException so one error model
 * (exceptions) covers everything.
 */
set_error_handler(static function (int $severity, string $message, string $file = '', int $line = 0) {
    if (!(error_reporting() & $severity)) {
        return;
    }
    throw new \ErrorException($message, 0, $severity, $file, $line);
});
