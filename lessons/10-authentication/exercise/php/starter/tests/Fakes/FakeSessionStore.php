<?php

declare(strict_types=1);

namespace Exercise\Tests\Fakes;

use Exercise\SessionStore;

/** Records every call, in order, so tests can check what happened to the session. */
final class FakeSessionStore implements SessionStore
{
    /** @var list<string> for example ['regenerate', 'set user_id', 'set auth_time'] */
    public array $calls = [];

    /** @var array<string, mixed> */
    public array $data = [];

    public function regenerate(): void
    {
        $this->calls[] = 'regenerate';
    }

    public function set(string $key, mixed $value): void
    {
        $this->calls[] = 'set ' . $key;
        $this->data[$key] = $value;
    }

    public function get(string $key): mixed
    {
        return $this->data[$key] ?? null;
    }

    public function clear(): void
    {
        $this->calls[] = 'clear';
        $this->data = [];
    }
}
