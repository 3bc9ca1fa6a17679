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
    private function app(): Router
    {
        $users = new UserDirectory([
            7 => ['id' => 7, 'name' => 'Grace', 'email' => 'grace@example.com', 'password_hash' => '$2y$12$secret'],
        ]);
        $router = new Router();
        $router->add('GET', '/users/{id:\d+}', [new UserController($users, new UserSerializer()), 'show']);
        return $router;
    }

    public function testShowUsesTheRouteParameterAndTheSerializer(): void
    {
        $response = $this->app()->dispatch(new Request('GET', '/users/7'));

        $this->assertSame(200, $response->status, "UserController::show must read the id from \$params['id'] (the router's parameter).");
        $this->assertSame('application/json', $response->header('Content-Type'), 'The controller must answer with JSON built by the serializer.');
        $this->assertSame('{"id":7,"name":"Grace"}', $response->body, 'Only the fields chosen by UserSerializer (id, name) may leave the server.');
    }

    public function testShowReturns404ForUnknownUser(): void
    {
        $response = $this->app()->dispatch(new Request('GET', '/users/8'));

        $this->assertSame(404, $response->status, 'An id that matches the pattern but has no user must give 404.');
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
