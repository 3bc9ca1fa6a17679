<?php

declare(strict_types=1);

// The front controller: the web server sends every request that is not a real
// file here (Apache: FallbackResource /index.php or mod_rewrite; nginx: try_files).
// Try it locally with: php -S 127.0.0.1:8080 -t public public/index.php

use Exercise\Controller\UserController;
use Exercise\Request;
use Exercise\Router;
use Exercise\Service\UserDirectory;
use Exercise\View\UserSerializer;

// PHP's built-in server runs this router script for every request, static files included.
// Returning false hands an existing file back to the server to deliver as it is.
if (PHP_SAPI === 'cli-server') {
    $file = __DIR__ . parse_url((string) ($_SERVER['REQUEST_URI'] ?? '/'), PHP_URL_PATH);
    if ($file !== __FILE__ && is_file($file)) {
        return false;
    }
}

require __DIR__ . '/../tests/bootstrap.php';

ini_set('display_errors', '0'); // production default: never show errors to clients

$users = new UserDirectory([
    1 => ['id' => 1, 'name' => 'Ada', 'email' => 'ada@example.com', 'password_hash' => '(hidden)'],
]);
$router = new Router();
$controller = new UserController($users, new UserSerializer());
$router->add('GET', '/users/{id:\d+}', [$controller, 'show']);
$router->add('GET', '/users/{id:\d+}/page', [$controller, 'page']);

// Only this file reads the superglobals; everything after it gets a Request.
$request = new Request(
    (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET'),
    (string) ($_SERVER['REQUEST_URI'] ?? '/'),
);

try {
    $response = $router->dispatch($request);
} catch (\Throwable $e) {
    error_log((string) $e);
    $response = \Exercise\Response::text(500, 'Internal Server Error');
}

http_response_code($response->status);
foreach ($response->headers() as $name => $value) {
    header($name . ': ' . $value);
}
echo $response->body;
