<?php

declare(strict_types=1);

namespace Exercise\Tests;

use DateTimeImmutable;
use DateTimeZone;
use Exercise\Api;
use Exercise\Brownout;
use Exercise\Clock;
use Exercise\Request;
use Exercise\Response;
use Exercise\User;
use Exercise\UserService;
use PHPUnit\Framework\TestCase;

final class ApiTest extends TestCase
{
    private const BEFORE_SUNSET = '2026-11-06T12:00:00+00:00';
    private const AFTER_SUNSET = '2027-07-01T00:00:00+00:00';
    private const IMF_FIXDATE = '/\A(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT\z/';

    private string $timezone;
    /** The test clock: tests move it with travelTo(). */
    private DateTimeImmutable $now;
    /** @var list<string> the ids the domain core was asked for */
    private array $calls = [];

    protected function setUp(): void
    {
        // A server whose default time zone is not UTC: an HTTP-date must still be in GMT.
        $this->timezone = date_default_timezone_get();
        date_default_timezone_set('Europe/Berlin');
        $this->now = new DateTimeImmutable(self::BEFORE_SUNSET);
        $this->calls = [];
    }

    protected function tearDown(): void
    {
        date_default_timezone_set($this->timezone);
    }

    private function travelTo(string|DateTimeImmutable $at): void
    {
        $this->now = is_string($at) ? new DateTimeImmutable($at) : $at;
    }

    /**
     * The domain objects carry fields no version may expose (email, passwordHash): adapters pick
     * the fields of their contract instead of passing the domain object through.
     *
     * @param array<string, array{string, string}> $people id => [first name, last name]
     * @param list<Brownout> $brownouts
     */
    private function api(array $people = ['1' => ['Ada', 'Lovelace']], array $brownouts = [], ?\Closure $onUsage = null): Api
    {
        $test = $this;
        $users = new class ($people, $this->calls) implements UserService {
            /** @param array<string, array{string, string}> $people @param list<string> $calls */
            public function __construct(private readonly array $people, private array &$calls)
            {
            }

            public function getUser(string $id): ?User
            {
                $this->calls[] = $id;
                if (!array_key_exists($id, $this->people)) {
                    return null;
                }
                [$first, $last] = $this->people[$id];
                return new User((string) $id, $first, $last, strtolower($first) . '@example.test', '$2y$12$secret');
            }
        };
        $clock = new class ($test) implements Clock {
            public function __construct(private readonly ApiTest $test)
            {
            }

            public function now(): DateTimeImmutable
            {
                return $this->test->clockNow();
            }
        };
        return new Api($users, $clock, $brownouts, $onUsage);
    }

    /** Read by the injected clock. */
    public function clockNow(): DateTimeImmutable
    {
        return $this->now;
    }

    /** @param array<string, string> $headers */
    private function get(Api $api, string $target, array $headers = [], string $method = 'GET'): Response
    {
        return $api->handle(new Request($method, $target, $headers));
    }

    /** @return array<string, mixed> */
    private function json(Response $response, string $what): array
    {
        $data = json_decode($response->body, true);
        $this->assertIsArray($data, "$what must have a JSON object as its body, got: " . substr($response->body, 0, 200));
        return $data;
    }

    public function testBothVersionsReturnTheirOwnShapeFromOneGetUserService(): void
    {
        $api = $this->api();
        $v1 = $this->get($api, '/v1/users/1');
        $this->assertSame(200, $v1->status, 'GET /v1/users/1 must answer 200 before the sunset.');
        $this->assertSame('application/json', $v1->header('Content-Type'), 'A v1 user is sent as application/json.');
        $this->assertSame(['id' => '1', 'name' => 'Ada Lovelace'], $this->json($v1, 'GET /v1/users/1'), 'v1 must return exactly {"id", "name"}.');
        $v2 = $this->get($api, '/v2/users/1');
        $this->assertSame(200, $v2->status, 'GET /v2/users/1 must answer 200.');
        $this->assertSame(['id' => '1', 'firstName' => 'Ada', 'lastName' => 'Lovelace'], $this->json($v2, 'GET /v2/users/1'), 'v2 must return exactly {"id", "firstName", "lastName"}.');
        $this->assertSame(['1', '1'], $this->calls, 'Both versions must load the user through the one injected $users->getUser($id), once per request (no copy-pasted data access).');
    }

