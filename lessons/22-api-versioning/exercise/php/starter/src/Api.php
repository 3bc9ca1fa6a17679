<?php

declare(strict_types=1);

namespace Exercise;

use Closure;

/**
 * Serves /v1 and /v2 from ONE domain service.
 *
 *   GET /v1/users/{id} -> {"id", "name"}                  + Deprecation, Sunset and Link headers
 *   GET /v2/users/{id} -> {"id", "firstName", "lastName"} (no Deprecation header)
 *   unknown version    -> 404 problem+json listing the supported versions
 *   v1 after sunset    -> 410 problem+json whose "type" is MIGRATION_DOCS
 *   v1 during a brownout window (before the sunset) -> the same 410; v2 is never browned out
 *
 * Both versions get their data from $users->getUser($id). For every request to a known
 * version call $onUsage(['version' => ..., 'client' => ..., 'status' => ...]), where client
 * is the X-Client-Id request header (or 'anonymous') and status the status code you answer.
 */
final class Api
{
    public const MIGRATION_DOCS = 'https://example.test/docs/v2-migration';
    public const V1_DEPRECATED_AT = '2026-01-01T00:00:00+00:00';
    public const V1_SUNSET_AT = '2027-06-30T23:59:59+00:00';

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
    }

    public function handle(Request $request): Response
    {
        throw new \LogicException('Not implemented yet: Api::handle() in src/Api.php');
    }
}
