<?php

declare(strict_types=1);

// Composer's autoloader when `composer install` has run; otherwise a tiny PSR-4
// autoloader (Exercise\ => src/, Exercise\Tests\ => tests/) so a system-wide phpunit works too.
// The check in tests/Check runs your suite in a temporary copy with its own bootstrap.
$composer = __DIR__ . '/../vendor/autoload.php';
if (is_file($composer)) {
    require $composer;
    return;
}

spl_autoload_register(static function (string $class): void {
    foreach (['Exercise\\Tests\\' => __DIR__ . '/', 'Exercise\\' => __DIR__ . '/../src/'] as $prefix => $directory) {
        if (str_starts_with($class, $prefix)) {
            $file = $directory . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});
