<?php

declare(strict_types=1);

// With Composer: use its autoloader. Without it (for example Debian's phpunit),
// register a tiny PSR-4 autoloader for Exercise\ -> src/ and Exercise\Tests\ -> tests/.
$composerAutoload = __DIR__ . '/../vendor/autoload.php';
if (is_file($composerAutoload)) {
    require $composerAutoload;
    return;
}

spl_autoload_register(static function (string $class): void {
    $prefixes = [
        'Exercise\\Tests\\' => __DIR__ . '/',
        'Exercise\\' => __DIR__ . '/../src/',
    ];
    foreach ($prefixes as $prefix => $directory) {
        if (str_starts_with($class, $prefix)) {
            $file = $directory . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});
