<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/LogTestCase.php';

use Exercise\Tests\Support\LogTestCase;
use Exercise\RequestContext;

final class LoggerTest extends LogTestCase
{
    public function testEachCallWritesOneJsonLineWithTimeLevelAndMsg(): void
    {
        $log = $this->logger();
        $log->info('order created', ['order_id' => 'o-1']);
        $log->error('payment failed', ['attempt' => 2]);
        $lines = $this->lines();
        $this->assertCount(2, $lines, 'write exactly one line per log call, ending with "\n"');
        foreach ($lines as $line) {
            $this->assertIsArray(json_decode($line, true), "every line must be valid JSON: {$line}");
        }
        [$first, $second] = $this->records();
        $this->assertSame('2026-11-02T10:00:00.000Z', $first['time'] ?? null, "time must be now() converted to UTC, formatted 'Y-m-d\\TH:i:s.v\\Z' (the fixed clock says 11:00 in Paris, which is 10:00 UTC)");
        $this->assertSame('info', $first['level'] ?? null, 'level must be the level name, e.g. "info"');
        $this->assertSame('order created', $first['msg'] ?? null, 'msg must hold the message');
        $this->assertSame('o-1', $first['order_id'] ?? null, 'context fields must be top-level JSON fields');
        $this->assertSame('error', $second['level'] ?? null, 'error() writes level "error"');
        $this->assertSame(2, $second['attempt'] ?? null, 'keep the type of each field: 2 stays a number');
    }

    public function testTimeKeepsTheMillisecondsOfAnyClockAndIsConvertedToUtc(): void
    {
        $cases = [
            ['2026-12-31 23:59:59.987', 'America/New_York', '2027-01-01T04:59:59.987Z'],
            ['2026-03-01 00:00:00.004', 'Asia/Tokyo', '2026-02-28T15:00:00.004Z'],
            ['2026-07-15 12:30:45.500', 'UTC', '2026-07-15T12:30:45.500Z'],
        ];
        foreach ($cases as [$local, $zone, $utc]) {
            $log = new \Exercise\Logger($this->stream, now: static fn(): \DateTimeImmutable => new \DateTimeImmutable($local, new \DateTimeZone($zone)));
            $log->info('tick');
            $records = $this->records();
            $this->assertSame($utc, end($records)['time'] ?? null, "now() = {$local} in {$zone} must be logged as {$utc}: convert to UTC (setTimezone) and format the real milliseconds with 'Y-m-d\\TH:i:s.v\\Z'");
        }
    }

    public function testJsonSerializableObjectsAreRedactedToo(): void
    {
        $credentials = new class ('ada', 'js-secret-9') implements \JsonSerializable {
            public function __construct(private readonly string $user, private readonly string $password)
            {
            }

            public function jsonSerialize(): array
            {
                return ['user' => $this->user, 'Password' => $this->password, 'meta' => ['cookie' => 'sid=js-secret-10']];
            }
        };
        $this->logger()->info('login', ['credentials' => $credentials]);
        $this->assertStringNotContainsString('js-secret', $this->text(), 'a JsonSerializable object is logged as what jsonSerialize() returns: redact that (call jsonSerialize() and redact the result), or its password reaches the log');
        [$record] = $this->records();
        $this->assertSame('ada', $record['credentials']['user'] ?? null, 'keep the other members of a JsonSerializable object');
        $this->assertSame('[REDACTED]', $record['credentials']['Password'] ?? null, 'a redacted member of a JsonSerializable object becomes "[REDACTED]"');
    }

    public function testLevelsBelowTheConfiguredMinimumAreDropped(): void
    {
        $log = $this->logger('info');
        $log->debug('cache miss', ['key' => 'k']);
        $this->assertCount(0, $this->lines(), 'at level info, debug messages must be suppressed');
        $log->warning('slow query');
        $this->assertCount(1, $this->lines(), 'warning is above info and must be written');
        $this->logger('debug')->debug('cache miss');
        $this->assertCount(2, $this->lines(), 'at level debug, debug messages are written');
        $this->logger('error')->warning('ignored');
        $this->assertCount(2, $this->lines(), 'at level error, warning is dropped');
    }

