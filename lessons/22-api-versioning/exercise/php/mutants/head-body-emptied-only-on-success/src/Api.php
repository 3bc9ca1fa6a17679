<?php

declare(strict_types=1);

namespace Exercise;

use Closure;
use DateTimeImmutable;
use DateTimeZone;

/**
 * Serves /v1 and /v2 from ONE domain service through one small representer per version.
 */
final class Api
{
    public const MIGRATION_DOCS = 'https://example.test/docs/v2-migration';
    public const V1_DEPRECATED_AT = '2026-01-01T00:00:00+00:00';
    public const V1_SUNSET_AT = '2027-06-30T23:59:59+00:00';

    /**
     * The version table: the only place where the versions differ. Adding v3 means adding an entry.
     *
     * @var array<string, array{represent: Closure(User): array<string, string>, deprecatedAt: ?DateTimeImmutable, sunsetAt: ?DateTimeImmutable}>
     */
    private readonly array $versions;

    /**
     * @param list<Brownout> $brownouts windows before the sunset in which v1 answers 410
     * @param (Closure(array{version: string, client: string, status: int}): void)|null $onUsage
     */
    public function __construct(
        private readonly UserService $users,
        private readonly Clock $clock,
        private readonly array $brownouts = [],
        private readonly ?Closure $onUsage = null,
    ) {
        $this->versions = [
            'v1' => [
                'represent' => static fn (User $u): array => ['id' => $u->id, 'name' => "{$u->firstName} {$u->lastName}"],
                'deprecatedAt' => new DateTimeImmutable(self::V1_DEPRECATED_AT),
                'sunsetAt' => new DateTimeImmutable(self::V1_SUNSET_AT),
            ],
            'v2' => [
                'represent' => static fn (User $u): array => ['id' => $u->id, 'firstName' => $u->firstName, 'lastName' => $u->lastName],
                'deprecatedAt' => null,
                'sunsetAt' => null,
            ],
        ];
    }

    public function handle(Request $request): Response
    {
        $response = $this->route($request);
        // HEAD gets the status and header fields of GET, without content.
        return $request->method === "HEAD" && $response->status === 200 ? $response->withBody("") : $response;
    }

    private function route(Request $request): Response
    {
        if (preg_match('~\A/(v\d+)/users/([^/]+)\z~', $request->path(), $match) !== 1) {
            return $this->problem(404, ['title' => 'Not Found']);
        }
        [, $name, $id] = $match;
        $version = $this->versions[$name] ?? null;
        if ($version === null) {
            $supported = array_keys($this->versions);
            return $this->problem(404, [
                'title' => 'Unknown API version',
                'detail' => 'Supported versions: ' . implode(', ', $supported) . '.',
                'supportedVersions' => $supported,
            ]);
        }
        if ($request->method !== 'GET' && $request->method !== 'HEAD') {
            return $this->problem(405, ['title' => 'Method Not Allowed'], ['Allow' => 'GET, HEAD']);
        }

        $headers = $this->lifecycleHeaders($version['deprecatedAt'], $version['sunsetAt']);
        // Telemetry: who still calls which version, also when the call fails. Retirement needs it.
        $record = function (int $status) use ($name, $request): void {
            if ($this->onUsage !== null) {
                ($this->onUsage)(['version' => $name, 'client' => $request->header('X-Client-Id') ?? 'anonymous', 'status' => $status]);
            }
        };
        $latest = array_key_last($this->versions);
        $now = $this->clock->now();

        if ($version['sunsetAt'] !== null && $now > $version['sunsetAt']) {
            $record(410);
            return $this->problem(410, [
                'type' => self::MIGRATION_DOCS,
                'title' => "API $name has been retired",
                'detail' => "Use $latest instead; see the migration guide.",
            ], ['Link' => $headers['Link']]);
        }
        // A brownout: an announced window in which the deprecated version fails on purpose.
        if ($version['sunsetAt'] !== null && $this->inBrownout($now)) {
            $record(410);
            return $this->problem(410, [
                'type' => self::MIGRATION_DOCS,
                'title' => "API $name is in a scheduled brownout",
                'detail' => "$name stops for good on {$headers['Sunset']}; move to $latest now.",
            ], $headers);
        }

        $user = $this->users->getUser($id); // the one domain core, shared by every version
        if ($user === null) {
            $record(404);
            return $this->problem(404, ['title' => 'Not Found', 'detail' => 'No user with this id.'], $headers);
        }
        $record(200);
        return Response::json(($version['represent'])($user), 200, $headers);
    }

    private function inBrownout(DateTimeImmutable $now): bool
    {
        foreach ($this->brownouts as $window) {
            if ($now >= $window->start && $now < $window->end) {
                return true;
            }
        }
        return false;
    }

    /** @return array<string, string> */
    private function lifecycleHeaders(?DateTimeImmutable $deprecatedAt, ?DateTimeImmutable $sunsetAt): array
    {
        if ($deprecatedAt === null || $sunsetAt === null) {
            return [];
        }
        $utc = $sunsetAt->setTimezone(new DateTimeZone('UTC')); // an HTTP-date is always in GMT
        return [
            'Deprecation' => '@' . $deprecatedAt->getTimestamp(), // RFC 9745: Structured Field Date
            'Sunset' => $utc->format('D, d M Y H:i:s \G\M\T'),     // RFC 8594: IMF-fixdate
            'Link' => '<' . self::MIGRATION_DOCS . '>; rel="deprecation", <' . self::MIGRATION_DOCS . '>; rel="sunset"',
        ];
    }

    /**
     * @param array<string, mixed> $fields
     * @param array<string, string> $headers
     */
    private function problem(int $status, array $fields, array $headers = []): Response
    {
        return Response::json(array_merge(['type' => 'about:blank', 'status' => $status], $fields), $status, $headers, 'application/problem+json');
    }
}
