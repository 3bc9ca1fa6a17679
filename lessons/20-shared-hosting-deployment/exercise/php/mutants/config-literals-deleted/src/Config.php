<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Application configuration. The secrets are no longer in the code.
 */
final class Config
{
    public static function databaseDsn(): string
    {
        return '';
    }

    public static function paymentKey(): string
    {
        return '';
    }
}
