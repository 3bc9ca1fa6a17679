<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/SpyLock.php';

use Exercise\Cached;
use Exercise\FileLock;
use Exercise\Http\Response;
use Exercise\ProductController;
use Exercise\ProductRepository;
use Exercise\TtlCache;
use PHPUnit\Framework\TestCase;

final class ProductControllerTest extends TestCase
{
    private const SEED = [
        '1' => ['name' => ['en' => 'Kettle', 'fr' => 'Bouilloire'], 'priceCents' => 2999],
        '2' => ['name' => ['en' => 'Teapot', 'fr' => 'Théière'], 'priceCents' => 1999],
    ];

    private int $nowMs = 1_000_000;
    private string $lockDir;
    private ProductRepository $products;
    private ProductController $app;

    protected function setUp(): void
    {
        $this->lockDir = sys_get_temp_dir() . '/cache-locks-' . bin2hex(random_bytes(6));
        mkdir($this->lockDir);
        $this->app = $this->app(new ProductRepository(self::SEED));
    }

    protected function tearDown(): void
    {
        array_map('unlink', glob("{$this->lockDir}/*") ?: []);
        rmdir($this->lockDir);
    }

    private function app(ProductRepository $products, int $ttlMs = 60_000): ProductController
    {
        $this->products = $products;
        $store = new TtlCache(fn(): int => $this->nowMs);
        return new ProductController($products, $store, new Cached($store, new FileLock($this->lockDir, 1500)), $ttlMs);
    }

    public function get(string $id, array $headers = []): Response
    {
        return $this->app->getProduct($id, array_change_key_case($headers, CASE_LOWER));
    }

    private function put(string $id, array $product): Response
    {
        return $this->app->putProduct($id, ['content-type' => 'application/json'], json_encode($product, JSON_THROW_ON_ERROR));
    }

    public function testGetProductSendsJsonAnEtagAndPublicMaxAge60(): void
    {
        $res = $this->get('1');
        $this->assertSame(200, $res->status, 'GET /products/1 must return 200');
        $this->assertSame(['id' => '1', 'name' => 'Kettle', 'priceCents' => 2999], json_decode($res->body, true), 'the body must be the product in English by default');
        $this->assertMatchesRegularExpression('/^"[^"]+"$/', (string) $res->header('ETag'), 'send a strong ETag: a quoted hash of the body (use self::etagFor())');
        $this->assertSame(ProductController::etagFor($res->body), $res->header('ETag'), 'the ETag must be etagFor() of the exact body sent');
        $this->assertSame('public, max-age=60', $res->header('Cache-Control'), 'product pages may be cached by shared caches for 60 s');
    }

    public function testMatchingIfNoneMatchGets304WithAnEmptyBodyAndTheSameEtag(): void
    {
        $etag = (string) $this->get('1')->header('ETag');
        $res = $this->get('1', ['If-None-Match' => $etag]);
        $this->assertSame(304, $res->status, 'when If-None-Match contains the current ETag, answer 304 Not Modified');
        $this->assertSame('', $res->body, 'a 304 has no body');
        $this->assertSame($etag, $res->header('ETag'), 'a 304 must repeat the ETag');
        $this->assertSame('public, max-age=60', $res->header('Cache-Control'), 'a 304 must repeat Cache-Control so caches can refresh their copy');
        $this->assertMatchesRegularExpression('/accept-language/i', (string) $res->header('Vary'), 'a 304 must repeat Vary: Accept-Language, like the 200 it stands for');
        $this->assertSame(304, $this->get('1', ['If-None-Match' => "\"other\", W/{$etag}"])->status, 'If-None-Match is a list and uses weak comparison: W/"x" matches "x"');
        $this->assertSame(304, $this->get('1', ['If-None-Match' => '*'])->status, 'If-None-Match: * matches any current representation: answer 304');
        $this->assertSame(200, $this->get('1', ['If-None-Match' => '"not-the-current-etag"'])->status, 'an If-None-Match that does not match must get the full 200 response');
    }

    public function testIfNoneMatchMatchesComparesWholeEntityTagsFromAList(): void
    {
        $tag = '"' . bin2hex(random_bytes(5)) . '"';
        $this->assertTrue(ProductController::ifNoneMatchMatches($tag, $tag), 'an identical tag matches');
        $this->assertTrue(ProductController::ifNoneMatchMatches(" \"a\" ,W/{$tag} , \"b\"", $tag), 'split the list on commas, trim spaces, and compare weakly (W/ ignored)');
        $this->assertTrue(ProductController::ifNoneMatchMatches("W/{$tag}", "W/{$tag}"), 'two weak tags match under weak comparison');
        $this->assertFalse(ProductController::ifNoneMatchMatches('"a", "b"', $tag), 'a list without the current tag does not match');
        $this->assertFalse(ProductController::ifNoneMatchMatches('"x' . substr($tag, 1), $tag), 'compare whole tags, not substrings (str_contains() is wrong)');
        $this->assertFalse(ProductController::ifNoneMatchMatches(null, $tag), 'no If-None-Match header: no match');
        $this->assertFalse(ProductController::ifNoneMatchMatches('', $tag), 'an empty If-None-Match header: no match');
    }

