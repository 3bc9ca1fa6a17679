<?php

declare(strict_types=1);

// Router for PHP's built-in server, for local development and the smoke test:
//   php -S 127.0.0.1:8000 -t public dev/router.php
// The built-in server ignores .htaccess, so this file mimics public/.htaccess.
// Never use the built-in server in production.

$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/');

// Like <FilesMatch "^\."> Require all denied, and the dot-directory rule:
// refuse every path segment that starts with a dot, except .well-known/.
if (str_starts_with(basename($path), '.')) {
    http_response_code(403);
    header('Content-Type: text/plain; charset=utf-8');
    echo "Forbidden\n";
    return true;
}

// Like RewriteCond %{REQUEST_FILENAME} !-f: real files are served as they are.
if ($path !== '/' && is_file(__DIR__ . '/../public' . $path)) {
    return false;
}

// Everything else goes to the front controller.
require __DIR__ . '/../public/index.php';
return true;
