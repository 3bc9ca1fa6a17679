<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Controller\UserController;
use Exercise\Request;
use Exercise\Router;
use Exercise\Service\UserDirectory;
use Exercise\View\UserSerializer;
use PHPUnit\Framework\TestCase;

final class ControllerTest extends TestCase
{
    private int $otherId;

    private function app(): Router
    {
        $this->otherId = random_int(100, 99999);
        $users = new UserDirectory([
            7 => ['id' => 7, 'name' => 'Grace', 'email' => 'grace@example.com', 'password_hash' => '$2y$12$secret'],
            $this->otherId => ['id' => $this->otherId, 'name' => 'Zoë <script>alert("x")</script> & \'Bob\'', 'email' => 'zoe@example.com', 'password_hash' => '$2y$12$other'],
        ]);
        $controller = new UserController($users, new UserSerializer());
        $router = new Router();
        $router->add('GET', '/users/{id:\d+}', [$controller, 'show']);
        $router->add('GET', '/users/{id:\d+}/page', [$controller, 'page']);
        return $router;
    }

    public function testShowUsesTheRouteParameterAndTheSerializer(): void
    {
        $router = $this->app();
        $response = $router->dispatch(new Request('GET', '/users/7'));

        $this->assertSame(200, $response->status, "UserController::show must read the id from \$params['id'] (the router's parameter).");
        $this->assertSame('application/json', $response->header('Content-Type'), 'The controller must answer with JSON built by the serializer.');
        $this->assertSame('{"id":7,"name":"Grace"}', $response->body, 'Only the fields chosen by UserSerializer (id, name) may leave the server.');

        $other = $router->dispatch(new Request('GET', '/users/' . $this->otherId));
        $this->assertSame(200, $other->status, "GET /users/{$this->otherId} must find that user: look up (int) \$params['id'], not a fixed id.");
        $this->assertSame(['id' => $this->otherId, 'name' => 'Zoë <script>alert("x")</script> & \'Bob\''], json_decode($other->body, true), 'The JSON must be built from the user that was found, by UserSerializer (id and name only: no email, no password hash).');
    }

    public function testShowReturns404ForUnknownUser(): void
    {
        $response = $this->app()->dispatch(new Request('GET', '/users/8'));

        $this->assertSame(404, $response->status, 'An id that matches the pattern but has no user must give 404.');
    }

    public function testPageEscapesEveryValueForHtml(): void
    {
        $router = $this->app();
        $response = $router->dispatch(new Request('GET', '/users/' . $this->otherId . '/page'));

        $this->assertSame(200, $response->status, 'GET /users/{id}/page must answer 200 for a known user.');
        $this->assertSame('text/html; charset=utf-8', $response->header('Content-Type'), 'An HTML page must be sent as text/html; charset=utf-8.');
        $this->assertStringNotContainsString('<script>', $response->body, "The user's name reached the HTML unescaped: pass every value through htmlspecialchars(\$value, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8').");
        $this->assertStringNotContainsString('alert("x")', $response->body, 'Quotes must be escaped too (ENT_QUOTES): the name sits inside a quoted title attribute, where a raw " ends it.');
        $this->assertStringNotContainsString("'Bob'", $response->body, 'Escape single quotes as well (ENT_QUOTES), so the value is safe in any quoted attribute.');
        $this->assertStringContainsString('&lt;script&gt;', $response->body, 'The name must still be shown, escaped: <script> becomes &lt;script&gt;.');
        $this->assertStringContainsString('Zoë', $response->body, 'Escaping must keep UTF-8 text such as "Zoë" intact (charset UTF-8).');
        $this->assertStringNotContainsString('zoe@example.com', $response->body, 'The page must not show the email address.');

        $this->assertSame(404, $router->dispatch(new Request('GET', '/users/8/page'))->status, 'GET /users/8/page: no such user, so 404.');
    }

    public function testControllersNeverReadSuperglobals(): void
    {
        $files = glob(__DIR__ . '/../src/Controller/*.php') ?: [];
        $this->assertNotEmpty($files, 'src/Controller must contain the controller classes.');

        foreach ($files as $file) {
            $code = (string) file_get_contents($file);
            foreach (['$_GET', '$_POST', '$_SERVER', '$_REQUEST', '$_COOKIE'] as $global) {
                $this->assertFalse(str_contains($code, $global), basename($file) . " mentions $global: take input from the Request and the route \$params instead.");
            }
        }
    }
}