    public function testRepeatedGetsAreServedFromTheApplicationCache(): void
    {
        $ttlMs = 10_000 + random_int(0, 40) * 1000;
        $this->app = $this->app(new ProductRepository(self::SEED), $ttlMs);
        $this->get('1');
        $this->get('1');
        $this->assertSame(1, $this->products->loads, 'the second GET must be a cache hit: load through $this->cached->get() with a TTL');
        $this->nowMs += $ttlMs - 1;
        $this->get('1');
        $this->assertSame(1, $this->products->loads, "with a ttlMs of {$ttlMs} the product must stay cached for {$ttlMs} ms: use the ttlMs option, not a fixed number");
        $this->nowMs += 1;
        $this->get('1');
        $this->assertSame(2, $this->products->loads, "after ttlMs ({$ttlMs} ms) the product must be loaded again: use the ttlMs option, not a fixed number");
    }

    public function testUnknownProductIsCachedBrieflyAndCreatingItWithPutClearsThat(): void
    {
        for ($i = 0; $i < 2; $i++) {
            $this->assertSame(404, $this->get('77')->status, 'a product that does not exist must give 404');
        }
        $this->assertSame(1, $this->products->loads, 'cache "not found" too (negative caching), or every request for a missing id reaches the database');
        $this->nowMs += ProductController::NOT_FOUND_TTL_MS;
        $this->get('77');
        $this->assertSame(2, $this->products->loads, 'a missing product is cached only for NOT_FOUND_TTL_MS (5 s): pass a TTL closure that is short for null');
        $this->get('77', ['Accept-Language' => 'fr']);

        $this->assertSame(204, $this->put('77', ['name' => ['en' => 'Mug', 'fr' => 'Tasse'], 'priceCents' => 899])->status, 'a successful PUT must answer 204 No Content');
        $created = $this->get('77', ['Accept-Language' => 'fr']);
        $this->assertSame(200, $created->status, 'after PUT creates the product, GET must find it: delete the cached "not found" entries too');
        $this->assertSame('Tasse', json_decode($created->body, true)['name'], 'after PUT, GET must return the new product');
    }

    public function testPutInvalidatesTheCachedProductSoGetReturnsNewDataAndANewEtag(): void
    {
        $oldEtag = $this->get('1')->header('ETag');
        $this->get('1', ['Accept-Language' => 'fr']); // both variants cached
        $put = $this->put('1', ['name' => ['en' => 'Steel kettle', 'fr' => 'Bouilloire en acier'], 'priceCents' => 3499]);
        $this->assertSame(204, $put->status, 'a successful PUT must answer 204 No Content');
        $this->assertSame('no-store', $put->header('Cache-Control'), 'the 204 of a PUT must say Cache-Control: no-store');
        $after = $this->get('1');
        $this->assertSame(['id' => '1', 'name' => 'Steel kettle', 'priceCents' => 3499], json_decode($after->body, true), 'after PUT, GET must return the new data: delete the cached entries on write');
        $this->assertNotSame($oldEtag, $after->header('ETag'), 'new content must have a new ETag');
        $fr = $this->get('1', ['Accept-Language' => 'fr']);
        $this->assertSame('Bouilloire en acier', json_decode($fr->body, true)['name'], "invalidate every language variant of the product (every key it is cached under), not only the writer's language");
        $this->assertSame(422, $this->app->putProduct('1', ['content-type' => 'application/json'], '{"name":"Kettle"}')->status, 'a body that is not a product must get 422');
    }

    public function testResponseThatVariesByAcceptLanguageSaysSoWithVary(): void
    {
        $en = $this->get('2', ['Accept-Language' => 'en-GB,en;q=0.9']);
        $fr = $this->get('2', ['Accept-Language' => 'fr-CH, fr;q=0.9, en;q=0.5']);
        $this->assertSame('Teapot', json_decode($en->body, true)['name'], 'English request must get the English name');
        $this->assertSame('Théière', json_decode($fr->body, true)['name'], 'French request must get the French name');
        $this->assertMatchesRegularExpression('/accept-language/i', (string) $fr->header('Vary'), 'send Vary: Accept-Language, or a shared cache will serve French to English users');
        $this->assertSame('fr', $fr->header('Content-Language'), 'say which language was chosen with Content-Language');
        $this->assertNotSame($en->header('ETag'), $fr->header('ETag'), 'each language variant has its own ETag: the cache key must include the language');
    }

