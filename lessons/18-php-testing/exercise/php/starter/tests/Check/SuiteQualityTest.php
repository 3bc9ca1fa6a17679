<?php

declare(strict_types=1);

namespace Exercise\Tests\Check;

require_once __DIR__ . '/SuiteRunner.php';

use PHPUnit\Framework\TestCase;

/**
 * Checks YOUR test suite (tests/Unit, tests/Integration): it must pass against
 * the real code, fail against each seeded bug, and follow the lesson's rules.
 */
final class SuiteQualityTest extends TestCase
{
    private function source(): string
    {
        return implode("\n", array_map(static fn(string $f): string => (string) file_get_contents($f), SuiteRunner::files()));
    }

    /** Your tests without their comments, so prose such as "the system (under test)" is not mistaken for a call. */
    private function codeWithoutComments(): string
    {
        $code = '';
        foreach (SuiteRunner::files() as $file) {
            foreach (token_get_all((string) file_get_contents($file)) as $token) {
                if (is_array($token) && in_array($token[0], [T_COMMENT, T_DOC_COMMENT], true)) {
                    continue;
                }
                $code .= is_array($token) ? $token[1] : $token;
            }
            $code .= "\n";
        }
        return $code;
    }

    private function assertBugCaught(string $bug, string $message): void
    {
        $this->assertSuitePassesOnCorrectCode();
        $this->assertNotSame(0, SuiteRunner::run($bug)['exit'], $message);
    }

    private function assertSuitePassesOnCorrectCode(): void
    {
        $run = SuiteRunner::run('correct');
        $this->assertSame(0, $run['exit'], "Your suite must pass against the real code in src/. Fix the failing tests first:\n" . SuiteRunner::tail($run['output']));
    }

    public function testYourSuitePassesAgainstTheRealCode(): void
    {
        $this->assertSuitePassesOnCorrectCode();
    }

    public function testYourSuitePassesAgainstACorrectRewrite(): void
    {
        $this->assertSuitePassesOnCorrectCode();
        $run = SuiteRunner::run('variant');
        $this->assertSame(0, $run['exit'], "Your suite fails against a correct PriceCalculator and OrderRepository written differently. Test what the public methods return, not the source text, file or class internals:\n" . SuiteRunner::tail($run['output']));
    }

    public function testYourTestsDoNotDependOnTheirOrder(): void
    {
        $this->assertSuitePassesOnCorrectCode();
        $run = SuiteRunner::run('correct', ['--order-by=reverse']);
        $this->assertSame(0, $run['exit'], "Your suite passes in file order but fails in reverse order, so one test depends on data another left behind. Create the PDO and the schema in setUp(), not in a static property, and never hard-code ids:\n" . SuiteRunner::tail($run['output']));
    }

    public function testYourSuiteCatchesTheTierBoundaryBug(): void
    {
        $this->assertBugCaught('bug1', 'Bug 1 survived: a calculator that gives no discount for exactly 10 items passes your suite. Test the tier boundaries (9, 10, 49, 50), ideally with a data provider.');
    }

    public function testYourSuiteCatchesTheRoundingBug(): void
    {
        $this->assertBugCaught('bug2', 'Bug 2 survived: rounding half to even instead of half-up passes your suite. Add a case that lands exactly on half a cent (e.g. 5 % of 10 cents, or a 10 % VAT rate on 1225 cents).');
    }

    public function testYourSuiteCatchesTheIgnoredStatusFilter(): void
    {
        $this->assertBugCaught('bug3', "Bug 3 survived: a repository that ignores the status filter passes your suite. Seed orders with different statuses and assert findByCustomer(\$id, 'paid') returns only the paid ones.");
    }

    public function testYourSuiteCatchesFloatResults(): void
    {
        $this->assertBugCaught('bug4', 'Bug 4 survived: a calculator that returns float cents (9500.0 instead of 9500) passes your suite. Compare with assertSame(), which checks the type too; assertEquals(9500, 9500.0) passes.');
    }

    public function testYourSuiteCatchesAnIgnoredClock(): void
    {
        $this->assertBugCaught('bug5', "Bug 5 survived: a repository that stamps placed_at with the real time instead of the injected clock passes your suite. Freeze a fake Clock at a fixed time and assert the exact placed_at that add() stores.");
    }

    public function testYourSuiteCatchesTheUpperTierBoundaryBug(): void
    {
        $this->assertBugCaught('bug6', 'Bug 6 survived: a calculator that gives only 5 % for exactly 50 items passes your suite. Every tier has two edges: test 49 and 50 as well as 9 and 10.');
    }

    public function testYourSuiteCatchesTheWrongSortOrder(): void
    {
        $this->assertBugCaught('bug7', 'Bug 7 survived: a repository that lists orders oldest first passes your suite. Add two orders at different clock times and assert findByCustomer() returns the newer one first (compare the list of ids, in order).');
    }

    public function testYourSuiteCatchesAnIgnoredCustomerFilter(): void
    {
        $this->assertBugCaught('bug8', "Bug 8 survived: a repository that returns every customer's orders passes your suite. Seed orders for two customers and assert findByCustomer() returns only the asked customer's.");
    }

