<?php

declare(strict_types=1);

namespace Exercise\View;

/**
 * The HTML view of one user. Everything that came from the database is
 * untrusted, so every value is escaped for HTML where it is inserted.
 */
final class UserPage
{
    /** @param array{id: int, name: string} $user */
    public function render(array $user): string
    {
        $id = self::e((string) $user['id']);
        $name = self::e($user['name']);

        return <<<HTML
            <!doctype html>
            <html lang="en">
            <title>{$name}</title>
            <h1 data-user-id="{$id}" title="{$name}">{$name}</h1>
            </html>
            HTML;
    }

    /** Safe in HTML text and in quoted attribute values; not in URLs, scripts or styles. */
    private static function e(string $value): string
    {
        return htmlspecialchars($value, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
    }
}
