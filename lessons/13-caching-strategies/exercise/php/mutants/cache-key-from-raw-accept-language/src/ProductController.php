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

    /** GET /products/{id}. $headers are the request headers, names in lower case. */
    public function getProduct(string $id, array $headers = []): Response
    {
        $lang = self::pickLanguage($headers['accept-language'] ?? null);
        // The key holds every input that changes the representation: id and language.
        $entry = $this->cached->get(
            "product:{$id}:" . ($headers["accept-language"] ?? "en"),
            fn(?array $entry): int => $entry === null ? self::NOT_FOUND_TTL_MS : $this->ttlMs,
            function () use ($id, $lang): ?array {
                $product = $this->products->find($id);
                if ($product === null) {
                    return null;
                }
                $body = json_encode(['id' => $id, 'name' => $product['name'][$lang], 'priceCents' => $product['priceCents']], JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE);
                return ['body' => $body, 'etag' => self::etagFor($body)];
            },
        );
        if ($entry === null) {
            return self::json(404, ['error' => 'Not Found'], ['Cache-Control' => 'no-store']);
        }
        $cacheHeaders = ['Cache-Control' => 'public, max-age=60', 'ETag' => $entry['etag'], 'Vary' => 'Accept-Language'];
        if (self::ifNoneMatchMatches($headers['if-none-match'] ?? null, $entry['etag'])) {
            return new Response(304, $cacheHeaders);
        }
        return new Response(200, $cacheHeaders + ['Content-Type' => 'application/json', 'Content-Language' => $lang], $entry['body']);
    }

    /** PUT /products/{id} with a JSON body. */
    public function putProduct(string $id, array $headers, string $body): Response
    {
        $product = self::parseProduct($body);
        if ($product === null) {
            return self::json(422, ['error' => 'Expected {"name":{"en":string,"fr":string},"priceCents":integer>=0}'], ['Cache-Control' => 'no-store']);
        }
        $this->products->save($id, $product);
        // Delete-on-write, after the write: drop every cached variant of this product.
        foreach (self::LANGUAGES as $lang) {
            $this->store->delete("product:{$id}:{$lang}");
        }
        return new Response(204, ['Cache-Control' => 'no-store']);
    }

    /** GET /me: personal data. */
    public function getMe(): Response
    {
        // No shared cache may keep it, and the browser should not store it either.
        return self::json(200, ['name' => 'Ada', 'email' => 'ada@example.com'], ['Cache-Control' => 'private, no-store']);
    }

    /** If-None-Match is "*" or a list of entity tags, compared weakly (W/"x" equals "x"). */
    public static function ifNoneMatchMatches(?string $header, string $etag): bool
    {
        if ($header === null || trim($header) === '') {
            return false;
        }
        if (trim($header) === '*') {
            return true;
        }
        $opaque = static fn(string $tag): string => (string) preg_replace('~^W/~', '', trim($tag));
        foreach (explode(',', $header) as $candidate) {
            if ($opaque($candidate) === $opaque($etag)) {
                return true;
            }
        }
        return false;
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
