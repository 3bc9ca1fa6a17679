<?php

declare(strict_types=1);

// The front controller: PHP's built-in server runs it for every request.
//   ITEMS_TOKEN=secret php -S 127.0.0.1:8000 public/index.php
//   curl -i http://127.0.0.1:8000/health
// Only this file touches the superglobals and header(); App::handle() gets a Request.
// PHP starts a fresh process state for every request, so items created here live for one
// request only; the tests keep one App object, and lesson 6 brings a database.

use Exercise\App;
use Exercise\Request;

require __DIR__ . '/../tests/bootstrap.php';

ini_set('display_errors', '0'); // production default: never show errors to clients

$app = new App((string) (getenv('ITEMS_TOKEN') ?: 'change-me'));
try {
    $response = $app->handle(new Request(
        (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET'),
        (string) ($_SERVER['REQUEST_URI'] ?? '/'),
        getallheaders(),
        fopen('php://input', 'rb'),
    ));
} catch (\Throwable $e) {
    error_log((string) $e);
    $response = new \Exercise\Response(500, ['Content-Type' => 'application/problem+json'], '{"title":"Internal Server Error","status":500}');
}

http_response_code($response->status);
foreach ($response->headers() as $name => $value) {
    header($name . ': ' . $value);
}
echo $response->body; // for HEAD, PHP sends the headers and drops what is echoed
