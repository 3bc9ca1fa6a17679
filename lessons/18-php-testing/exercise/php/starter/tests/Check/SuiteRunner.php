<?php

declare(strict_types=1);

namespace Exercise\Tests\Check;

/**
 * Runs the learner's suite ("yours": tests/Unit + tests/Integration) in a child PHPUnit
 * process, against the real code, a correct rewrite of it, or a seeded bug.
 *
 * Every run happens in a fresh temporary copy with the same layout: src/ holds the
 * implementation under test (real, rewritten or buggy, each with a random trailing comment),
 * tests/ holds your tests and nothing else, and no environment variable says which
 * implementation it is. So a test can only tell the bugs apart by their behaviour, which is
 * the point. Results are cached per run for the whole check.
 *
 * PHPUnit 9.6 (e.g. Debian's package) does not read attributes, so for it #[Test] and
 * #[DataProvider('x')] are translated into the equivalent docblocks in the copy.
 */
final class SuiteRunner
{
    /** Implementations: the real code, a correct rewrite, and the seeded bugs. */
    public const IMPLEMENTATIONS = ['correct', 'variant', 'bug1', 'bug2', 'bug3', 'bug4', 'bug5', 'bug6', 'bug7', 'bug8', 'bug9'];

    /** @var array<string, array{exit: int, output: string, seconds: float}> */
    private static array $runs = [];

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

    /**
     * @param list<string> $extraArgs
     * @return array{exit: int, output: string, seconds: float}
     */
    public static function run(string $impl, array $extraArgs = []): array
    {
        if (!in_array($impl, self::IMPLEMENTATIONS, true)) {
            throw new \InvalidArgumentException("Unknown implementation $impl.");
        }
        $key = $impl . ' ' . implode(' ', $extraArgs);
        if (!isset(self::$runs[$key]) && str_starts_with($impl, 'bug') && $extraArgs === []) {
            // The bug runs only need an exit code, so they run side by side to keep the check fast.
            $pending = [];
            foreach (self::IMPLEMENTATIONS as $other) {
                if (str_starts_with($other, 'bug') && !isset(self::$runs[$other . ' '])) {
                    $pending[$other . ' '] = self::start($other, []);
                }
            }
            foreach ($pending as $pendingKey => $handle) {
                self::$runs[$pendingKey] = self::finish($handle);
            }
        }
        if (!isset(self::$runs[$key])) {
            self::$runs[$key] = self::finish(self::start($impl, $extraArgs));
        }
        return self::$runs[$key];
    }

    /**
     * @param list<string> $extraArgs
     * @return array{process: resource, dir: string, log: string, started: float}
     */
    private static function start(string $impl, array $extraArgs): array
    {
        $dir = self::prepare($impl);
        $command = array_merge([PHP_BINARY, self::phpunit(), '--configuration', "$dir/phpunit.xml", '--colors=never'], $extraArgs);
        $env = getenv();
        foreach (array_keys($env) as $name) {
            // Nothing in the environment may point back at this check or at the real project.
            if (in_array($name, ['IMPL', 'PWD', 'OLDPWD'], true) || str_starts_with($name, 'PHPUNIT')) {
                unset($env[$name]);
            }
        }
        // Output goes to a file outside the copy, so parallel runs never block on a full pipe.
        $log = $dir . '.log';
        $started = microtime(true);
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'], 2 => ['file', $log, 'a']], $pipes, $dir, $env);
        if (!is_resource($process)) {
            self::remove($dir);
            throw new \RuntimeException("Could not start PHPUnit for $impl.");
        }
        return ['process' => $process, 'dir' => $dir, 'log' => $log, 'started' => $started];
    }

    /**
     * @param array{process: resource, dir: string, log: string, started: float} $handle
     * @return array{exit: int, output: string, seconds: float}
     */
    private static function finish(array $handle): array
    {
        try {
            $exit = proc_close($handle['process']);
            $seconds = microtime(true) - $handle['started'];
            $output = (string) @file_get_contents($handle['log']);
            return ['exit' => $exit, 'output' => self::hidePath($output, $handle['dir']), 'seconds' => $seconds];
        } finally {
            @unlink($handle['log']);
            self::remove($handle['dir']);
        }
    }

    /** The last lines of a run, to show in a failure message. */
    public static function tail(string $output, int $lines = 25): string
    {
        return implode("\n", array_slice(explode("\n", trim($output)), -$lines));
    }

    /** A fresh copy: src/ with the implementation under test, tests/ with the learner's tests. */
    private static function prepare(string $impl): string
    {
        $root = self::root();
        $dir = sys_get_temp_dir() . '/backend-path-18-' . bin2hex(random_bytes(6));
        mkdir("$dir/src", 0700, true);
        foreach (glob("$root/src/*.php") ?: [] as $file) {
            $name = basename($file);
            $override = $impl === 'correct' ? null : __DIR__ . ($impl === 'variant' ? '/variant/' : "/bugs/$impl/") . $name;
            $source = (string) file_get_contents($override !== null && is_file($override) ? $override : $file);
            // A random comment, so no file can be recognised by its size or hash.
            file_put_contents("$dir/src/$name", rtrim($source) . "\n// " . bin2hex(random_bytes(random_int(4, 24))) . "\n");
        }

        $suiteDirs = [];
        foreach (['Unit', 'Integration'] as $sub) {
            mkdir("$dir/tests/$sub", 0700, true);
            foreach (glob("$root/tests/$sub/*.php") ?: [] as $file) {
                $source = (string) file_get_contents($file);
                file_put_contents("$dir/tests/$sub/" . basename($file), self::major() >= 10 ? $source : self::toDocblocks($source));
            }
            $suiteDirs[] = "$dir/tests/$sub";
        }

        // Exercise\ classes load from the copy's src/, ahead of Composer's map to the real src/.
        $composer = var_export("$root/vendor/autoload.php", true);
        file_put_contents("$dir/tests/bootstrap.php", <<<PHP
            <?php
            declare(strict_types=1);
            if (is_file($composer)) {
                require $composer;
            }
            spl_autoload_register(static function (string \$class): void {
                if (str_starts_with(\$class, 'Exercise\\\\')) {
                    \$file = dirname(__DIR__) . '/src/' . str_replace('\\\\', '/', substr(\$class, 9)) . '.php';
                    if (is_file(\$file)) {
                        require \$file;
                    }
                }
            }, true, true);
            PHP);

        $directories = implode('', array_map(
            static fn(string $d): string => '<directory>' . htmlspecialchars($d) . '</directory>',
            $suiteDirs,
        ));
        file_put_contents("$dir/phpunit.xml", '<?xml version="1.0" encoding="UTF-8"?>'
            . '<phpunit bootstrap="' . htmlspecialchars("$dir/tests/bootstrap.php") . '" failOnWarning="true" failOnRisky="true" cacheResult="false">'
            . '<testsuites><testsuite name="yours">' . $directories . '</testsuite></testsuites></phpunit>');

        return $dir;
    }

    private static function hidePath(string $output, string $dir): string
    {
        return str_replace($dir, '<copy>', $output);
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

    private static function remove(string $dir): void
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