    public function testPasswordAuthorizationAndCookieAreRedactedAtAnyDepth(): void
    {
        $user = new \stdClass();
        $user->email_hash = 'ab12';
        $user->password = 'hunter3';
        $this->logger()->info('login attempt', [
            'password' => 'hunter2',
            'user' => $user,
            'headers' => ['Authorization' => 'Bearer tok-123', 'COOKIE' => 'sid=s-456', 'user-agent' => 'curl/8'],
            'attempts' => [['password' => 'hunter4'], ['Password' => 'hunter5']],
        ]);
        foreach (['hunter2', 'hunter3', 'hunter4', 'hunter5', 'tok-123', 's-456'] as $secret) {
            $this->assertStringNotContainsString($secret, $this->text(), "\"{$secret}\" leaked into the log: redact matching keys at every depth (arrays, lists and objects), case-insensitively");
        }
        [$record] = $this->records();
        $this->assertSame('[REDACTED]', $record['password'], 'replace redacted values with the string "[REDACTED]"');
        $this->assertSame('[REDACTED]', $record['headers']['Authorization'], 'match key names case-insensitively (Authorization)');
        $this->assertSame('curl/8', $record['headers']['user-agent'], 'keep fields that are not redacted');
        $this->assertSame('ab12', $record['user']['email_hash'] ?? null, 'keep the rest of nested objects');
        $this->assertSame('hunter3', $user->password, 'redact a copy: the caller\'s object must be unchanged after logging');
    }

    public function testTheRedactOptionReplacesTheDefaultListWherever(): void
    {
        $key = 'k-' . bin2hex(random_bytes(4));
        $this->logger(redact: ['apiKey', 'session_id'])->info('partner call', [
            'ApiKey' => $key,
            'partner' => ['name' => 'acme', 'credentials' => ['apikey' => $key, 'region' => 'eu']],
            'calls' => [['SESSION_ID' => 's-1'], ['session_id' => 's-2', 'ok' => true]],
            'password_hint' => 'kept',
            'password' => 'not-in-this-list',
        ]);
        $text = $this->text();
        foreach ([$key, 's-1', 's-2'] as $secret) {
            $this->assertStringNotContainsString($secret, $text, 'hide every key in the redact option, at any depth and in any letter case; do not hard-code password/authorization/cookie');
        }
        [$record] = $this->records();
        $this->assertSame('eu', $record['partner']['credentials']['region'], 'keep the fields next to a redacted one');
        $this->assertTrue($record['calls'][1]['ok'], 'keep the other fields of arrays inside lists');
        $this->assertSame('kept', $record['password_hint'], 'match whole key names only: password_hint is not password');
        $this->assertSame('not-in-this-list', $record['password'], 'the redact option REPLACES the default list');
    }

    public function testRedactionHidesAnyValueNotOnlyPlainStrings(): void
    {
        $this->logger(redact: ['password', 'pin', 'authorization'])->info('tricky values', [
            'password' => 'he said "hi" then q-secret-1',
            'pin' => 482913,
            'authorization' => ['scheme' => 'Bearer', 'token' => 'q-secret-2'],
            'note' => 'kept',
        ]);
        foreach (['q-secret-1', '482913', 'q-secret-2'] as $secret) {
            $this->assertStringNotContainsString($secret, $this->text(), "\"{$secret}\" leaked: redact by key on the array before json_encode, whatever the value is (a string with quotes, a number, an array); a regex over the JSON text misses these");
        }
        [$record] = $this->records();
        $this->assertSame(['[REDACTED]', '[REDACTED]', '[REDACTED]', 'kept'], [$record['password'], $record['pin'], $record['authorization'], $record['note']], 'the whole value of a redacted key becomes "[REDACTED]"');
    }

    public function testBindingsAreRedactedTooAndAChildOfAChildKeepsEverything(): void
    {
        $root = $this->logger(bindings: ['service' => 'api', 'authorization' => 'Bearer b-secret']);
        $grandchild = $root->child(['component' => 'auth'])->child(['cookie' => 'sid=c-secret', 'step' => 'verify']);
        $grandchild->info('checked');
        $this->assertStringNotContainsString('b-secret', $this->text(), 'redact the bindings as well as the fields: a secret bound once would appear on every line');
        $this->assertStringNotContainsString('c-secret', $this->text(), 'redact the bindings of every child as well');
        [$record] = $this->records();
        $this->assertSame(['api', 'auth', 'verify'], [$record['service'] ?? null, $record['component'] ?? null, $record['step'] ?? null], 'child()->child() must keep the bindings of every ancestor');
    }

