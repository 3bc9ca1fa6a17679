<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Application configuration. The secrets below must go: replace this class with one that reads
 * its values at run time (see the README):
 *
 *   Config::load(string $envFile): self    reads the .env file above the web root (INI syntax),
 *                                           if it exists, then the real environment, which wins
 *   Config::fromArray(array $env): self     checks DB_DSN, DB_USER, DB_PASSWORD and PAYMENT_KEY;
 *                                           throws naming every missing or empty key, never a value
 *
 * with public readonly string properties $databaseDsn, $databaseUser, $databasePassword and
 * $paymentKey.
 */
final class Config
{
    public static function databaseDsn(): string
    {
        return 'mysql:host=localhost;dbname=shop;user=shop;password=hunter2';
    }

    public static function paymentKey(): string
    {
        return 'sk_live_51Hc0ffee0000000000000000';
    }
}
