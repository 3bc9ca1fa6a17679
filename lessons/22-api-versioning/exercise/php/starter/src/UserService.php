<?php

declare(strict_types=1);

namespace Exercise;

/** The domain core every API version shares. */
interface UserService
{
    /** The user with this id, or null when there is none. */
    public function getUser(string $id): ?User;
}