    public function testLoggingDoesNotChangeTheCallersData(): void
    {
        $fields = ['user' => ['id' => 7, 'password' => 'hunter2']];
        $this->logger()->info('signup', $fields);
        $this->assertSame('hunter2', $fields['user']['password'], 'redact a copy: the caller still needs its own data after logging');
    }

    public function testMessageWithALineBreakOrBadUtf8StaysOneValidLine(): void
    {
        $log = $this->logger();
        $log->warning("login failed for admin\n{\"level\":\"info\",\"msg\":\"forged entry\"}", ['username' => "x\ny"]);
        $this->assertCount(1, $this->lines(), 'CR/LF in user input must not start a new log line (CWE-117): let json_encode escape it');
        $this->assertSame('warning', $this->records()[0]['level'], 'the forged entry must stay inside msg');
        $log->warning("bad bytes \xff\xfe from a client", ['username' => "ad\xc3min"]);
        $this->assertCount(2, $this->lines(), 'a message with invalid UTF-8 must still write exactly one line: json_encode() fails on it unless you pass JSON_INVALID_UTF8_SUBSTITUTE');
        $this->assertStringStartsWith('bad bytes ', (string) ($this->records()[1]['msg'] ?? ''), 'keep the rest of the message: substitute the invalid bytes, do not drop the event');
    }

    public function testChildKeepsTheParentsLevelRedactListAndBindings(): void
    {
        $this->logger(bindings: ['service' => 'orders'])->child(['component' => 'billing'])->info('invoice sent');
        [$record] = $this->records();
        $this->assertSame('orders', $record['service'] ?? null, 'keep the parent bindings');
        $this->assertSame('billing', $record['component'] ?? null, 'add the child bindings');
        $this->assertSame('2026-11-02T10:00:00.000Z', $record['time'] ?? null, 'a child keeps the parent\'s clock');

        $child = $this->logger('warning', ['pin'])->child(['component' => 'atm']);
        $child->info('balance shown');
        $child->warning('card retained', ['pin' => '1234']);
        $this->assertCount(2, $this->lines(), 'a child keeps the parent\'s level (warning drops info): pass all the options on, not just the bindings');
        $this->assertStringNotContainsString('1234', $this->text(), 'a child keeps the parent\'s redact list');
    }

    public function testForRequestAddsThatRequestsTraceIdToEveryLine(): void
    {
        $logger = $this->logger(bindings: ['service' => 'orders']);
        $first = $logger->forRequest(RequestContext::fromServer(['HTTP_TRACEPARENT' => '00-' . str_repeat('a', 31) . '1-00f067aa0ba902b7-01']));
        $second = $logger->forRequest(RequestContext::fromServer(['HTTP_TRACEPARENT' => '00-' . str_repeat('b', 31) . '2-00f067aa0ba902b7-01']));
        $first->info('one');
        $second->info('two');
        $first->child(['step' => 'later'])->info('three');
        $logger->info('outside any request');
        [$one, $two, $three, $outside] = $this->records();
        $this->assertSame(str_repeat('a', 31) . '1', $one['trace_id'] ?? null, 'a logger from forRequest() writes ITS request\'s trace_id, even after another request\'s logger was made: keep the context in the logger object, not in a static property or global');
        $this->assertSame(str_repeat('b', 31) . '2', $two['trace_id'] ?? null, 'each request logger writes its own trace_id');
        $this->assertSame($one['trace_id'] ?? null, $three['trace_id'] ?? null, 'a child of a request logger keeps the request\'s trace_id');
        $this->assertMatchesRegularExpression('/^[0-9a-f]{16}$/', (string) ($one['span_id'] ?? ''), 'add span_id next to trace_id');
        $this->assertArrayNotHasKey('trace_id', $outside, 'a logger that was not made for a request writes no trace_id');
        $this->assertSame('orders', $two['service'] ?? null, 'forRequest() keeps the bindings');
    }
}
