<?php

declare(strict_types=1);

namespace Exercise\View;

/**
 * The HTML view of one user. Everything that came from the database is
 * untrusted: a user may call themselves <script>...</script>.
 *
 * Fix render(): escape every value for HTML before it goes into the markup
 * (text and the quoted attribute alike), with one small helper.
 */
final class UserPage
{
    /** @param array{id: int, name: string} $user */
    public function render(array $user): string
    {
        $id = $user['id'];
        $name = $user['name'];

        return <<<HTML
            <!doctype html>
            <html lang="en">
            <title>{$name}</title>
            <h1 data-user-id="{$id}" title="{$name}">{$name}</h1>
            </html>
            HTML;
    }
}
