<?php

declare(strict_types=1);

namespace Exercise\Tests;

use PHPUnit\Framework\TestCase;

/**
 * Would this project survive a deploy to a cheap shared host?
 */
final class DeployReadinessTest extends TestCase
{
    private const STATIC_EXTENSIONS = ['css', 'js', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'txt', 'woff2', 'map'];

    private static function root(): string
    {
        return dirname(__DIR__);
    }

    private static function read(string $relative): string
    {
        $file = self::root() . '/' . $relative;
        return is_file($file) ? (string) file_get_contents($file) : '';
    }

    /** @return list<string> paths relative to $dir, including dotfiles */
    private static function filesUnder(string $dir): array
    {
        $files = [];
        $items = new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($dir, \FilesystemIterator::SKIP_DOTS));
        foreach ($items as $item) {
            $files[] = substr($item->getPathname(), strlen($dir) + 1);
        }
        sort($files);
        return $files;
    }

    public function testPublicHoldsOnlyTheFrontControllerAndStaticAssets(): void
    {
        foreach (self::filesUnder(self::root() . '/public') as $file) {
            $allowed = in_array($file, ['index.php', '.htaccess', '.user.ini'], true)
                || in_array(strtolower(pathinfo($file, PATHINFO_EXTENSION)), self::STATIC_EXTENSIONS, true);
            $this->assertTrue($allowed, "public/$file must not be in the web root: only index.php, .htaccess, .user.ini and static assets belong there. Move it above public/.");
        }
    }

    public function testNoSecretsOrBuildFilesInPublic(): void
    {
        foreach (['.env', '.git', 'vendor', 'composer.json', 'composer.lock', 'src', 'phpinfo.php'] as $name) {
            $this->assertFileDoesNotExist(self::root() . "/public/$name", "public/$name would be downloadable: keep it outside the web root.");
        }
    }

    public function testHtaccessHasTheFrontControllerRewrite(): void
    {
        $htaccess = self::read('public/.htaccess');
        $this->assertMatchesRegularExpression('/^\s*RewriteEngine\s+On\b/mi', $htaccess, 'public/.htaccess needs "RewriteEngine On".');
        $this->assertMatchesRegularExpression('/RewriteCond\s+%\{REQUEST_FILENAME\}\s+!-f/i', $htaccess, 'Add "RewriteCond %{REQUEST_FILENAME} !-f" so real files are served directly.');
        $this->assertMatchesRegularExpression('/RewriteCond\s+%\{REQUEST_FILENAME\}\s+!-d/i', $htaccess, 'Add "RewriteCond %{REQUEST_FILENAME} !-d" so real folders are not rewritten.');
        $this->assertMatchesRegularExpression('/RewriteRule\s+\S+\s+\/?index\.php\s+\[[^\]]*QSA[^\]]*L[^\]]*\]/i', $htaccess, 'Send everything else to the front controller: "RewriteRule ^ index.php [QSA,L]".');
    }

    public function testHtaccessHardensTheWebRoot(): void
    {
        $htaccess = self::read('public/.htaccess');
        $this->assertMatchesRegularExpression('/^\s*Options\s+.*-Indexes\b/mi', $htaccess, 'Turn off directory listings with "Options -Indexes".');
        $this->assertMatchesRegularExpression('/<FilesMatch\s+"\^\\\\\.">\s*Require\s+all\s+denied\s*<\/FilesMatch>/i', $htaccess, 'Deny dotfiles with Apache 2.4 syntax: <FilesMatch "^\."> Require all denied </FilesMatch>.');
        $this->assertMatchesRegularExpression('/RewriteCond\s+%\{HTTPS\}/i', $htaccess, 'Redirect plain HTTP to HTTPS (RewriteCond %{HTTPS} !=on + a [R=301,L] rule).');
        // The condition applies to the next RewriteRule only: that rule must be the redirect, or the
        // condition silently guards some other rule (such as the front controller) instead.
        $this->assertMatchesRegularExpression('/RewriteCond\s+%\{HTTPS\}[^\n]*\n(?:\s*(?:#[^\n]*|RewriteCond[^\n]*)?\n)*\s*RewriteRule\s+\S+\s+https:\/\/\S+\s+\[[^\]]*R=(301|308|permanent)[^\]]*\]/i', $htaccess,
            'The RewriteRule right after "RewriteCond %{HTTPS} !=on" must be the redirect: "RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]". A RewriteCond guards only the next rule.');
        $this->assertDoesNotMatchRegularExpression('/^\s*(Order\s+\w|Deny\s+from|Allow\s+from)/mi', $htaccess, 'Remove Apache 2.2 "Order/Deny/Allow" lines; use "Require all denied".');
        $this->assertDoesNotMatchRegularExpression('/^\s*php_(flag|value|admin_flag|admin_value)\b/mi', $htaccess, 'Remove php_flag/php_value: they break PHP-FPM hosts with a 500. Put PHP settings in public/.user.ini.');
    }

    public function testUserIniHidesErrorsAndLogsThemOutsideTheWebRoot(): void
    {
        $ini = parse_ini_string(self::read('public/.user.ini'), false, INI_SCANNER_TYPED);
        $this->assertIsArray($ini, 'public/.user.ini must be valid INI.');
        $this->assertFalse((bool) ($ini['display_errors'] ?? true), 'Set display_errors = Off in public/.user.ini: visitors must never see error details.');
        $this->assertTrue((bool) ($ini['log_errors'] ?? false), 'Set log_errors = On in public/.user.ini.');
        $log = (string) ($ini['error_log'] ?? '');
        $this->assertNotSame('', $log, 'Set error_log in public/.user.ini to a file outside the web root, e.g. /home/USER/logs/php-error.log.');
        $this->assertStringNotContainsString('public', $log, 'error_log must point outside public/ (and public_html/), or the log becomes downloadable.');
        $this->assertMatchesRegularExpression('#^(/|[A-Za-z]:[\\\\/])#', $log, 'error_log must be an absolute path such as /home/USER/logs/php-error.log: a relative path is resolved from the script\'s folder, which is inside the web root.');
    }

    public function testEveryPhpFileLints(): void
    {
        foreach (['public', 'src', 'bin', 'dev'] as $dir) {
            foreach (self::filesUnder(self::root() . "/$dir") as $file) {
                if (str_ends_with($file, '.php')) {
                    exec(escapeshellarg(PHP_BINARY) . ' -l ' . escapeshellarg(self::root() . "/$dir/$file") . ' 2>&1', $out, $code);
                    $this->assertSame(0, $code, "$dir/$file has a syntax error: " . implode("\n", $out));
                }
            }
        }
    }

    public function testComposerJsonRequiresASupportedPhpAndAutoloads(): void
    {
        $composer = json_decode(self::read('composer.json'), true);
        $this->assertIsArray($composer, 'composer.json must be valid JSON.');
        $php = (string) ($composer['require']['php'] ?? '');
        $this->assertMatchesRegularExpression('/^(>=|\^|~)\s*(8\.[3-9]|9|[1-9]\d)/', $php, 'composer.json must require a supported PHP, e.g. "php": ">=8.3" (8.2\'s security support runs out on 2026-12-31).');
        $this->assertNotEmpty($composer['autoload']['psr-4'] ?? [], 'composer.json must define a PSR-4 autoload section.');
    }

    public function testNoSecretsInSourceCode(): void
    {
        $patterns = ['/password\s*=/i', '/\bsk_live_/', '/-----BEGIN [A-Z ]*PRIVATE KEY/', '/\bAKIA[0-9A-Z]{16}\b/'];
        foreach (self::filesUnder(self::root() . '/src') as $file) {
            foreach (token_get_all(self::read("src/$file")) as $token) {
                if (is_array($token) && in_array($token[0], [T_CONSTANT_ENCAPSED_STRING, T_ENCAPSED_AND_WHITESPACE], true)) {
                    foreach ($patterns as $pattern) {
                        $this->assertDoesNotMatchRegularExpression($pattern, $token[1], "src/$file contains a secret-looking string literal on line {$token[2]}. Read secrets from the environment or a .env file above the web root.");
                    }
                }
            }
        }
    }
}