    public function testYourSuiteCatchesVatOnTheGrossAmount(): void
    {
        $this->assertBugCaught('bug9', 'Bug 9 survived: a calculator that charges VAT on the price before the discount passes your suite. Test vat() or total() for a quantity that gets a discount (10 or more items), where net and gross differ.');
    }

    public function testYourTestsDoNotInspectTheImplementation(): void
    {
        $this->assertDoesNotMatchRegularExpression(
            // Functions that read files, the environment or the process (a method such as $pdo->exec() is fine).
            '/(?<!->)(?<!::)\\b(getenv|putenv|get_included_files|get_declared_classes|file_get_contents|file|fopen|md5_file|sha1_file|hash_file|filesize|filemtime|glob|scandir|opendir|debug_backtrace'
            . '|php_strip_whitespace|highlight_file|show_source|readfile|stat|lstat|parse_ini_file|token_get_all|shell_exec|exec|system|passthru|proc_open|popen)\s*\('
            . '|\$_(ENV|SERVER)\b|\$GLOBALS\b|\bReflection\w+|\bSpl(File|TempFile)\w*\b/',
            $this->codeWithoutComments(),
            'Your tests read the environment, files or reflection data: a test that checks which implementation is loaded proves nothing about its behaviour. Call the public methods and assert on what they return.',
        );
        foreach (SuiteRunner::files() as $file) {
            foreach (token_get_all((string) file_get_contents($file)) as $token) {
                $this->assertNotSame('`', $token, basename($file) . ' runs a shell command with backticks: a test that reads the implementation proves nothing about its behaviour. Call the public methods and assert on what they return.');
            }
        }
    }

    public function testYourSuiteHasAtLeastEightTests(): void
    {
        $output = SuiteRunner::run('correct', ['--list-tests'])['output'];
        $count = preg_match_all('/^ - /m', $output);
        $this->assertGreaterThanOrEqual(8, $count, "Write at least 8 tests (each data set counts); `--list-tests` found $count.");
    }

    public function testYourSuiteUsesADataProviderAttribute(): void
    {
        $source = $this->source();
        $found = preg_match_all("/#\\[[^\\]]*DataProvider\\(\\s*'(\\w+)'\\s*\\)/", $source, $m);
        $this->assertGreaterThan(0, $found, "Use at least one data provider with the attribute #[DataProvider('name')].");
        foreach ($m[1] as $provider) {
            $this->assertMatchesRegularExpression('/public\s+static\s+function\s+' . $provider . '\s*\(/', $source, "The data provider $provider() must be declared `public static function $provider()`.");
        }
    }

    public function testYourSuiteHasNoDocblockAnnotations(): void
    {
        $this->assertDoesNotMatchRegularExpression('/\*\s*@(test|dataProvider|covers\w*|depends|group|testWith|before|after|beforeClass|afterClass)\b/', $this->source(), 'Do not use docblock annotations such as /** @test */ or @dataProvider: they were removed in PHPUnit 12. Use attributes such as #[Test] and #[DataProvider(...)].');
    }

    public function testRepositoryTestsUseARealInMemoryDatabase(): void
    {
        $integration = implode("\n", array_map(static fn(string $f): string => (string) file_get_contents($f), glob(SuiteRunner::root() . '/tests/Integration/*.php') ?: []));
        $this->assertStringContainsString('sqlite::memory:', $integration, "Test OrderRepository against a real database: new PDO('sqlite::memory:') in tests/Integration.");
        $this->assertDoesNotMatchRegularExpression('/create(Mock|Stub|Configured\w*)\(\s*\\\\?PDO(Statement)?::class/', $this->source(), 'Do not mock PDO: the SQL is what you are testing. Use a real in-memory SQLite database.');
    }

    public function testYourSuiteHasNoSleepOrNetwork(): void
    {
        $this->assertDoesNotMatchRegularExpression('/\b(u?sleep|fsockopen|curl_init)\s*\(|https?:\/\//', $this->source(), 'Tests must be fast and offline: inject a clock instead of sleep(), and never call the network.');
    }

    public function testPhpunitXmlFailsOnWarnings(): void
    {
        $xml = simplexml_load_file(SuiteRunner::root() . '/phpunit.xml');
        $this->assertNotFalse($xml, 'phpunit.xml must be valid XML.');
        $this->assertSame('true', (string) $xml['failOnWarning'], 'Set failOnWarning="true" on the <phpunit> element of phpunit.xml.');
        $this->assertSame('true', (string) $xml['failOnRisky'], 'Set failOnRisky="true" on the <phpunit> element of phpunit.xml.');
    }

    public function testYourSuiteIsFast(): void
    {
        $this->assertSuitePassesOnCorrectCode();
        $seconds = SuiteRunner::run('correct')['seconds'];
        $this->assertLessThan(10.0, $seconds, sprintf('Your suite took %.1f s; keep it under 10 s (no sleep(), in-memory SQLite).', $seconds));
    }
}
