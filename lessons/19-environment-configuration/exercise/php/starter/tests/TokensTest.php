<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Config;
use Exercise\Tokens;
use PHPUnit\Framework\TestCase;

final class TokensTest extends TestCase
{
    private static function tokens(string $signingKeys): Tokens
    {
        return new Tokens(Config::fromEnvironment(['APP_ENV' => 'staging', 'DATABASE_URL' => 'postgres://localhost/app', 'SIGNING_KEYS' => $signingKeys]));
    }

    private static function base64url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }

    /** verify() must answer null for a bad token, never throw: a failure here is an assertion, not a crash. */
    private function verifyNoThrow(Tokens $tokens, string $token, string $why): ?array
    {
        try {
            return $tokens->verify($token);
        } catch (\Throwable $e) {
            $this->fail('verify() threw ' . get_class($e) . ' for ' . json_encode($token) . ": {$why}");
        }
    }

    public function testSignUsesTheNewestKeyAndVerifyReturnsTheData(): void
    {
        $tokens = self::tokens('k2:secret-two,k1:secret-one');
        $token = $tokens->sign(['sub' => 'user-42']);
        $this->assertSame('k2', explode('.', $token)[0], 'sign with the FIRST key in SIGNING_KEYS and put its kid in front');
        $this->assertSame(['sub' => 'user-42'], $tokens->verify($token), 'verify() must return the signed data');
        $payload = explode('.', $token)[1];
        $this->assertSame(self::base64url('{"sub":"user-42"}'), $payload, 'the payload is base64url(json_encode($data)): strtr(base64_encode(...), "+/", "-_") without "=" padding');
        $expected = self::base64url(hash_hmac('sha256', "k2.{$payload}", 'secret-two', true));
        $this->assertSame($expected, explode('.', $token)[2], 'the signature is base64url of the raw HMAC-SHA256 (hash_hmac(..., true)) of "<kid>.<payload>" with the newest secret');
    }

    public function testEveryPayloadSurvivesTheRoundTripIncludingDashAndUnderscore(): void
    {
        $tokens = self::tokens('k2:secret-two,k1:secret-one');
        $random = new \Random\Randomizer(new \Random\Engine\Mt19937(19));
        $alphabet = ['?', '>', '~', '}', 'ÿ', 'é', '✓', 'a', 'Z', '9', ' ', '/'];
        $payloadChars = '';
        for ($i = 0; $i < 40; $i++) {
            $text = '';
            for ($j = $random->getInt(1, 12); $j > 0; $j--) {
                $text .= $alphabet[$random->getInt(0, count($alphabet) - 1)];
            }
            $data = ['sub' => $text, 'n' => $random->getInt(0, 1 << 30)];
            $token = $tokens->sign($data);
            $payloadChars .= explode('.', $token)[1];
            $this->assertSame($data, $this->verifyNoThrow($tokens, $token, 'a token from sign() is valid'), 'verify(sign($data)) must give back $data for ' . json_encode($data, JSON_UNESCAPED_UNICODE) . ': decode base64url by turning "-" and "_" back into "+" and "/" first (strtr($payload, "-_", "+/")), then base64_decode(..., true)');
        }
        $this->assertTrue(str_contains($payloadChars, '-') && str_contains($payloadChars, '_'), 'the test data must produce payloads with "-" and "_" (base64url)');
    }

    public function testRotationKeepsOldTokensWorkingWhileTheirKeyIsListed(): void
    {
        $oldToken = self::tokens('k1:secret-one')->sign(['sub' => 'user-42']);

        $during = self::tokens('k2:secret-two,k1:secret-one');
        $this->assertSame(['sub' => 'user-42'], $during->verify($oldToken), 'during the overlap window a k1 token must still verify: look up the key the kid names among ALL listed keys');
        $this->assertSame('k2', explode('.', $during->sign(['sub' => 'x']))[0], 'new tokens are signed with k2 as soon as it is first');

        $after = self::tokens('k2:secret-two');
        $this->assertNull($after->verify($oldToken), 'once k1 is removed, its tokens must be rejected (return null)');
    }

    public function testTamperedForgedAndMalformedTokensAreRejected(): void
    {
        $tokens = self::tokens('k2:secret-two,k1:secret-one');
        [$kid, , $sig] = explode('.', $tokens->sign(['sub' => 'user-42']));
        $forged = self::base64url('{"sub":"admin"}');
        $this->assertNull($this->verifyNoThrow($tokens, "{$kid}.{$forged}.{$sig}", 'compare signatures with hash_equals()'), 'a changed payload must fail the signature check');
        $this->assertNull($this->verifyNoThrow($tokens, "k9.{$forged}.{$sig}", 'an unknown kid is not an error'), 'an unknown kid must be rejected');
        $this->assertNull($this->verifyNoThrow($tokens, self::tokens('k2:attacker-secret')->sign(['sub' => 'admin']), 'a wrong signature is not an error'), 'a token signed with another secret must be rejected');
        foreach (['', 'a.b', 'a.b.c.d', "{$kid}.{$forged}.short", "{$kid}..{$sig}", '..'] as $bad) {
            $this->assertNull($this->verifyNoThrow($tokens, $bad, 'check the shape first and return null'), 'verify(' . json_encode($bad) . ') must return null');
        }
    }

    public function testSignedPayloadThatIsNotAJsonObjectIsRejected(): void
    {
        $tokens = self::tokens('k7:secret-seven');
        $notObjects = ['not json {', '42', '"a string"', 'null', 'true', '1.5', '[]', '[1,2]', '["sub","admin"]', '[{"sub":"admin"}]', ' [ ] '];
        foreach ($notObjects as $json) {
            $payload = self::base64url($json);
            $signature = self::base64url(hash_hmac('sha256', "k7.{$payload}", 'secret-seven', true));
            $result = $this->verifyNoThrow($tokens, "k7.{$payload}.{$signature}", 'decode with JSON_THROW_ON_ERROR inside try/catch and return null');
            $this->assertNull($result, 'verify() must return null when the signed payload is not a JSON object (' . json_encode($json) . '): catch JsonException, and remember that json_decode(..., true) turns a JSON list into a PHP array too, so is_array() alone is not enough (decode with false and check instanceof \\stdClass)');
        }
    }

    public function testEveryJsonObjectIsAcceptedEvenOnesThatLookLikeLists(): void
    {
        $tokens = self::tokens('k7:secret-seven');
        $objects = [
            '{}' => [],
            '{"0":"a","1":"b"}' => ['a', 'b'],
            ' {"sub":"x"} ' => ['sub' => 'x'],
            "\n{\"roles\":[\"admin\",\"dev\"]}" => ['roles' => ['admin', 'dev']],
            '{"list":[],"map":{}}' => ['list' => [], 'map' => []],
        ];
        foreach ($objects as $json => $data) {
            $payload = self::base64url((string) $json);
            $signature = self::base64url(hash_hmac('sha256', "k7.{$payload}", 'secret-seven', true));
            $this->assertSame($data, $this->verifyNoThrow($tokens, "k7.{$payload}.{$signature}", 'a signed JSON object is valid'),
                'verify() must accept the signed JSON object ' . json_encode((string) $json) . ' and return it as an array: check that the payload is an object '
                . '(json_decode(..., false) instanceof \\stdClass), not that the array has string keys or that the text starts with "{"');
        }
        foreach (['{}' => [], '{"0":"a","1":"b"}' => ['a', 'b'], '{"x":[1,2]}' => ['x' => [1, 2]]] as $json => $data) {
            $token = $tokens->sign($data);
            $this->assertSame($json, base64_decode(strtr(explode('.', $token)[1], '-_', '+/'), true),
                'sign(' . var_export($data, true) . ') must sign the JSON object ' . $json . ': json_encode((object) $data) makes the top level an object '
                . 'and leaves lists inside as lists (JSON_FORCE_OBJECT would turn them into objects too)');
            $this->assertSame($data, $this->verifyNoThrow($tokens, $token, 'a token from sign() is valid'), 'verify(sign(' . json_encode($data) . ')) must give the data back');
        }
    }

    public function testEveryListedKeyVerifiesItsOwnTokensAndOnlyThose(): void
    {
        $kids = ['blue', 'green', 'red', 'amber'];
        $all = self::tokens(implode(',', array_map(static fn(string $kid) => "{$kid}:{$kid}-secret", $kids)));
        foreach ($kids as $i => $kid) {
            $token = self::tokens("{$kid}:{$kid}-secret")->sign(['sub' => $kid]);
            $this->assertSame($kid, explode('.', $token)[0], 'sign() must put the kid of the first key in front of the token');
            $this->assertSame(['sub' => $kid], $all->verify($token), "a token signed with {$kid} must verify while {$kid} is listed, wherever it is in the list");
            $other = $kids[($i + 1) % count($kids)];
            $relabelled = $other . substr($token, strlen($kid));
            $this->assertNull($this->verifyNoThrow($all, $relabelled, 'a relabelled token is just invalid'), 'a token whose kid was changed must be rejected: use the key the kid names, and sign the kid too');
        }
    }

    public function testSignUsesTheWholeSecretColonsIncluded(): void
    {
        $secret = 'c2VjcmV0:with:colons+/==';
        $token = self::tokens("k3:{$secret},k1:secret-one")->sign(['sub' => 'user-7']);
        [$kid, $payload, $signature] = explode('.', $token);
        $this->assertSame(self::base64url(hash_hmac('sha256', "{$kid}.{$payload}", $secret, true)), $signature, 'sign() must use the whole secret, colons included: split each SIGNING_KEYS entry at its first colon only');
    }
}
