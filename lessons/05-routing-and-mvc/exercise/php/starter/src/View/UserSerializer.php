<?php

declare(strict_types=1);

namespace Exercise\View;

/**
 * In a JSON API the serializer is the view: it decides, field by field,
 * what leaves the server. Email and password hash never do.
 */
final class UserSerializer
{
    /**
     * @param array{id: int, name: string} $user
     * @return array{id: int, name: string}
     */
    public function toArray(array $user): array
    {
        return ['id' => $user['id'], 'name' => $user['name']];
    }
}
