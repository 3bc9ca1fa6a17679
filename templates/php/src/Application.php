<?php

declare(strict_types=1);

namespace App;

use App\Controller\NoteController;
use App\Database\Connection;
use App\Database\Migrator;
use App\Http\ErrorHandler;
use App\Http\Request;
use App\Http\Response;
use App\Http\Router;
use App\Note\NoteRepository;
use Throwable;

/**
 * Wires the pieces together (the "composition root") and turns a Request
 * into a Response. This is the one place that knows about every class;
 * the classes themselves only receive what they need through constructors.
 */
final class Application
{
    public function __construct(
        private readonly Router $router,
        private readonly ErrorHandler $errors,
    ) {
    }

    /** @param (callable(string): void)|null $log */
    public static function create(Config $config, ?callable $log = null): self
    {
        $pdo = Connection::open($config->databasePath);
        if ($config->autoMigrate) {
            (new Migrator($pdo, self::migrationsDirectory()))->migrate();
        }

        $notes = new NoteController(new NoteRepository($pdo));

        $router = new Router();
        $router->get('/', static fn (): Response => Response::json([
            'name' => 'Backend Path PHP starter',
            'links' => ['notes' => '/notes', 'health' => '/health'],
        ]));
        $router->get('/health', static function () use ($pdo): Response {
            $pdo->query('SELECT 1'); // proves the database answers, not just PHP
            return Response::json(['status' => 'ok']);
        });
        // $notes->list(...) is PHP 8.1's first-class callable syntax: a Closure for that method.
        $router->get('/notes', $notes->list(...));
        $router->post('/notes', $notes->create(...));
        $router->get('/notes/{id}', $notes->show(...));

        return new self($router, new ErrorHandler($log));
    }

    public static function migrationsDirectory(): string
    {
        return dirname(__DIR__) . '/migrations';
    }

    public function handle(Request $request): Response
    {
        try {
            $response = $this->router->dispatch($request);
        } catch (Throwable $error) {
            $response = $this->errors->handle($error, $request);
        }

        // HEAD = GET without the body (RFC 9110). Headers, including the length, stay.
        return $request->method() === 'HEAD' ? $response->withoutBody() : $response;
    }
}
