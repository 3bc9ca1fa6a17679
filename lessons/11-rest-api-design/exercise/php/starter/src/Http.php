<?php

declare(strict_types=1);

namespace Exercise;

/** Ready-made helpers for the exercise. You do not need to change this file. */
final class Http
{
    /** @param array<string, string> $headers */
    public static function json(int $status, mixed $data, array $headers = []): Response
    {
        $body = json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return new Response($status, ['Content-Type' => 'application/json', 'Content-Length' => (string) strlen($body)] + $headers, $body);
    }

    /**
     * An RFC 9457 problem details response. $extra adds members such as "detail" or "errors".
     *
     * @param array<string, mixed> $extra
     * @param array<string, string> $headers
     */
    public static function problem(int $status, string $title, array $extra = [], array $headers = []): Response
    {
        $body = json_encode(['type' => 'about:blank', 'title' => $title, 'status' => $status] + $extra, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return new Response($status, ['Content-Type' => 'application/problem+json', 'Content-Length' => (string) strlen($body)] + $headers, $body);
    }

    /** A response without content, such as 204 No Content. @param array<string, string> $headers */
    public static function noContent(array $headers = []): Response
    {
        return new Response(204, $headers);
    }

    /**
     * Decodes a JSON request body (objects become arrays).
     *
     * @throws Problem 415 when the media type is not application/json, 413 over $limit bytes, 400 for malformed JSON
     */
    public static function readJson(Request $request, int $limit = 16384): mixed
    {
        $type = strtolower(trim(explode(';', $request->header('Content-Type') ?? '')[0]));
        if ($type !== 'application/json') {
            throw new Problem(415, 'Unsupported Media Type');
        }
        if (strlen($request->body) > $limit) {
            throw new Problem(413, 'Content Too Large');
        }
        try {
            return json_decode($request->body, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            throw new Problem(400, 'Bad Request');
        }
    }

    /**
     * A strong ETag computed from the whole representation: same content, same tag.
     *
     * @param array<string, mixed> $representation
     */
    public static function etag(array $representation): string
    {
        return '"' . substr(hash('sha256', json_encode($representation, JSON_THROW_ON_ERROR)), 0, 27) . '"';
    }
}
