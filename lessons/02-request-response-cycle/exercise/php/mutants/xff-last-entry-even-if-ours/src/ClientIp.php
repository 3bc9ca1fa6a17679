<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * Sets the "client_ip" attribute: reference solution.
 */
final class ClientIp implements MiddlewareInterface
{
    /** @param list<string> $trustedProxies the addresses of the proxies you operate */
    public function __construct(private readonly array $trustedProxies)
    {
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        $peer = $request->getServerParams()['REMOTE_ADDR'] ?? '';
        $ip = $peer;
        if (in_array($peer, $this->trustedProxies, true)) {
            // getHeaderLine() joins repeated X-Forwarded-For lines with ", ": one split covers both.
            $hops = array_values(array_filter(
                array_map('trim', explode(',', $request->getHeaderLine('X-Forwarded-For'))),
                static fn (string $hop): bool => $hop !== '',
            ));
            // From the right, drop what our own proxies added; further left the client wrote it.
            $ip = $hops === [] ? $peer : $hops[count($hops) - 1];
        }
        // PSR-7 requests are immutable: hand on the NEW request that withAttribute() returns.
        return $handler->handle($request->withAttribute('client_ip', $ip));
    }
}
