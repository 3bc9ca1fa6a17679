<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A tiny HTTP application that speaks HTTP precisely: reference solution.
 */
final class App
{
    public const MAX_BODY_BYTES = 65536; // 64 KiB: never read an unbounded body

    /** @var array<string, array{id: string, data: mixed}> items by id, per App object */
    private array $items = [];

    public function __construct(private readonly string $token)
    {
        if ($token === '') {
            throw new \InvalidArgumentException('App needs a non-empty token');
        }
    }

    public function handle(Request $request): Response
    {
        $response = $this->route($request);
        // HEAD gets exactly GET's status and header fields (Content-Length included), never content.
        return $request->method === 'HEAD' ? $response->withBody('') : $response;
    }

    private function route(Request $request): Response
    {
        // Route on the path only: "/health?x=1" is still /health.
        $path = (string) parse_url($request->target, PHP_URL_PATH);
        $method = $request->method;

        if ($path === '/health') {
            return $method === 'GET' || $method === 'HEAD'
                ? $this->json(200, ['status' => 'ok'])
                : $this->problem(405, 'Method Not Allowed', ['Allow' => 'GET, HEAD']);
        }

        if ($path === '/echo') {
            if ($method !== 'POST') {
                return $this->problem(405, 'Method Not Allowed', ['Allow' => 'POST']);
            }
            $parsed = $this->readJson($request);
            return $parsed instanceof Response ? $parsed : $this->json(200, $parsed['value']);
        }

        if ($path === '/items') {
            if ($method !== 'POST') {
                return $this->problem(405, 'Method Not Allowed', ['Allow' => 'POST']);
            }
            // Credentials first: a 415 would tell a stranger about the API.
            if (!hash_equals('Bearer ' . $this->token, $request->header('Authorization') ?? '')) {
                // 401 = "I don't know who you are"; WWW-Authenticate says how to prove it.
                return $this->problem(401, 'Unauthorized', ['WWW-Authenticate' => 'Bearer realm="items"']);
            }
            $parsed = $this->readJson($request);
            if ($parsed instanceof Response) {
                return $parsed;
            }
            $id = bin2hex(random_bytes(8));
            $this->items[$id] = ['id' => $id, 'data' => $parsed['value']];
            return $this->json(201, $this->items[$id], ['Location' => "/items/$id"]);
        }

        if (preg_match('~\A/items/([^/]+)\z~', $path, $match) === 1) {
            $item = $this->items[$match[1]] ?? null;
            if ($item === null) {
                return $this->problem(404, 'Not Found');
            }
            return $method === 'GET' || $method === 'HEAD'
                ? $this->json(200, $item)
                : $this->problem(405, 'Method Not Allowed', ['Allow' => 'GET, HEAD']);
        }

        return $this->problem(404, 'Not Found');
    }

    /**
     * Checks the media type, then reads and parses a JSON body.
     *
     * @return array{value: mixed}|Response the parsed value, or the error response to send
     */
    private function readJson(Request $request): array|Response
    {
        // "Application/JSON; charset=utf-8" -> "application/json"
        $type = strtolower(trim(explode(';', $request->header('Content-Type') ?? '')[0]));
        if ($type !== 'application/json') {
            return $this->problem(415, 'Unsupported Media Type', ['Accept-Post' => 'application/json']);
        }
        $declared = $request->header('Content-Length');
        if ($declared !== null && ctype_digit($declared) && (int) $declared > self::MAX_BODY_BYTES) {
            return $this->problem(413, 'Content Too Large'); // declared too big: don't read at all
        }
        // Read one byte more than allowed, never the whole stream: a chunked body has no length.
        $text = stream_get_contents($request->body(), self::MAX_BODY_BYTES + 1);
        if ($text === false || strlen($text) > self::MAX_BODY_BYTES) {
            return $this->problem(413, 'Content Too Large');
        }
        $v = json_decode($text); if ($v === null) { return $this->problem(400, "Bad Request"); } return ["value" => $v];
        }

    /** @param array<string, string> $headers */
    private function json(int $status, mixed $data, array $headers = [], string $type = 'application/json'): Response
    {
        $body = json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return new Response($status, [
            'Content-Type' => $type,
            'Content-Length' => (string) strlen($body), // strlen() counts bytes, as Content-Length must
        ] + $headers, $body);
    }

    /** RFC 9457-style error body; lesson 11 covers problem details in depth. */
    private function problem(int $status, string $title, array $headers = []): Response
    {
        return $this->json($status, ['type' => 'about:blank', 'title' => $title, 'status' => $status], $headers, 'application/problem+json');
    }
}
