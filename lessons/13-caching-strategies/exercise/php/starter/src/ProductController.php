<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Response;

final class ProductController
{
    public const LANGUAGES = ['en', 'fr'];
    public const NOT_FOUND_TTL_MS = 5_000;

    public function __construct(
        private readonly ProductRepository $products,
        private readonly Store $store,
        private readonly Cached $cached,
        private readonly int $ttlMs = 60_000,
    ) {
    }

    /**
     * GET /products/{id}. $headers are the request headers, names in lower case.
     *
     * - load through $this->cached->get() with a key that includes the id AND the language
     *   (self::pickLanguage()); cache the body and its ETag (self::etagFor($body)) for
     *   $this->ttlMs, and a "not found" (null) for only self::NOT_FOUND_TTL_MS (a TTL closure);
     * - unknown product: 404 (check this before the validators);
     * - send Cache-Control: public, max-age=60, ETag, Vary: Accept-Language, Content-Type and
     *   Content-Language;
     * - when If-None-Match matches: 304 with no body, and the same ETag, Cache-Control and Vary.
     */
    public function getProduct(string $id, array $headers = []): Response
    {
        throw new \LogicException('Not implemented yet: ProductController::getProduct()');
    }

    /**
     * PUT /products/{id}: self::parseProduct($body) (null -> 422), save it, then delete every
     * cached variant of this product (delete-on-write, AFTER the save), and answer 204 with
     * Cache-Control: no-store.
     */
    public function putProduct(string $id, array $headers, string $body): Response
    {
        throw new \LogicException('Not implemented yet: ProductController::putProduct()');
    }

    /**
     * GET /me: 200 with JSON {"name":"Ada","email":"ada@example.com"} and a Cache-Control value
     * that keeps every cache (shared or private) from storing it.
     */
    public function getMe(): Response
    {
        throw new \LogicException('Not implemented yet: ProductController::getMe()');
    }

    /**
     * True when an If-None-Match header matches the current ETag. The header is "*" or a
     * comma-separated list of entity tags; If-None-Match uses weak comparison, so W/"x" and
     * "x" are the same tag here. No header: no match.
     */
    public static function ifNoneMatchMatches(?string $header, string $etag): bool
    {
        throw new \LogicException('Not implemented yet: ProductController::ifNoneMatchMatches()');
    }

    /** A strong validator: a hash of the exact bytes sent. */
    public static function etagFor(string $body): string
    {
        return '"' . substr(rtrim(strtr(base64_encode(hash('sha256', $body, true)), '+/', '-_'), '='), 0, 27) . '"';
    }

    /** Pick "en" or "fr" from Accept-Language, honouring q-values. Defaults to "en". */
    public static function pickLanguage(?string $header): string
    {
        $best = 'en';
        $bestQ = 0.0;
        foreach (explode(',', strtolower($header ?? '')) as $part) {
            $params = array_map('trim', explode(';', $part));
            $lang = explode('-', array_shift($params))[0];
            $q = 1.0;
            foreach ($params as $param) {
                if (str_starts_with($param, 'q=')) {
                    $q = (float) substr($param, 2);
                }
            }
            if (in_array($lang, self::LANGUAGES, true) && $q > $bestQ) {
                [$best, $bestQ] = [$lang, $q];
            }
        }
        return $best;
    }

    /** Parse and check a PUT body; null when it is not {"name":{"en":..,"fr":..},"priceCents":int>=0}. */
    public static function parseProduct(string $json): ?array
    {
        try {
            $input = json_decode($json, true, 8, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            return null;
        }
        $ok = is_array($input) && is_string($input['name']['en'] ?? null) && is_string($input['name']['fr'] ?? null)
            && is_int($input['priceCents'] ?? null) && $input['priceCents'] >= 0;
        return $ok ? ['name' => ['en' => $input['name']['en'], 'fr' => $input['name']['fr']], 'priceCents' => $input['priceCents']] : null;
    }

    private static function json(int $status, array $data, array $headers = []): Response
    {
        return new Response($status, ['Content-Type' => 'application/json'] + $headers, json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE));
    }
}
