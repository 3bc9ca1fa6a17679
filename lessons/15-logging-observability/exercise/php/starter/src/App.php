<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Response;

/**
 * A tiny service that uses your logger, request context and metrics. Under PHP-FPM one
 * worker handles one request, so each call of handle() is one request.
 * You do not need to edit this file, but read it: the tests drive it.
 */
final class App
{
    public const ROUTES = ['/health', '/users/:id'];

    public function __construct(private readonly Logger $logger, private readonly Metrics $metrics)
    {
    }

    /** @param array<string, mixed> $server shaped like $_SERVER */
    public function handle(array $server): Response
    {
        $started = hrtime(true);
        $context = RequestContext::fromServer($server);
        $log = $this->logger->forRequest($context); // every line of this request carries its trace_id
        $method = (string) ($server['REQUEST_METHOD'] ?? 'GET');
        $path = (string) (parse_url((string) ($server['REQUEST_URI'] ?? '/'), PHP_URL_PATH) ?: '/');
        $route = Metrics::matchRoute($path, self::ROUTES);

        if ($route === '/health') {
            $response = new Response(200, ['Content-Type' => 'application/json'], '{"status":"ok"}');
        } elseif ($route === '/users/:id') {
            $log->info('user fetched', ['user_ref' => 'redacted-in-real-life']);
            $response = new Response(200, ['Content-Type' => 'application/json'], '{"ok":true}');
        } else {
            $response = new Response(404, ['Content-Type' => 'application/json'], '{"error":"not found"}');
        }

        $this->metrics->increment('http_requests_total', ['method' => $method, 'route' => $route, 'status' => (string) $response->status]);
        $log->info('request completed', [
            'method' => $method,
            'route' => $route,
            'status' => $response->status,
            'duration_ms' => intdiv(hrtime(true) - $started, 1_000_000),
            // Chosen fields only, never all the headers (Authorization, Cookie...).
            'user_agent' => $server['HTTP_USER_AGENT'] ?? null,
        ]);
        return $response->withHeader('traceparent', $context->traceparent());
    }
}
