<?php

declare(strict_types=1);

namespace Exercise;

/**
 * An incoming request, already parsed. In a real app a front controller builds it
 * from $_SERVER, $_GET, $_POST and $_SESSION; the tests build it directly.
 */
final class Request
{
    /**
     * @param array<string, mixed> $query   the query string, like $_GET
     * @param array<string, mixed> $form    the form body, like $_POST
     * @param array<string, mixed> $session the session, like $_SESSION ('user_id', 'csrf_token')
     */
    public function __construct(
        public readonly string $method,
        public readonly string $path,
        public readonly array $query = [],
        public readonly array $form = [],
        public readonly array $session = [],
    ) {
    }
}
