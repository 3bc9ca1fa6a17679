<?php

declare(strict_types=1);

namespace Exercise;

final class Tokens
{
    public function __construct(private readonly Config $config)
    {
    }

    /** Sign with the newest (first) key. */
    public function sign(array $data): string
    {
        $key = $this->config->signingKeys[0];
        // (object): empty or list-like data is still signed as a JSON object, which verify() accepts.
        $payload = self::base64url(json_encode($data, JSON_THROW_ON_ERROR));
        return "{$key->kid}.{$payload}." . self::mac($key, "{$key->kid}.{$payload}");
    }

    /** Accept the listed key the kid names; return the data, or null when the token is not valid. */
    public function verify(string $token): ?array
    {
        $parts = explode('.', $token);
        if (count($parts) !== 3) {
            return null;
        }
        [$kid, $payload, $signature] = $parts;

        $key = null;
        foreach ($this->config->signingKeys as $candidate) {
            if ($candidate->kid === $kid) {
                $key = $candidate;
            }
        }
        if ($key === null) {
            return null; // retired or unknown key
        }
        if (!hash_equals(self::mac($key, "{$kid}.{$payload}"), $signature)) {
            return null;
        }
        $json = base64_decode(strtr($payload, '-_', '+/'), true);
        try {
            // Decode as objects first: only a JSON object is token data (a list decodes to an array too).
            if (!json_decode((string) $json, false, 64, JSON_THROW_ON_ERROR) instanceof \stdClass) {
                return null;
            }
            return json_decode((string) $json, true, 64, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            return null;
        }
    }

    private static function mac(SigningKey $key, string $text): string
    {
        return self::base64url(hash_hmac('sha256', $text, $key->secret->reveal(), true));
    }

    private static function base64url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }
}
