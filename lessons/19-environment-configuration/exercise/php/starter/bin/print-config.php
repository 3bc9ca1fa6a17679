<?php

// Prints the non-secret part of the configuration. Used by the tests:
//   php bin/print-config.php tests/fixtures/fixture.env
// You do not need to edit this file.

declare(strict_types=1);

use Exercise\Config;
use Exercise\ConfigException;

require __DIR__ . '/../tests/bootstrap.php';

/**
 * Reads KEY=value lines (blank lines and # comments skipped), like a dotenv library does
 * for the simple cases. The file is for local development only.
 *
 * @return array<string, string>
 */
function readEnvFile(string $path): array
{
    $values = [];
    foreach (file($path, FILE_IGNORE_NEW_LINES) ?: [] as $line) {
        $line = trim($line);
        if ($line === '' || str_starts_with($line, '#') || !str_contains($line, '=')) {
            continue;
        }
        [$name, $value] = explode('=', $line, 2);
        $values[trim($name)] = trim($value);
    }
    return $values;
}

$file = $argv[1] ?? null;
$fromFile = $file !== null && is_file($file) ? readEnvFile($file) : [];

// getenv() without arguments returns the whole process environment. The `+` operator keeps
// the left-hand value when both arrays have a key: a variable that is already set wins over
// the file, as in phpdotenv's immutable mode and Node's --env-file.
$env = getenv() + $fromFile;

try {
    $config = Config::fromEnvironment($env);
    echo json_encode(['port' => $config->port, 'appEnv' => $config->appEnv]), "\n";
} catch (ConfigException $e) {
    fwrite(STDERR, $e->getMessage() . "\n"); // names the variable, never its value
    exit(1);
}
