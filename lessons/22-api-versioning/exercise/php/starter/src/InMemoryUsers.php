<?php

declare(strict_types=1);

namespace Exercise;

/** A UserService over a fixed list, for trying the API by hand. You do not need to change it. */
final class InMemoryUsers implements UserService
{
    /** @var array<string, User> */
    private array $users = [];

    public function __construct(User ...$users)
    {
        foreach ($users as $user) {
            $this->users[$user->id] = $user;
        }
    }

    public function getUser(string $id): ?User
    {
        return $this->users[$id] ?? null;
    }
}
