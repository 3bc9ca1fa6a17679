<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Token format: "<kid>.<payload>.<signature>", where
 *   payload   = base64url(json_encode($data))
 *   signature = base64url(HMAC-SHA256 of "<kid>.<payload>" with the key's secret, raw bytes)
 * base64url is base64 with '+' → '-', '/' → '_' and no '=' padding.
 */
final class Tokens
{
    public function __construct(private readonly Config $config)
    {
    }

    /** Sign with the FIRST (newest) key of the configuration. */
    public function sign(array $data): string
    {
        throw new \LogicException('Not implemented yet: Tokens::sign() in src/Tokens.php');
    }

    /**
     * Accept a token signed by the listed key its kid names. Return the decoded data, or
     * null when the token is malformed, the kid is not listed, the signature does not match
     * (compare with hash_equals()), or the payload is not a JSON object. Never throw.
     */
    public function verify(string $token): ?array
    {
        throw new \LogicException('Not implemented yet: Tokens::verify() in src/Tokens.php');
    }
}
