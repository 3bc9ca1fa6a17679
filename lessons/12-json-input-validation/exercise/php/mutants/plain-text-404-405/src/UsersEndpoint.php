<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Request;
use Exercise\Http\Response;

final class UsersEndpoint
{
    public const MAX_BODY_BYTES = 10 * 1024;

    /** @var list<array<string, mixed>> */
    private array $users = [];
    private int $lastId = 0;

    public function __construct(private readonly UserValidator $validator = new UserValidator())
    {
    }

    public function handle(Request $request): Response
    {
        $path = parse_url($request->target, PHP_URL_PATH);
        if ($path !== '/users') {
            return new Response(404, ["Content-Type" => "text/plain"], "Not Found");
        }
        if ($request->method !== 'POST') {
            return new Response(405, ["Allow" => "POST", "Content-Type" => "text/plain"], "Method Not Allowed");
        }
        try {
            return $this->createUser($request);
        } catch (\Throwable $e) {
            error_log((string) $e); // the details go to the log, never to the client
            return Problem::response(500, 'internal', 'Internal Server Error', 'Something went wrong on our side.');
        }
    }

    private function createUser(Request $request): Response
    {
        $mediaType = strtolower(trim(explode(';', $request->header('Content-Type') ?? '')[0]));
        if ($mediaType !== 'application/json') {
            return Problem::response(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send the body as application/json.');
        }

        $tooLarge = Problem::response(413, 'too-large', 'Content Too Large', 'The body must not exceed ' . self::MAX_BODY_BYTES . ' bytes.', [], ['Connection' => 'close']);
        $declared = $request->header('Content-Length');
        if ($declared !== null && ctype_digit($declared) && (int) $declared > self::MAX_BODY_BYTES) {
            return $tooLarge; // refuse before reading a single byte
        }
        // One byte past the limit is enough to know the body is too large.
        $raw = stream_get_contents($request->body, self::MAX_BODY_BYTES + 1);
        if ($raw === false) {
            return Problem::response(400, 'malformed', 'Malformed request body', 'The body could not be read.');
        }
        if (strlen($raw) > self::MAX_BODY_BYTES) {
            return $tooLarge;
        }

        try {
            $body = json_decode($raw, false, 64, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (\JsonException) {
            // Empty bodies, syntax errors and invalid UTF-8 all land here. Never echo the input.
            return Problem::response(400, 'malformed', 'Malformed JSON', 'The request body is not valid JSON.');
        }

        $errors = $this->validator->validate($body);
        if ($errors !== []) {
            return Problem::response(422, 'validation-failed', 'Validation failed', count($errors) . ' field(s) failed validation.', ['errors' => $errors]);
        }

        // Copy only the allowlisted fields into a fresh array.
        $user = ['id' => ++$this->lastId, 'name' => trim($body->name), 'email' => $body->email];
        if (property_exists($body, 'age')) {
            $user['age'] = $body->age;
        }
        $this->users[] = $user;
        return Response::json(201, $user, ['Location' => "/users/{$user['id']}"]);
    }
}
