<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Database;
use Exercise\NotesApp;
use Exercise\Request;
use Exercise\Response;
use PDO;
use PHPUnit\Framework\TestCase;

/**
 * Attacks the Notes app the way a real attacker would, through requests only.
 * Seed data (src/Database.php): Ana (user 1) owns notes 1, 2, 3; Ben (user 2) owns note 4.
 * Each test also adds notes of its own and uses a fresh random CSRF token, so an app that
 * only handles the seed data, or a token it has memorised, fails.
 */
final class NotesAppTest extends TestCase
{
    private const ANA = 1;
    private const BEN = 2;

    private PDO $db;
    private NotesApp $app;
    private string $anaToken;
    /** @var list<string> */
    private array $logged = [];

    protected function setUp(): void
    {
        $this->db = Database::createSeeded();
        $this->app = new NotesApp($this->db, function (string $line): void {
            $this->logged[] = $line;
        });
        $this->anaToken = bin2hex(random_bytes(16));
    }

    // ---------- A05 Injection: SQL ----------

    public function testSearchStillFindsGenuineMatches(): void
    {
        $response = $this->get('/notes', ['q' => 'Shop']);

        $this->assertSame(200, $response->status, 'Searching for "Shop" must work (status 200).');
        $this->assertSame([1], $this->listedIds($response), 'Searching for "Shop" must list only note 1, "Shopping list".');
    }

    public function testSearchTreatsQuotesAndSqlWordsAsPlainText(): void
    {
        $quoted = $this->createNote("Ana's \"big\" -- plan; OR 1=1", 'text with quotes');
        $plain = $this->createNote('Anas plan', 'no quotes here');

        $cases = [
            "Ana's" => [$quoted],
            '"big"' => [$quoted],
            '-- plan;' => [$quoted],
            'OR 1=1' => [$quoted],
            'Anas' => [$plain],
        ];
        foreach ($cases as $term => $expected) {
            $response = $this->get('/notes', ['q' => $term]);
            $this->assertSame(200, $response->status, "Searching for {$term} must not break the query: bind the search term as a parameter instead of pasting it into the SQL.");
            $this->assertSame($expected, $this->listedIds($response), "Searching for {$term} must find exactly the note whose title contains it. Removing or escaping quotes and SQL words is a blocklist that breaks genuine searches: bind '%' . \$q . '%' with a prepared statement.");
        }
    }

    public function testSqlInjectionInSearchFindsNothing(): void
    {
        $payloads = [
            "' OR 1=1 --",
            "%' OR owner_id = 2 --",
            "' UNION SELECT id, body FROM notes --",
            "x' OR 'a'='a",
        ];
        foreach ($payloads as $payload) {
            $response = $this->get('/notes', ['q' => $payload]);

            $this->assertSame(200, $response->status, "The search term {$payload} must be treated as text, not break the query: bind it as a parameter.");
            $this->assertSame([], $this->listedIds($response), "No title contains {$payload}, so the list must be empty. Build the LIKE pattern in PHP and bind it with a prepared statement.");
            $this->assertStringNotContainsString('diary', $response->body, "The search {$payload} leaked Ben's note: bind the search term as a parameter.");
        }
    }

    public function testSearchListsOnlyTheUsersOwnNotes(): void
    {
        $word = 'w' . bin2hex(random_bytes(3));
        $anas = [$this->createNoteAs(self::ANA, "Ana {$word} one", 'a'), $this->createNoteAs(self::ANA, "{$word} two", 'a')];
        $bens = [$this->createNoteAs(self::BEN, "Ben {$word}", 'b'), $this->createNoteAs(self::BEN, "{$word} and more", 'b')];

        foreach ([[self::ANA, $anas, $bens], [self::BEN, $bens, $anas]] as [$user, $own, $others]) {
            foreach ([$word, substr($word, 1, 4), ' '] as $q) {
                $response = $this->app->handle(new Request('GET', '/notes', ['q' => $q], [], ['user_id' => $user, 'csrf_token' => 'unused']));
                $listed = $this->listedIds($response);
                foreach ($others as $id) {
                    $this->assertNotContains($id, $listed, "User {$user} searched for \"{$q}\" and got someone else's note {$id}: the search query needs owner_id = the session user too, not only the plain list.");
                }
                foreach ($own as $id) {
                    $this->assertContains($id, $listed, "User {$user} searched for \"{$q}\" and did not get their own note {$id}, whose title contains it.");
                }
            }
        }
    }

