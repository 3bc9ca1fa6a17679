<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * Sets the request attribute "client_ip" for the inner layers. X-Forwarded-For is read only
 * when the TCP peer (REMOTE_ADDR) is one of $trustedProxies; see README.md.
 */
final class ClientIp implements MiddlewareInterface
{
    /** @param list<string> $trustedProxies the addresses of the proxies you operate */
    public function __construct(private readonly array $trustedProxies)
    {
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        throw new \LogicException('Not implemented yet: ClientIp::process() in src/ClientIp.php');
    }
}
