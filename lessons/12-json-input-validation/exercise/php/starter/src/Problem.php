<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Response;

/** RFC 9457 problem details. You do not need to edit this file. */
final class Problem
{
    private const TYPE_BASE = 'https://api.example.com/problems/';

    /**
     * An application/problem+json response.
     *
     * @param string $slug   problem type, e.g. 'validation-failed'
     * @param string $title  short, human-readable summary of the problem type
     * @param string $detail explanation of THIS occurrence (never echo raw input)
     * @param array<string, mixed> $extra extension members, e.g. ['errors' => [...]]
     * @param array<string, string> $headers extra response headers
     */
    public static function response(int $status, string $slug, string $title, string $detail, array $extra = [], array $headers = []): Response
    {
        $body = ['type' => self::TYPE_BASE . $slug, 'title' => $title, 'status' => $status, 'detail' => $detail] + $extra;
        return new Response($status, ['Content-Type' => 'application/problem+json'] + $headers, json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES));
    }
}