    public function testSortAcceptsTheAllowlistedValues(): void
    {
        $zebra = $this->createNote('Zebra facts', 'stripes');
        $apple = $this->createNote('Apple pie', 'recipe');

        $this->assertSame([$apple, 2, 1, 3, $zebra], $this->listedIds($this->get('/notes', ['sort' => 'title'])), 'sort=title must order by title A-Z.');
        $this->assertSame([1, 2, 3, $zebra, $apple], $this->listedIds($this->get('/notes', ['sort' => 'oldest'])), 'sort=oldest must order by id ascending.');
        $this->assertSame([$apple, $zebra, 3, 2, 1], $this->listedIds($this->get('/notes', ['sort' => 'newest'])), 'sort=newest must order by id descending.');
        $this->assertSame([$apple, $zebra, 3, 2, 1], $this->listedIds($this->get('/notes')), 'Without sort, the default order is newest first (id descending).');
    }

    public function testAnySortOutsideTheAllowlistFallsBackToTheDefaultOrder(): void
    {
        // Each value is valid SQL (or close to it) that a blocklist lets through; only an allowlist
        // of the three keys, mapped to fragments you wrote, rejects them all.
        $sorts = [
            'title;DROP TABLE notes',
            'title DESC',
            'id',
            'owner_id, title',
            'NEWEST',
            'title ASC',
            "(CASE WHEN (SELECT substr(body, 1, 1) FROM notes WHERE id = 4) = 'N' THEN title ELSE id END)",
            'random()',
        ];
        foreach ($sorts as $sort) {
            $response = $this->get('/notes', ['sort' => $sort]);

            $this->assertSame(200, $response->status, "sort={$sort} must not cause an error: map sort through an allowlist and fall back to the default.");
            $this->assertSame([3, 2, 1], $this->listedIds($response), "sort={$sort} is not one of newest/oldest/title, so it must fall back to newest first. Never paste sort into ORDER BY, not even after removing characters: map it through an allowlist.");
        }

        $array = $this->get('/notes', ['sort' => ['title']]);
        $this->assertSame([3, 2, 1], $this->listedIds($array), 'sort[]=title (an array) must fall back to the default order too: check that sort is a string before you look it up.');
    }

    // ---------- A05 Injection: XSS ----------

    public function testNoteContentIsEscapedInHtml(): void
    {
        $id = $this->createNote('<img src=x onerror=alert(1)>', '<script>alert(1)</script>');

        $page = $this->get("/notes/{$id}");
        $this->assertStringContainsString('&lt;script&gt;alert(1)&lt;/script&gt;', $page->body, 'Escape the note body with htmlspecialchars(..., ENT_QUOTES | ENT_SUBSTITUTE, \'UTF-8\'). Removing tags (strip_tags) is not enough: the text must still be shown.');
        $this->assertStringContainsString('&lt;img src=x onerror=alert(1)&gt;', $page->body, 'Escape the note title on the note page too.');
        $this->assertStringNotContainsString('<script>', $page->body, 'The raw <script> tag must never reach the page.');
        $this->assertStringNotContainsString('<img', $page->body, 'The raw <img> tag must never reach the note page.');

        $list = $this->get('/notes');
        $this->assertStringContainsString('&lt;img src=x onerror=alert(1)&gt;', $list->body, 'Escape note titles in the list too.');
        $this->assertStringNotContainsString('<img', $list->body, 'The raw <img> tag must never reach the list page.');
    }

