<?php

declare(strict_types=1);

namespace Exercise;

/**
 * The part of a server-side session that AuthService needs.
 *
 * In production this wraps PHP's native session (session_regenerate_id(),
 * $_SESSION, session_destroy() and an expired cookie). The tests use a fake
 * that records every call, because command-line PHPUnit has no cookies.
 */
interface SessionStore
{
    /** Issue a new session ID and keep the data (like session_regenerate_id()). */
    public function regenerate(): void;

    public function set(string $key, mixed $value): void;

    public function get(string $key): mixed;

    /** Forget all data and end the session (logout). */
    public function clear(): void;
}
