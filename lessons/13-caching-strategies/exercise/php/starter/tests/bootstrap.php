<?php

declare(strict_types=1);

// Use Composer's autoloader when `composer install` has run.
// Otherwise register a tiny PSR-4 autoloader (Exercise\ => src/) so that
// a system-wide `phpunit` can run the suite without Composer.
$composer = __DIR__ . '/../vendor/autoload.php';
if (is_file($composer)) {
    require $composer;
    return;
}

spl_autoload_register(static function (string $class): void {
    $prefix = 'Exercise\\';
    if (!str_starts_with($class, $prefix)) {
        return;
    }
    $relative = substr($class, strlen($prefix));
    $file = __DIR__ . '/../src/' . str_replace('\\', '/', $relative) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
