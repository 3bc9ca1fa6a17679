<?php

declare(strict_types=1);

// Router for PHP's built-in server, for local development and the smoke test:
//   php -S 127.0.0.1:8000 -t public dev/router.php
// The built-in server ignores .htaccess, so this file must mimic public/.htaccess.

$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/');

if ($path !== '/' && is_file(__DIR__ . '/../public' . $path)) {
    return false; // serve the file as it is
}

require __DIR__ . '/../public/index.php';
