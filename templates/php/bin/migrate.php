<?php

declare(strict_types=1);

/*
 * Apply pending migrations: `composer migrate` (or `php bin/migrate.php`).
 * Run this when deploying, with DB_AUTO_MIGRATE=false in production.
 */

use App\Application;
use App\Config;
use App\Database\Connection;
use App\Database\Migrator;

require dirname(__DIR__) . '/vendor/autoload.php';

try {
    $config = Config::load(dirname(__DIR__));
    $applied = (new Migrator(Connection::open($config->databasePath), Application::migrationsDirectory()))->migrate();
} catch (Throwable $error) {
    fwrite(STDERR, 'Cannot migrate: ' . $error->getMessage() . PHP_EOL);
    exit(1);
}

echo $applied === []
    ? 'Database is up to date.' . PHP_EOL
    : 'Applied: ' . implode(', ', $applied) . PHP_EOL;
