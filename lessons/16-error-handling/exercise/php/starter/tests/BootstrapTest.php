<?php

declare(strict_types=1);

namespace Exercise\Tests;

use PHPUnit\Framework\TestCase;

final class BootstrapTest extends TestCase
{
    private const MISSING = '/nonexistent-backend-path-dir/missing.txt';

    /**
     * Loads bootstrap.php, runs $probe, and always removes the handler again.
     * @return \Throwable|null what $probe threw
     */
    private function underBootstrap(callable $probe): ?\Throwable
    {
        $sentinel = static fn(): bool => true; // swallows anything the bootstrap does not handle
        set_error_handler($sentinel);
        try {
            require __DIR__ . '/../bootstrap.php';
            $probe();
            return null;
        } catch (\Throwable $e) {
            return $e;
        } finally {
            $top = set_error_handler($sentinel);
            restore_error_handler();
            if ($top !== $sentinel) {
                restore_error_handler(); // the handler bootstrap.php registered
            }
            restore_error_handler(); // the sentinel
        }
    }

    public function testWarningsBecomeErrorException(): void
    {
        $thrown = $this->underBootstrap(static fn() => file_get_contents(self::MISSING));
        $this->assertInstanceOf(\ErrorException::class, $thrown, 'bootstrap.php must register set_error_handler() with a handler that throws ErrorException, so file_get_contents() on a missing file throws instead of warning.');
        $this->assertStringContainsString('Failed to open stream', $thrown->getMessage(), 'Use the warning text as the ErrorException message.');
        $this->assertSame(E_WARNING, $thrown->getSeverity(), 'Pass the severity (here E_WARNING) to the ErrorException.');
        $this->assertSame(__FILE__, $thrown->getFile(), 'Pass the file and line the handler receives to the ErrorException, so the trace points at the code that warned, not at bootstrap.php.');
    }

    public function testUserNoticesBecomeErrorExceptionWithTheirSeverity(): void
    {
        $message = 'cache miss ' . random_int(1, 999);
        $thrown = $this->underBootstrap(static fn() => trigger_error($message, E_USER_NOTICE));
        $this->assertInstanceOf(\ErrorException::class, $thrown, 'Notices must become ErrorException too, not only warnings.');
        $this->assertSame([$message, E_USER_NOTICE], [$thrown->getMessage(), $thrown->getSeverity()], 'Use the notice text as the message and its level (E_USER_NOTICE) as the severity.');
    }

    public function testLevelsSwitchedOffAreIgnored(): void
    {
        $level = error_reporting(E_ALL & ~E_WARNING);
        try {
            $thrown = $this->underBootstrap(static fn() => file_get_contents(self::MISSING));
        } finally {
            error_reporting($level);
        }
        $this->assertNull($thrown, 'Respect error_reporting(): when the level is switched off, the handler must return false instead of throwing.');
    }

    public function testLevelsSwitchedOffGoBackToPhp(): void
    {
        error_clear_last();
        $level = error_reporting(E_ALL & ~E_WARNING);
        try {
            $this->underBootstrap(static fn() => @file_get_contents(self::MISSING));
        } finally {
            error_reporting($level);
        }
        $last = error_get_last();
        $this->assertStringContainsString(
            'Failed to open stream',
            $last['message'] ?? '',
            'For a level error_reporting() has switched off, return false (not true, not nothing): false hands the error back to PHP, which still records it for error_get_last(); any other value says "handled" and it vanishes.',
        );
    }
}
