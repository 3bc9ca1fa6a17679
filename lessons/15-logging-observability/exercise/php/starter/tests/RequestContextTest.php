<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/LogTestCase.php';

use Exercise\Tests\Support\LogTestCase;
use Exercise\App;
use Exercise\Http\Response;
use Exercise\Metrics;
use Exercise\RequestContext;

final class RequestContextTest extends LogTestCase
{
    private const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
    private const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    private function request(array $server = []): Response
    {
        $app = new App($this->logger(), new Metrics());
        return $app->handle($server + ['REQUEST_METHOD' => 'GET', 'REQUEST_URI' => '/health']);
    }

    /** @return list<string> the four fields of the response's traceparent */
    private static function fields(Response $res): array
    {
        return explode('-', (string) $res->header('traceparent'));
    }

    public function testParseTraceparentAcceptsValidHeadersAndRejectsInvalidOnes(): void
    {
        $this->assertSame(['traceId' => self::TRACE, 'parentId' => '00f067aa0ba902b7', 'flags' => '01'], RequestContext::parseTraceparent(self::VALID), 'split a valid header into traceId, parentId and flags');
        $invalid = [
            null, '', 'garbage',
            '00-' . strtoupper(self::TRACE) . '-00f067aa0ba902b7-01',
            '00-' . str_repeat('0', 32) . '-00f067aa0ba902b7-01',
            '00-' . self::TRACE . '-' . str_repeat('0', 16) . '-01',
            '00-' . substr(self::TRACE, 1) . '-00f067aa0ba902b7-01',
            'ff-' . self::TRACE . '-00f067aa0ba902b7-01',
            self::VALID . "\n",
            self::VALID . '-extra',
        ];
        foreach ($invalid as $header) {
            $this->assertNull(RequestContext::parseTraceparent($header), 'parseTraceparent(' . json_encode($header) . ') must return null: accept only version 00, lowercase hex of the exact lengths, non-zero ids, and nothing after the flags (anchor with \z: $ also matches before a final newline)');
        }
        $trace = bin2hex(random_bytes(16));
        $parent = bin2hex(random_bytes(8));
        $this->assertSame(['traceId' => $trace, 'parentId' => $parent, 'flags' => '00'], RequestContext::parseTraceparent("00-{$trace}-{$parent}-00"), 'parse the fields out of the header you were given, whatever their values');
    }

    public function testValidIncomingTraceIdIsKeptAndEchoedInTraceparent(): void
    {
        $res = $this->request(['HTTP_TRACEPARENT' => self::VALID]);
        $this->assertMatchesRegularExpression('/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/', (string) $res->header('traceparent'), 'traceparent() must be 00-<traceId>-<spanId>-<flags>');
        $this->assertSame(self::TRACE, self::fields($res)[1], 'keep the trace-id of a valid incoming traceparent');
        $this->assertNotSame('00f067aa0ba902b7', self::fields($res)[2], 'use a NEW span-id for this server, not the caller\'s parent-id');
        $this->assertSame(self::TRACE, $this->records()[0]['trace_id'] ?? null, 'the request\'s log lines carry its trace_id');
    }

    public function testTheCallersSamplingFlagsArePassedOn(): void
    {
        $trace = bin2hex(random_bytes(16));
        $res = $this->request(['HTTP_TRACEPARENT' => "00-{$trace}-00f067aa0ba902b7-00"]);
        $this->assertSame('00', self::fields($res)[3] ?? null, 'echo the incoming flags (here 00, "not sampled"); use 01 only for a trace you start');
        $this->assertSame($trace, self::fields($res)[1] ?? null, 'keep the trace-id of a valid incoming traceparent');
    }

    public function testMissingOrInvalidTraceparentStartsANewTrace(): void
    {
        $fresh = $this->request();
        $replaced = $this->request(['HTTP_TRACEPARENT' => '00-' . str_repeat('0', 32) . '-00f067aa0ba902b7-01']);
        foreach ([$fresh, $replaced] as $res) {
            $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', self::fields($res)[1] ?? '', 'generate a new 32-hex-digit trace-id');
            $this->assertNotSame(str_repeat('0', 32), self::fields($res)[1], 'never reuse an invalid trace-id');
        }
        $this->assertNotSame(self::fields($fresh)[1], self::fields($replaced)[1], 'each new trace needs its own random id');
        $broken = $this->request(['HTTP_TRACEPARENT' => '00-' . str_repeat('0', 32) . '-00f067aa0ba902b7-zz']);
        $this->assertMatchesRegularExpression('/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/', (string) $broken->header('traceparent'), 'an invalid traceparent is ignored as a whole: start a new trace with your own flags (01), do not copy any of its fields');
    }

    public function testEveryRequestGetsItsOwnSpanIdEvenWithinOneTrace(): void
    {
        $trace = bin2hex(random_bytes(16));
        $spans = [];
        foreach ([['HTTP_TRACEPARENT' => "00-{$trace}-00f067aa0ba902b7-01"], ['HTTP_TRACEPARENT' => "00-{$trace}-00f067aa0ba902b7-01"], []] as $server) {
            $span = self::fields($this->request($server))[2] ?? '';
            $this->assertMatchesRegularExpression('/^[0-9a-f]{16}$/', $span, 'the span-id is 16 lowercase hex digits');
            $this->assertNotSame(str_repeat('0', 16), $span, 'an all-zero span-id is invalid');
            $spans[] = $span;
        }
        $this->assertCount(3, array_unique($spans), 'each request is a new span: generate a random span-id (bin2hex(random_bytes(8))) per request, not a constant or one derived from the trace-id');
    }
}