    public function testTheCacheKeyUsesTheChosenLanguageNotTheRawHeader(): void
    {
        $headers = ['fr', 'fr-CH, fr;q=0.9, en;q=0.5', 'FR-fr', 'de, fr;q=0.8'];
        foreach ($headers as $header) {
            $this->assertSame('Bouilloire', json_decode($this->get('1', ['Accept-Language' => $header])->body, true)['name'] ?? null, "Accept-Language: {$header} chooses French");
        }
        $this->assertSame(1, $this->products->loads, 'four requests that all choose French are one variant: key the cache on the language pickLanguage() chose ("product:1:fr"), not on the raw Accept-Language header, which has countless spellings');
        $this->assertSame(204, $this->put('1', ['name' => ['en' => 'Kettle', 'fr' => 'Bouilloire neuve'], 'priceCents' => 2999])->status, 'a successful PUT must answer 204 No Content');
        foreach ($headers as $header) {
            $this->assertSame('Bouilloire neuve', json_decode($this->get('1', ['Accept-Language' => $header])->body, true)['name'] ?? null, "after PUT, Accept-Language: {$header} must see the new name: PUT deletes one key per language, so the GET keys must be exactly those");
        }
    }

    public function testUnknownProductsGet404EvenWithIfNoneMatchStar(): void
    {
        $this->assertSame(404, $this->get('999')->status, 'a product that does not exist must give 404');
        $this->assertSame(404, $this->get('998', ['If-None-Match' => '*'])->status, 'If-None-Match: * matches only when a current representation exists (RFC 9110 §13.1.2): a missing product is 404, never 304; check for "not found" before the validators');
    }

    public function testPutEvictsOnlyThatProductAndANameOnlyChangeGetsANewEtag(): void
    {
        $this->get('2');
        $oldEtag = (string) $this->get('1')->header('ETag');
        $loads = $this->products->loads;
        $this->assertSame(204, $this->put('1', ['name' => ['en' => 'Kettle II', 'fr' => 'Bouilloire II'], 'priceCents' => 2999])->status, 'a successful PUT must answer 204 No Content');
        $this->get('2');
        $this->assertSame($loads, $this->products->loads, 'PUT /products/1 must not evict /products/2: delete the keys of the changed product, not the whole cache');
        $after = $this->get('1', ['If-None-Match' => $oldEtag]);
        $this->assertSame(200, $after->status, 'the old ETag no longer matches after the name changed: the ETag must be a hash of the bytes sent (etagFor($body)), not of the id, language or price');
        $this->assertSame('Kettle II', json_decode($after->body, true)['name'], 'after PUT, GET must return the new name');
    }

    public function testPutInvalidatesAfterTheWriteSoAReadDuringASlowSaveDoesNotRecacheOldData(): void
    {
        $test = $this;
        // A repository whose save() lets another request read the product before the row is written.
        $products = new class (self::SEED) extends ProductRepository {
            public ?\Closure $duringSave = null;

            public function save(string $id, array $product): void
            {
                if ($this->duringSave !== null) {
                    ($this->duringSave)();
                }
                parent::save($id, $product);
            }
        };
        $this->app = $this->app($products);
        $this->get('1'); // cached
        $products->duringSave = function () use ($test): void {
            $test->get('1'); // the row is not written yet: old data is fine here
        };
        $this->assertSame(204, $this->put('1', ['name' => ['en' => 'Copper kettle', 'fr' => 'Bouilloire en cuivre'], 'priceCents' => 4100])->status, 'a successful PUT must answer 204 No Content');
        $products->duringSave = null;
        $this->assertSame('Copper kettle', json_decode($this->get('1')->body, true)['name'], 'a GET during the save loaded the old row and cached it again: delete the cached variants AFTER $this->products->save() has returned, not before');
    }

    public function testGetMeIsPersonalAndMustNeverBeStoredByASharedCache(): void
    {
        $res = $this->app->getMe();
        $this->assertSame(200, $res->status, 'GET /me must return 200');
        $this->assertSame(['name' => 'Ada', 'email' => 'ada@example.com'], json_decode($res->body, true), 'GET /me returns the signed-in user');
        $cc = strtolower((string) $res->header('Cache-Control'));
        $this->assertStringNotContainsString('public', $cc, '/me must never carry "public"');
        $this->assertStringContainsString('private', $cc, '/me must say "private" so shared caches never keep it');
        $this->assertStringContainsString('no-store', $cc, '/me must say "no-store" so no cache stores personal data');
    }
}
