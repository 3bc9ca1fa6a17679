<?php

declare(strict_types=1);

namespace Exercise\Tests\Check;

/**
 * Runs the learner's suite ("yours": tests/Unit + tests/Integration) in a child
 * PHPUnit process, optionally against a seeded bug (IMPL=bug1|bug2|bug3).
 * Results are cached per implementation for the whole check run.
 *
 * PHPUnit 9.6 (e.g. Debian's package) does not read attributes, so for it the
 * suite is copied to a temp folder and #[Test]/#[DataProvider('x')] are
 * translated into the equivalent docblocks. PHPUnit 10+ runs your files as-is.
 */
final class SuiteRunner
{
    /** @var array<string, array{exit: int, output: string, seconds: float}> */
    private static array $runs = [];
    private static ?string $workDir = null;

    public static function root(): string
    {
        return dirname(__DIR__, 2);
    }

    /** @return list<string> the learner's test files */
    public static function files(): array
    {
        $files = array_merge(glob(self::root() . '/tests/Unit/*.php') ?: [], glob(self::root() . '/tests/Integration/*.php') ?: []);
        sort($files);
        return $files;
    }

    /** @return array{exit: int, output: string, seconds: float} */
    public static function run(string $impl, array $extraArgs = []): array
    {
        $key = $impl . ' ' . implode(' ', $extraArgs);
        if (!isset(self::$runs[$key])) {
            $command = array_merge([PHP_BINARY, self::phpunit(), '--configuration', self::config(), '--colors=never'], $extraArgs);
            $env = getenv();
            unset($env['IMPL']);
            if ($impl !== 'correct') {
                $env['IMPL'] = $impl;
            }
            $started = microtime(true);
            $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, self::root(), $env);
            $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
            fclose($pipes[1]);
            fclose($pipes[2]);
            $exit = proc_close($process);
            self::$runs[$key] = ['exit' => $exit, 'output' => $output, 'seconds' => microtime(true) - $started];
        }
        return self::$runs[$key];
    }

    /** The last lines of a run, to show in a failure message. */
    public static function tail(string $output, int $lines = 25): string
    {
        return implode("\n", array_slice(explode("\n", trim($output)), -$lines));
    }

    private static function phpunit(): string
    {
        $vendor = self::root() . '/vendor/phpunit/phpunit/phpunit';
        if (is_file($vendor)) {
            return $vendor;
        }
        $self = realpath((string) ($_SERVER['argv'][0] ?? ''));
        return $self !== false ? $self : 'phpunit';
    }

    private static function major(): int
    {
        return (int) \PHPUnit\Runner\Version::id();
    }

    private static function config(): string
    {
        if (self::$workDir !== null) {
            return self::$workDir . '/phpunit.xml';
        }
        $root = self::root();
        $dir = sys_get_temp_dir() . '/backend-path-18-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($dir, 0700, true);
        self::$workDir = $dir;
        register_shutdown_function([self::class, 'cleanUp'], $dir);

        $suiteDirs = [];
        foreach (['Unit', 'Integration'] as $sub) {
            if (self::major() >= 10) {
                $suiteDirs[] = "$root/tests/$sub"; // attributes work: run your files as they are
                continue;
            }
            mkdir("$dir/tests/$sub", 0700, true);
            foreach (glob("$root/tests/$sub/*.php") ?: [] as $file) {
                file_put_contents("$dir/tests/$sub/" . basename($file), self::toDocblocks((string) file_get_contents($file)));
            }
            $suiteDirs[] = "$dir/tests/$sub";
        }

        $directories = implode('', array_map(
            static fn(string $d): string => '<directory>' . htmlspecialchars($d) . '</directory>',
            $suiteDirs,
        ));
        file_put_contents($dir . '/phpunit.xml', '<?xml version="1.0" encoding="UTF-8"?>'
            . '<phpunit bootstrap="' . htmlspecialchars($root . '/tests/bootstrap.php') . '" failOnWarning="true" failOnRisky="true">'
            . '<testsuites><testsuite name="yours">' . $directories . '</testsuite></testsuites></phpunit>');

        return $dir . '/phpunit.xml';
    }

    public static function cleanUp(string $dir): void
    {
        $items = new \RecursiveIteratorIterator(
            new \RecursiveDirectoryIterator($dir, \FilesystemIterator::SKIP_DOTS),
            \RecursiveIteratorIterator::CHILD_FIRST,
        );
        foreach ($items as $item) {
            $item->isDir() ? rmdir($item->getPathname()) : unlink($item->getPathname());
        }
        rmdir($dir);
    }

    /** PHPUnit 9.6 only: turn attribute lines into the equivalent docblock. */
    public static function toDocblocks(string $source): string
    {
        return (string) preg_replace_callback('/^([ \t]*)((?:#\[[^\n]*\]\s*\n[ \t]*)+)(?=(?:(?:public|protected|private|static|final)\s+)*function\b)/m', static function (array $m): string {
            preg_match_all("/\\b(Test|DataProvider|TestDox)\\b(?:\\(\\s*'([^']*)'\\s*\\))?/", $m[2], $found, PREG_SET_ORDER);
            $tags = [];
            foreach ($found as $attr) {
                $tags[] = match ($attr[1]) {
                    'Test' => '@test',
                    'DataProvider' => '@dataProvider ' . ($attr[2] ?? ''),
                    'TestDox' => '@testdox ' . ($attr[2] ?? ''),
                };
            }
            if ($tags === []) {
                return $m[1];
            }
            return $m[1] . "/**\n" . $m[1] . ' * ' . implode("\n" . $m[1] . ' * ', $tags) . "\n" . $m[1] . " */\n" . $m[1];
        }, $source);
    }
}
