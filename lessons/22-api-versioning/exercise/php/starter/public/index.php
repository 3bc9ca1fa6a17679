<?php

declare(strict_types=1);

// A front controller to try the API by hand (the tests call Api::handle() directly):
//   php -S 127.0.0.1:8080 public/index.php
//   curl -i http://127.0.0.1:8080/v1/users/1
//   curl -i -H 'X-Client-Id: billing' http://127.0.0.1:8080/v2/users/1

use Exercise\Api;
use Exercise\InMemoryUsers;
use Exercise\Request;
use Exercise\Response;
use Exercise\SystemClock;
use Exercise\User;

require __DIR__ . '/../tests/bootstrap.php';

ini_set('display_errors', '0'); // production default: never show errors to clients

$headers = [];
foreach ($_SERVER as $key => $value) {
    if (str_starts_with((string) $key, 'HTTP_')) {
        $headers[str_replace('_', '-', substr((string) $key, 5))] = (string) $value;
    }
}

$api = new Api(
    new InMemoryUsers(
        new User('1', 'Ada', 'Lovelace', 'ada@example.test', '(hidden)'),
        new User('2', 'Alan', 'Turing', 'alan@example.test', '(hidden)'),
    ),
    new SystemClock(),
    [],
    static function (array $event): void {
        error_log('api usage: ' . json_encode($event)); // in production: a metrics counter
    },
);

try {
    $response = $api->handle(new Request(
        (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET'),
        (string) ($_SERVER['REQUEST_URI'] ?? '/'),
        $headers,
    ));
} catch (\Throwable $e) {
    error_log((string) $e);
    $response = Response::json(['type' => 'about:blank', 'title' => 'Internal Server Error', 'status' => 500], 500, [], 'application/problem+json');
}

http_response_code($response->status);
foreach ($response->headers() as $name => $value) {
    header($name . ': ' . $value);
}
echo $response->body;
