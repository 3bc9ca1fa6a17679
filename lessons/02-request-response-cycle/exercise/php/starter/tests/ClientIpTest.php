<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\ClientIp;
use Exercise\Http\ServerRequest;
use Exercise\Pipeline;
use Exercise\Tests\Support\Layers;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Support/Layers.php';

final class ClientIpTest extends TestCase
{
    /** @param list<string> $trusted @param string|list<string>|null $xff */
    private static function ipOf(array $trusted, string $peer, string|array|null $xff): mixed
    {
        $pipeline = new Pipeline([new ClientIp($trusted)], Layers::echo());
        $headers = $xff === null ? [] : ['X-Forwarded-For' => $xff];
        $response = $pipeline->handle(new ServerRequest('GET', '/', $headers, '', ['REMOTE_ADDR' => $peer]));
        return json_decode($response->getBody(), true)['ip'] ?? null;
    }

    public function testClientIpTrustsXForwardedForOnlyFromOurOwnProxiesReadFromTheRight(): void
    {
        $visitor = '198.51.100.' . random_int(1, 250);
        $spoofed = '203.0.113.' . random_int(1, 250);
        $peer = '192.0.2.' . random_int(1, 250);
        $lb = '10.0.' . random_int(1, 250) . '.5';
        $innerProxy = '10.0.0.7';

        $this->assertSame($peer, self::ipOf(['10.0.0.5', $lb], $peer, $visitor), 'When the TCP peer (REMOTE_ADDR) is not a trusted proxy, it is the client: ignore X-Forwarded-For, which anyone can send.');
        $trusted = [$lb, $innerProxy];
        $this->assertSame($lb, self::ipOf($trusted, $lb, null), 'With no X-Forwarded-For, the client is the TCP peer.');
        $this->assertSame($visitor, self::ipOf($trusted, $lb, $visitor), 'Behind a trusted proxy, the last X-Forwarded-For entry is the client.');
        $this->assertSame($visitor, self::ipOf($trusted, $lb, "$spoofed, $visitor"), 'Read X-Forwarded-For from the right: entries further left were written by the client and can be forged.');
        $this->assertSame($visitor, self::ipOf($trusted, $lb, "$spoofed,$visitor, $innerProxy"), 'Skip the entries your own proxies added (from the right), then take the first one that is not yours.');
        $this->assertSame($visitor, self::ipOf($trusted, $lb, [$spoofed, $visitor]), 'A request may carry X-Forwarded-For twice: read every line ($request->getHeaderLine() joins them with ", "), and the rightmost untrusted entry still wins.');
        $this->assertSame($lb, self::ipOf($trusted, $lb, "$innerProxy, $lb"), 'When every entry is one of your proxies, the client is the TCP peer.');
    }

    public function testTheAttributeReachesTheInnerLayersOnTheNewRequest(): void
    {
        $this->assertSame('192.0.2.44', self::ipOf([], '192.0.2.44', null), 'ClientIp must hand $request->withAttribute(\'client_ip\', $ip) to $handler->handle(): withAttribute() returns a NEW request (PSR-7 requests are immutable), so calling it without using the result changes nothing.');
    }

    public function testOneClientIpServesManyVisitorsInALongLivedWorker(): void
    {
        // In a long-lived worker one middleware object serves every request: nothing about one
        // visitor may stick to it (no static or property cache of the first answer).
        $middleware = new ClientIp(['10.0.0.5']);
        $pipeline = new Pipeline([$middleware], Layers::echo());
        foreach (['198.51.100.1', '198.51.100.2', '203.0.113.77'] as $visitor) {
            $response = $pipeline->handle(new ServerRequest('GET', '/', ['X-Forwarded-For' => $visitor], '', ['REMOTE_ADDR' => '10.0.0.5']));
            $this->assertSame($visitor, json_decode($response->getBody(), true)['ip'] ?? null, "Visitor $visitor got another visitor's IP: compute the client IP for every request, and keep nothing about one request in a static or a property.");
        }
        $fresh = new Pipeline([new ClientIp(['10.0.0.5'])], Layers::echo());
        $response = $fresh->handle(new ServerRequest('GET', '/', [], '', ['REMOTE_ADDR' => '192.0.2.9']));
        $this->assertSame('192.0.2.9', json_decode($response->getBody(), true)['ip'] ?? null, 'A new ClientIp object must not see what an earlier one computed (no static cache).');
    }
}