    public function testEachVersionAdaptsWhateverUserTheCoreReturnsAndExposesOnlyItsContract(): void
    {
        mt_srand(22); // seeded: the "random" people are the same on every run
        $firsts = ['Grace', 'Alan', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Zoë'];
        $lasts = ['Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', "O'Neil"];
        $people = [];
        for ($i = 0; $i < 6; $i++) {
            $people[(string) mt_rand(100, 999)] = [$firsts[mt_rand(0, 7)], $lasts[mt_rand(0, 7)]];
        }
        $api = $this->api($people);
        foreach ($people as $id => [$first, $last]) {
            $id = (string) $id;
            $v1 = $this->get($api, "/v1/users/$id");
            $this->assertSame(200, $v1->status, "GET /v1/users/$id must answer 200: load the user with \$users->getUser() using the id from the path.");
            $this->assertSame(['id' => $id, 'name' => "$first $last"], $this->json($v1, "GET /v1/users/$id"), "v1 must return exactly {\"id\", \"name\"} for user $id, with name = firstName . ' ' . lastName of the User getUser() returned, nothing else (no email, no passwordHash).");
            $v2 = $this->get($api, "/v2/users/$id?fields=all");
            $this->assertSame(200, $v2->status, "GET /v2/users/$id?fields=all must answer 200: route on \$request->path(), which leaves out the query string (\$request->target still has it).");
            $this->assertSame(['id' => $id, 'firstName' => $first, 'lastName' => $last], $this->json($v2, "GET /v2/users/$id?fields=all"), "v2 must return exactly {\"id\", \"firstName\", \"lastName\"} for user $id: pick the contract's fields, never pass the whole User (it holds email and passwordHash).");
        }
    }

    public function testV1AnnouncesItsDeprecationAndSunsetWithTheStandardHeaders(): void
    {
        $response = $this->get($this->api(), '/v1/users/1');
        $deprecation = (string) $response->header('Deprecation');
        $this->assertMatchesRegularExpression('/\A@\d+\z/', $deprecation, 'Deprecation must be an RFC 9745 Structured Field Date such as @1767225600 (not "true", not a date string).');
        $this->assertSame('@1767225600', $deprecation, "Deprecation must be '@' . SECONDS since the epoch for 2026-01-01T00:00:00Z: '@' . (new DateTimeImmutable(Api::V1_DEPRECATED_AT))->getTimestamp().");
        $sunset = (string) $response->header('Sunset');
        $this->assertMatchesRegularExpression(self::IMF_FIXDATE, $sunset, 'Sunset must be an HTTP-date (IMF-fixdate), e.g. Wed, 30 Jun 2027 23:59:59 GMT.');
        $this->assertSame('Wed, 30 Jun 2027 23:59:59 GMT', $sunset, "Sunset must be Api::V1_SUNSET_AT in UTC, formatted 'D, d M Y H:i:s \\G\\M\\T'. This server's default time zone is Europe/Berlin: convert to UTC first (setTimezone(new DateTimeZone('UTC'))), or the hour is wrong.");
        $this->assertGreaterThan((int) substr($deprecation, 1), strtotime($sunset), 'The Sunset date must be later than the Deprecation date.');
        $link = (string) $response->header('Link');
        $this->assertStringContainsString('<' . Api::MIGRATION_DOCS . '>', $link, 'v1 must send Link: <' . Api::MIGRATION_DOCS . '>; rel="deprecation".');
        $this->assertMatchesRegularExpression('/rel="?deprecation"?/', $link, 'The Link to the migration guide must carry rel="deprecation".');
    }

    public function testV2IsNotDeprecated(): void
    {
        $response = $this->get($this->api(), '/v2/users/1');
        $this->assertSame(200, $response->status, 'GET /v2/users/1 must answer 200.');
        $this->assertNull($response->header('Deprecation'), 'v2 must not send a Deprecation header.');
        $this->assertNull($response->header('Sunset'), 'v2 must not send a Sunset header.');
    }

    public function testAnUnknownVersionAnswers404ProblemListingTheSupportedVersions(): void
    {
        $response = $this->get($this->api(), '/v9/users/1');
        $this->assertSame(404, $response->status, '/v9/users/1 must answer 404.');
        $this->assertStringStartsWith('application/problem+json', (string) $response->header('Content-Type'), 'The 404 must be application/problem+json.');
        $this->assertStringContainsString('v1', $response->body, 'The 404 problem must list the supported versions (v1 and v2).');
        $this->assertStringContainsString('v2', $response->body, 'The 404 problem must list the supported versions (v1 and v2).');
        $this->assertSame(404, $this->json($response, 'The 404 problem')['status'] ?? null, 'A problem details body repeats the HTTP status in "status" (RFC 9457): 404 here.');
        $this->assertSame([], $this->calls, 'An unknown version must not reach $users->getUser().');
    }

    public function testAnUnknownUserAnswers404ProblemInBothVersions(): void
    {
        $api = $this->api();
        foreach (['v1', 'v2'] as $v) {
            $response = $this->get($api, "/$v/users/404");
            $this->assertSame(404, $response->status, "/$v/users/404 must answer 404.");
            $this->assertStringStartsWith('application/problem+json', (string) $response->header('Content-Type'), "/$v/users/404 must be application/problem+json.");
            $this->assertSame(404, $this->json($response, "/$v/users/404")['status'] ?? null, "/$v: the problem body must contain \"status\": 404.");
            $this->assertSame($v === 'v1', $response->header('Deprecation') !== null, "/$v/users/404: every v1 response, errors included, carries Deprecation (and v2 none): set the lifecycle headers for the version, not only on 200.");
        }
    }

    public function testPathSegmentsThatAreNotVersionsAnswer404(): void
    {
        $api = $this->api();
        foreach (['/V1/users/1', '/v1.0/users/1', '/version1/users/1', '/users/1', '/1/users/1', '/v/users/1'] as $path) {
            $this->assertSame(404, $this->get($api, $path)->status, "$path must answer 404: a version is exactly 'v' and digits, looked up as it is written in your version table (\"V1\" is not \"v1\").");
        }
        $this->assertSame([], $this->calls, 'A path whose version is unknown must not reach $users->getUser().');
    }

    public function testOnlyVersionUsersIdIsAUserOtherShapesAnswer404(): void
    {
        $api = $this->api();
        foreach (['/v1/users/1/orders', '/v2/accounts/1', '/v1/users/', '/v01/users/1', '/v2/users/1/', '/api/v1/users/1'] as $path) {
            $this->assertSame(404, $this->get($api, $path)->status, "$path must answer 404: match the whole path (exactly /<version>/users/<id>, e.g. one preg_match with \\A and \\z), and look the version name up as it is written (\"v01\" is not \"v1\").");
        }
        $this->assertSame([], $this->calls, 'A path that is not /<version>/users/<id> must not reach $users->getUser().');
    }

    public function testHeadOnV1AnswersLikeGetWithoutABody(): void
    {
        $response = $this->get($this->api(), '/v1/users/1', [], 'HEAD');
        $this->assertSame(200, $response->status, 'HEAD /v1/users/1 must answer 200 like GET.');
        $this->assertSame('@1767225600', $response->header('Deprecation'), 'HEAD responses carry the same Deprecation header as GET.');
        $this->assertSame('', $response->body, 'A HEAD response has no body.');
    }

    public function testHeadOnErrorsAnswersLikeGetWithoutABody(): void
    {
        $api = $this->api(['7' => ['Grace', 'Hopper']]);
        $compare = function (string $path, string $when) use ($api): void {
            $get = $this->get($api, $path);
            $head = $this->get($api, $path, [], 'HEAD');
            $this->assertSame($get->status, $head->status, "HEAD $path $when must answer the status GET answers ({$get->status}).");
            foreach (['Content-Type', 'Deprecation', 'Sunset', 'Link'] as $name) {
                $this->assertSame($get->header($name), $head->header($name), "HEAD $path $when must send the same $name header as GET.");
            }
            $this->assertSame('', $head->body, "HEAD $path $when answered {$head->status} with a body: a HEAD response never has one, errors included (empty the body where every response leaves handle()).");
        };
        foreach (['/v1/users/404', '/v2/users/404', '/v9/users/7', '/v1/users/7/orders', '/v2/users/7?x=1'] as $path) {
            $compare($path, 'before the sunset');
        }
        $window = new DateTimeImmutable('2027-05-04T10:00:00+00:00');
        $browned = $this->api(['7' => ['Grace', 'Hopper']], [new Brownout($window, $window->modify('+1 hour'))]);
        $this->travelTo($window->modify('+1 minute'));
        $get = $this->get($browned, '/v1/users/7');
        $head = $this->get($browned, '/v1/users/7', [], 'HEAD');
        $this->assertSame([410, ''], [$head->status, $head->body], 'HEAD /v1/users/7 in a brownout must answer 410 like GET, with an empty body.');
        $this->assertSame($get->header('Sunset'), $head->header('Sunset'), 'HEAD in a brownout sends the headers GET sends.');
        $this->travelTo(self::AFTER_SUNSET);
        $compare('/v1/users/7', 'after the sunset');
    }

    public function testAfterTheSunsetV1Answers410GonePointingAtTheMigrationDocs(): void
    {
        $api = $this->api();
        $this->travelTo(self::AFTER_SUNSET);
        $response = $this->get($api, '/v1/users/1');
        $this->assertSame(410, $response->status, "After the Sunset date v1 must answer 410 Gone: compare the injected \$clock->now() with the sunset (not new DateTimeImmutable() or time()).");
        $this->assertStringStartsWith('application/problem+json', (string) $response->header('Content-Type'), 'The 410 must be application/problem+json.');
        $body = $this->json($response, 'The 410');
        $this->assertSame(Api::MIGRATION_DOCS, $body['type'] ?? null, 'The 410 problem "type" must point at the migration docs (Api::MIGRATION_DOCS).');
        $this->assertSame(410, $body['status'] ?? null, 'A problem details body repeats the HTTP status in "status" (RFC 9457): 410 here.');
        $this->assertSame(200, $this->get($api, '/v2/users/1')->status, 'v2 must keep working after v1 is sunset.');
    }

    public function testTheSunsetIsAMomentOneSecondBeforeV1WorksOneSecondAfterItIsGone(): void
    {
        $api = $this->api();
        // A second clock, in another time zone: instants compare the same whatever the zone.
        $sunset = new DateTimeImmutable('2027-07-01 01:59:59', new DateTimeZone('Europe/Berlin'));
        $this->travelTo($sunset->modify('-1 second'));
        $this->assertSame(200, $this->get($api, '/v1/users/1')->status, 'One second before the Sunset date v1 must still answer 200.');
        $this->travelTo($sunset);
        $this->assertSame(200, $this->get($api, '/v1/users/1')->status, 'At the Sunset instant itself v1 still answers 200: it is gone only after it (now > sunset).');
        $this->travelTo($sunset->modify('+1 second'));
        $this->assertSame(410, $this->get($api, '/v1/users/1')->status, 'One second after the Sunset date v1 must answer 410: compare $clock->now() with the sunset instant.');
    }

    public function testBrownoutsFailV1OnlyInsideTheAnnouncedWindows(): void
    {
        $first = new DateTimeImmutable('2027-05-04T10:00:00+00:00');  // Tue 4 May 2027, for one hour
        $second = new DateTimeImmutable('2027-05-11T00:00:00+00:00'); // Tue 11 May 2027, for a whole day
        $api = $this->api(brownouts: [
            new Brownout($first, $first->modify('+1 hour')),
            new Brownout($second, $second->modify('+1 day')),
        ]);
        $expectations = [
            [$first->modify('-1 millisecond'), 200, 'just before the first window'],
            [$first, 410, 'at the start of the first window'],
            [$first->modify('+1 hour -1 millisecond'), 410, 'at the last millisecond of the first window'],
            [$first->modify('+1 hour'), 200, 'once the first window has ended (start <= now < end)'],
            [$second->modify('+12 hours'), 410, 'in the middle of the second window'],
            [$second->modify('+25 hours'), 200, 'after the second window'],
        ];
        foreach ($expectations as [$at, $status, $when]) {
            $this->travelTo($at);
            $response = $this->get($api, '/v1/users/1');
            $this->assertSame($status, $response->status, "v1 $when must answer $status: check every Brownout window with the injected clock (start <= now < end).");
            if ($status === 410) {
                $this->assertSame(Api::MIGRATION_DOCS, $this->json($response, 'A brownout 410')['type'] ?? null, 'A brownout 410 is a problem+json whose type is the migration guide, like the final one.');
                $this->assertSame('@1767225600', $response->header('Deprecation'), 'A brownout 410 is still a v1 response before the sunset: send Deprecation on it too, so the client learns why it failed.');
                $this->assertSame('Wed, 30 Jun 2027 23:59:59 GMT', $response->header('Sunset'), 'A brownout 410 must carry the Sunset header: it tells the client when v1 stops for good.');
                $this->assertMatchesRegularExpression('/rel="deprecation"/', (string) $response->header('Link'), 'A brownout 410 must carry the Link to the migration guide (rel="deprecation").');
            }
            $this->assertSame(200, $this->get($api, '/v2/users/1')->status, "v2 is not deprecated, so brownouts never touch it ($when).");
        }
    }

    public function testUsageTelemetryRecordsEveryCallToAKnownVersionFailuresIncluded(): void
    {
        $events = [];
        $window = new DateTimeImmutable('2027-05-04T10:00:00+00:00');
        $api = $this->api(
            brownouts: [new Brownout($window, $window->modify('+1 hour'))],
            onUsage: static function (array $event) use (&$events): void {
                $events[] = $event;
            },
        );
        $this->get($api, '/v1/users/1', ['X-Client-Id' => 'billing']);
        $this->get($api, '/v2/users/1', ['x-client-id' => 'billing']);
        $this->get($api, '/v1/users/404', ['X-Client-ID' => 'reports']);
        $this->get($api, '/v1/users/1');
        $this->get($api, '/v9/users/1', ['X-Client-Id' => 'billing']);
        $this->get($api, '/v1/users/1/orders', ['X-Client-Id' => 'billing']);
        $this->travelTo($window->modify('+1 second'));
        $this->get($api, '/v1/users/1', ['X-Client-Id' => 'legacy-crm']);
        $this->travelTo(self::AFTER_SUNSET);
        $this->get($api, '/v1/users/1', ['X-Client-Id' => 'legacy-crm']);
        $picked = array_map(static fn (array $e): array => ['version' => $e['version'] ?? null, 'client' => $e['client'] ?? null, 'status' => $e['status'] ?? null], $events);
        $this->assertSame([
            ['version' => 'v1', 'client' => 'billing', 'status' => 200],
            ['version' => 'v2', 'client' => 'billing', 'status' => 200],
            ['version' => 'v1', 'client' => 'reports', 'status' => 404],
            ['version' => 'v1', 'client' => 'anonymous', 'status' => 200],
            ['version' => 'v1', 'client' => 'legacy-crm', 'status' => 410],
            ['version' => 'v1', 'client' => 'legacy-crm', 'status' => 410],
        ], $picked, "Call \$onUsage(['version' => ..., 'client' => ..., 'status' => ...]) once for every request to a known version: client is the X-Client-Id header (any case) or 'anonymous', status the int you answer, and the 410s count too, because they show who still has to migrate.");
    }
}
