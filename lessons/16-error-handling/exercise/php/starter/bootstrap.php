<?php

declare(strict_types=1);

/*
 * Application bootstrap, included once at start-up (by public/index.php in a
 * real app, and by tests/BootstrapTest.php here).
 *
 * Register an error handler with set_error_handler() that turns warnings and
 * notices into \ErrorException, so that e.g. file_get_contents() on a missing
 * file throws instead of printing a warning and returning false.
 * Respect error_reporting(): for a level that is switched off, return false.
 */
