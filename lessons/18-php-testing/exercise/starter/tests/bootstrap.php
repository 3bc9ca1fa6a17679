<?php

declare(strict_types=1);

// 1. Mutation switch used by tests/Check: with IMPL=bug1|bug2|bug3, classes that
//    have a seeded-bug variant in tests/Check/mutants/<IMPL>/ load from there.
//    Registered first (prepended) so it wins over Composer's autoloader.
$impl = getenv('IMPL');
if (is_string($impl) && preg_match('/^bug[1-3]$/', $impl) === 1) {
    spl_autoload_register(static function (string $class) use ($impl): void {
        if (str_starts_with($class, 'Exercise\\')) {
            $file = __DIR__ . '/Check/mutants/' . $impl . '/' . substr($class, strlen('Exercise\\')) . '.php';
            if (is_file($file)) {
                require $file;
            }
        }
    }, true, true);
}

// 2. Composer's autoloader when `composer install` has run; otherwise a tiny
//    PSR-4 autoloader (Exercise\ => src/) so a system-wide phpunit works too.
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
    $file = __DIR__ . '/../src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
