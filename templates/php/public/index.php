<?php

declare(strict_types=1);

/*
 * Front controller: every request that is not a real file ends up here
 * (php -S does this by itself; on Apache, public/.htaccess does it).
 * Only this file touches PHP's globals and output.
 */

use App\Application;
use App\Config;
use App\Http\Request;
use App\Http\Response;

// Errors are logged, never printed into a response where visitors can read them.
ini_set('display_errors', '0');
ini_set('log_errors', '1');

$autoload = dirname(__DIR__) . '/vendor/autoload.php';
if (!is_file($autoload)) {
    http_response_code(500);
    error_log('vendor/autoload.php is missing: run "composer install" (or "composer dump-autoload").');
    exit;
}
require $autoload;

// Turn warnings and notices into exceptions so that a typo cannot silently
// produce a half-right response; they then reach the ErrorHandler like any error.
set_error_handler(static function (int $severity, string $message, string $file, int $line): bool {
    if ((error_reporting() & $severity) === 0) {
        return false; // silenced with @
    }
    throw new ErrorException($message, 0, $severity, $file, $line);
});

try {
    $app = Application::create(Config::load(dirname(__DIR__)));
    $app->handle(Request::fromGlobals())->send();
} catch (Throwable $error) {
    // Start-up failed (invalid config, database not writable ...). The Application's
    // ErrorHandler isn't available, so do the same thing by hand: log it all, say little.
    error_log('Fatal error during start-up: ' . $error);
    Response::problem(500, 'The service is not available right now.')->send();
}
