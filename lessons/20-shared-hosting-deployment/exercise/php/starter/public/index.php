<?php

declare(strict_types=1);

// Front controller: the only PHP file inside the web root.
// Everything else (src/, vendor/, config, logs) lives one level up.

$autoload = __DIR__ . '/../vendor/autoload.php';
if (is_file($autoload)) {
    require $autoload;
} else {
    spl_autoload_register(static function (string $class): void {
        if (str_starts_with($class, 'Exercise\\')) {
            $file = __DIR__ . '/../src/' . str_replace('\\', '/', substr($class, 9)) . '.php';
            if (is_file($file)) {
                require $file;
            }
        }
    });
}

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
$method = $_SERVER['REQUEST_METHOD'] ?? 'GET';

header('X-Content-Type-Options: nosniff');

if ($path === '/health' && ($method === 'GET' || $method === 'HEAD')) {
    header('Content-Type: application/json');
    header('Cache-Control: no-store');
    echo json_encode(['status' => 'ok'], JSON_THROW_ON_ERROR);
    return;
}

http_response_code(404);
header('Content-Type: application/problem+json');
echo json_encode(['type' => 'about:blank', 'title' => 'Not Found', 'status' => 404], JSON_THROW_ON_ERROR);
