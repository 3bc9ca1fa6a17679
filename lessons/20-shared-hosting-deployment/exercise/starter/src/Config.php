<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Application configuration.
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