    public function testValuesInAttributesAreEscapedWithQuotes(): void
    {
        $token = 'abc"><script>alert(2)</script>' . bin2hex(random_bytes(4));
        $list = $this->app->handle(new Request('GET', '/notes', [], [], ['user_id' => self::ANA, 'csrf_token' => $token]));

        $this->assertStringNotContainsString('"><script>', $list->body, 'The CSRF token lands inside value="...": escape it with htmlspecialchars(..., ENT_QUOTES | ENT_SUBSTITUTE, \'UTF-8\') so a quote cannot end the attribute.');
        $this->assertStringContainsString('value="' . htmlspecialchars($token, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8') . '"', str_replace('&#039;', '&apos;', $list->body), 'The form must still carry the session\'s CSRF token, escaped, in its hidden csrf_token field.');
    }

    // ---------- A01 Broken Access Control ----------

    public function testOwnersCanReadTheirOwnNotes(): void
    {
        $response = $this->get('/notes/1');
        $this->assertSame(200, $response->status, 'Ana must still be able to read her own note 1.');
        $this->assertStringContainsString('Shopping list', $response->body, 'Note 1 must show its title.');

        $ben = $this->getAs(self::BEN, '/notes/4');
        $this->assertSame(200, $ben->status, 'Ben must still be able to read his own note 4.');
        $this->assertStringContainsString('diary', $ben->body, 'Note 4 must show its title to Ben.');
    }

    public function testSomeoneElsesNoteIsA404(): void
    {
        $missingNote = $this->get('/notes/999');
        $bensNew = $this->createNoteAs(self::BEN, 'Ben secret plan', 'for Ben only');

        foreach ([[self::ANA, 4, 'diary'], [self::ANA, $bensNew, 'secret'], [self::BEN, 1, 'Shopping'], [self::BEN, 3, 'quarterly']] as [$user, $id, $word]) {
            $response = $this->getAs($user, "/notes/{$id}");
            $this->assertSame(404, $response->status, "User {$user} asking for someone else's note {$id} must get 404: add the owner to the WHERE clause for every note (not 200, and not 403, which leaks that it exists).");
            $this->assertStringNotContainsString($word, $response->body, "Nothing of someone else's note {$id} may appear in the response.");
            $this->assertSame($missingNote->body, $response->body, "Someone else's note {$id} must look exactly like a note that does not exist.");
        }
        $this->assertNotContains($bensNew, $this->listedIds($this->get('/notes')), "Ana's list must not show Ben's notes: keep owner_id = the session user in the list query.");
    }

    public function testStateChangingPostWithoutValidCsrfTokenIs403(): void
    {
        $attempts = [
            'no csrf_token' => [$this->anaSession(), ['title' => 'Forged', 'body' => 'x']],
            'a guessed csrf_token' => [$this->anaSession(), ['title' => 'Forged', 'body' => 'x', 'csrf_token' => 'guess']],
            'a token of the right length but wrong value' => [$this->anaSession(), ['title' => 'Forged', 'body' => 'x', 'csrf_token' => strrev($this->anaToken)]],
            'an empty token when the session has none' => [['user_id' => self::ANA], ['title' => 'Forged', 'body' => 'x', 'csrf_token' => '']],
            'an array instead of a string' => [$this->anaSession(), ['title' => 'Forged', 'body' => 'x', 'csrf_token' => [$this->anaToken]]],
            // "0e1234" == "0e5678" is true in PHP (both read as 0): only a strict comparison catches it.
            'a different token that == compares as equal' => [['user_id' => self::ANA, 'csrf_token' => '0e1234'], ['title' => 'Forged', 'body' => 'x', 'csrf_token' => '0e5678']],
        ];
        foreach ($attempts as $label => [$session, $form]) {
            $response = $this->app->handle(new Request('POST', '/notes', [], $form, $session));
            $this->assertSame(403, $response->status, "POST /notes with {$label} must get 403: require a non-empty session token and compare it with hash_equals(), never ==.");
        }
        $this->assertSame(4, (int) $this->db->query('SELECT COUNT(*) FROM notes')->fetchColumn(), 'A rejected POST must not create a note: check the token before inserting.');
    }

    public function testPostWithValidCsrfTokenCreatesTheNote(): void
    {
        $response = $this->post('/notes', ['title' => 'Call the bank', 'body' => 'Before Friday', 'csrf_token' => $this->anaToken]);

        $this->assertSame(303, $response->status, 'A POST with the session\'s csrf_token must create the note and answer 303.');
        $this->assertSame('/notes/5', $response->header('Location'), 'The 303 must point to the new note.');
        $owner = $this->db->query('SELECT owner_id FROM notes WHERE id = 5')->fetchColumn();
        $this->assertSame(self::ANA, (int) $owner, 'The new note must belong to the logged-in user (from the session, never from the form).');

        // Mass assignment: a form field must never choose the owner (A01).
        foreach (['owner_id', 'user_id'] as $field) {
            $forged = $this->post('/notes', ['title' => "Planted via {$field}", 'body' => 'x', 'csrf_token' => $this->anaToken, $field => (string) self::BEN]);
            $this->assertSame(303, $forged->status, "A valid POST that also carries a {$field} field must still create the note (ignore unknown fields).");
            $id = (int) substr((string) $forged->header('Location'), strlen('/notes/'));
            $forgedOwner = $this->db->query('SELECT owner_id FROM notes WHERE id = ' . $id)->fetchColumn();
            $this->assertSame(self::ANA, (int) $forgedOwner, "The form sent {$field}=" . self::BEN . " and the note went to that user: take the owner from the session only, never from the form (mass assignment, A01).");
        }
    }

    // ---------- A02 Security Misconfiguration ----------

    public function testEveryResponseCarriesSecurityHeaders(): void
    {
        $responses = [
            '200 list' => $this->get('/notes'),
            '200 note' => $this->get('/notes/1'),
            '404' => $this->get('/notes/999'),
            '401' => $this->app->handle(new Request('GET', '/notes')),
            '403' => $this->post('/notes', ['title' => 'x', 'body' => 'y']),
            '303 redirect' => $this->post('/notes', ['title' => 'x', 'body' => 'y', 'csrf_token' => $this->anaToken]),
        ];
        foreach ($responses as $label => $response) {
            $this->assertStringContainsString("default-src 'self'", (string) $response->header('Content-Security-Policy'), "The {$label} response needs Content-Security-Policy with default-src 'self': add the headers in handle(), after routing, so every response gets them.");
            $this->assertSame('nosniff', $response->header('X-Content-Type-Options'), "The {$label} response needs X-Content-Type-Options: nosniff (add it in handle() for every response).");
            $csp = (string) $response->header('Content-Security-Policy');
            foreach (["'unsafe-inline'", "'unsafe-eval'"] as $weakener) {
                $this->assertStringNotContainsString($weakener, $csp, "The {$label} response's Content-Security-Policy allows {$weakener}, which lets an injected script run anyway and undoes the XSS protection: remove it (the app needs no inline script).");
            }
            $this->assertScriptSourcesAreStrict((string) $label, $csp);
            $referrer = array_map('trim', explode(',', strtolower((string) $response->header('Referrer-Policy'))));
            $this->assertContains(end($referrer), ['no-referrer', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin'], "The {$label} response needs a Referrer-Policy that keeps full URLs (with their IDs and tokens) from other sites, e.g. strict-origin-when-cross-origin; unsafe-url and no-referrer-when-downgrade send the full URL.");
            $this->assertNull($response->header('X-Powered-By'), "The {$label} response must not advertise X-Powered-By: remove it in handle().");
        }
    }

    // ---------- A10 Mishandling of Exceptional Conditions ----------

    public function testErrorsAreGenericForClientsAndDetailedInTheLog(): void
    {
        $this->db->exec('DROP TABLE notes'); // force a database exception

        $response = $this->get('/notes');

        $this->assertSame(500, $response->status, 'An unexpected exception must produce a 500.');
        foreach (['SQLSTATE', 'no such table', '#0', '.php', 'PDOException', 'Stack trace'] as $leak) {
            $this->assertStringNotContainsString($leak, $response->body, "The 500 page leaks \"{$leak}\": show a generic message, never the exception, its message or the stack trace.");
        }
        $this->assertStringContainsString("default-src 'self'", (string) $response->header('Content-Security-Policy'), 'Error responses need the security headers too.');
        $this->assertStringContainsString('no such table', implode("\n", $this->logged), 'Send the exception details to the log: call $this->log with the exception as a string.');
        $this->assertStringContainsString('PDOException', implode("\n", $this->logged), 'The log must say which exception it was: pass (string) $e, which holds the class, the message and the stack trace, not only $e->getMessage().');
        $this->assertMatchesRegularExpression('/#\d+ /', implode("\n", $this->logged), 'The log must hold the stack trace (lines such as "#0 ..."), so the error can be found: pass (string) $e, not only $e->getMessage().');
    }

    public function testWithoutALoggerErrorsGoToErrorLog(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'notes-log');
        $previous = ini_set('error_log', $file);
        try {
            $this->db->exec('DROP TABLE notes');
            $response = (new NotesApp($this->db))->handle(new Request('GET', '/notes', [], [], $this->anaSession()));
            $logged = (string) file_get_contents($file);
        } finally {
            ini_set('error_log', (string) $previous);
            unlink($file);
        }
        $this->assertSame(500, $response->status, 'An unexpected exception must produce a 500 even without a logger.');
        $this->assertStringNotContainsString('no such table', $response->body, 'The 500 page must stay generic without a logger too.');
        $this->assertStringContainsString('no such table', $logged, 'When $this->log is null, pass the exception details to error_log() so they are not lost.');
    }

    // ---------- A03 Software Supply Chain Failures ----------

    public function testComposerJsonDoesNotWeakenTheSupplyChain(): void
    {
        $composer = json_decode((string) file_get_contents(__DIR__ . '/../composer.json'), true, 512, JSON_THROW_ON_ERROR);

        foreach (['require', 'require-dev'] as $section) {
            foreach ($composer[$section] ?? [] as $package => $constraint) {
                if ($package === 'php' || str_starts_with($package, 'ext-')) {
                    continue;
                }
                $this->assertDoesNotMatchRegularExpression('/(^|\s|\|)\*($|\s|\|)|dev-|@dev/', $constraint, "composer.json {$section} allows any version of {$package} (\"{$constraint}\"): give it a bounded range such as ^11.5 || ^12.0 || ^13.0, so an update cannot pull in an arbitrary release.");
                foreach (preg_split('/\s*\|\|?\s*/', trim($constraint)) as $alternative) {
                    $this->assertTrue($this->hasUpperBound($alternative), "composer.json {$section} allows {$package} \"{$alternative}\" in \"{$constraint}\", which has no upper bound: every alternative needs one (^, ~, an exact version or a < limit), so one loose alternative cannot let any future major release in.");
                }
            }
        }
        $config = $composer['config'] ?? [];
        $this->assertNotSame(false, $config['secure-http'] ?? true, 'composer.json sets config.secure-http to false, which lets Composer download over plain HTTP: remove it.');
        $this->assertNotSame(true, $config['allow-plugins'] ?? [], 'composer.json sets config.allow-plugins to true, which runs code from every plugin you install: list the plugins you trust in an object instead (an empty {} when you need none).');
        $this->assertContains($composer['minimum-stability'] ?? 'stable', ['stable'], 'composer.json lowers minimum-stability, so dev and alpha releases can be installed: remove it or set it to "stable".');
    }

    // ---------- helpers ----------

    /**
     * The sources that decide where scripts may come from: script-src, or default-src when the
     * policy has no script-src. Each one that lets an attacker's script in fails the test.
     */
    private function assertScriptSourcesAreStrict(string $label, string $csp): void
    {
        $directives = [];
        foreach (explode(';', $csp) as $directive) {
            $tokens = preg_split('/\s+/', strtolower(trim($directive)), -1, PREG_SPLIT_NO_EMPTY);
            if ($tokens !== [] && !isset($directives[$tokens[0]])) {
                $directives[$tokens[0]] = array_slice($tokens, 1); // a browser uses the first of a name
            }
        }
        $name = isset($directives['script-src']) ? 'script-src' : 'default-src';
        $why = [
            '*' => 'any site',
            'data:' => 'data: URLs, which an attacker writes inline',
            'http:' => 'any site over http',
            'https:' => 'any site over https',
            "'unsafe-inline'" => 'inline scripts',
            "'unsafe-eval'" => 'eval()',
        ];
        foreach ($directives[$name] ?? [] as $source) {
            $this->assertArrayNotHasKey($source, $why, "The {$label} response's Content-Security-Policy lets scripts come from "
                . ($why[$source] ?? $source) . " ({$name} {$source}): scripts may come only from 'self', so drop {$source} from {$name}"
                . ($name === 'default-src' ? ' (default-src also rules scripts when there is no script-src)' : '') . '.');
        }
    }

    /** True when a Composer constraint alternative (no "||" in it) caps the versions it allows. */
    private function hasUpperBound(string $alternative): bool
    {
        if (preg_match('/\s-\s/', $alternative) === 1) {
            return true; // a hyphen range such as "11.5 - 12.0"
        }
        foreach (preg_split('/[\s,]+/', $alternative, -1, PREG_SPLIT_NO_EMPTY) as $part) {
            // ^1.2, ~1.2, <2.0, <=2.0, an exact 1.2.3 (or =1.2.3), a 1.2.* wildcard: each caps the range.
            if (preg_match('/^(\^|~|<|=*v?\d+(\.\d+)*(\.[*x])?(-[\w.]+)?(@\w+)?$)/i', $part) === 1) {
                return true;
            }
        }
        return false;
    }

    /** @param array<string, mixed> $query */
    private function get(string $path, array $query = []): Response
    {
        return $this->app->handle(new Request('GET', $path, $query, [], $this->anaSession()));
    }

    private function getAs(int $user, string $path): Response
    {
        return $this->app->handle(new Request('GET', $path, [], [], ['user_id' => $user, 'csrf_token' => 'unused']));
    }

    /** @param array<string, mixed> $form */
    private function post(string $path, array $form): Response
    {
        return $this->app->handle(new Request('POST', $path, [], $form, $this->anaSession()));
    }

    private function createNote(string $title, string $body): int
    {
        return $this->createNoteAs(self::ANA, $title, $body);
    }

    /** Adds a note straight to the database, so the tests vary the data the app sees. */
    private function createNoteAs(int $owner, string $title, string $body): int
    {
        $insert = $this->db->prepare('INSERT INTO notes (owner_id, title, body) VALUES (?, ?, ?)');
        $insert->execute([$owner, $title, $body]);
        return (int) $this->db->lastInsertId();
    }

    /** @return array<string, mixed> */
    private function anaSession(): array
    {
        return ['user_id' => self::ANA, 'csrf_token' => $this->anaToken];
    }

    /** @return list<int> the note IDs linked from a list page, in order */
    private function listedIds(Response $response): array
    {
        preg_match_all('#<li><a href="/notes/(\d+)">#', $response->body, $matches);
        return array_map('intval', $matches[1]);
    }
}
