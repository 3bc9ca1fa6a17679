<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A tiny HTTP application that speaks HTTP precisely. See README.md for the rules.
 *
 *   GET|HEAD /health     -> 200 {"status":"ok"}; other methods 405 + Allow: GET, HEAD
 *   POST /echo           -> 415 / 413 / 400 / 200 with the JSON echoed back
 *   POST /items          -> 401 + WWW-Authenticate without "Bearer <token>"; else 201 + Location
 *   GET|HEAD /items/{id} -> 200 with the item, or 404
 *   anything else        -> 404 with a JSON body containing "status": 404
 */
final class App
{
    public const MAX_BODY_BYTES = 65536; // 64 KiB: never read an unbounded body

    public function __construct(private readonly string $token)
    {
    }

    public function handle(Request $request): Response
    {
        throw new \LogicException('Not implemented yet: App::handle() in src/App.php');
    }
}
