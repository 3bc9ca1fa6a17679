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
 */
final class NotesAppTest extends TestCase
{
    private const ANA = 1;
    private const BEN = 2;
    private const ANA_TOKEN = 'c5f0e0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789';

    private PDO $db;
    private NotesApp $app;
    /** @var list<string> */
    private array $logged = [];

    protected function setUp(): void
    {
        $this->db = Database::createSeeded();
        $this->app = new NotesApp($this->db, function (string $line): void {
            $this->logged[] = $line;
        });
    }

    // ---------- A05 Injection: SQL ----------

    public function testSearchStillFindsGenuineMatches(): void
    {
        $response = $this->get('/notes', ['q' => 'Shop']);

        $this->assertSame(200, $response->status, 'Searching for "Shop" must work (status 200).');
        $this->assertSame([1], $this->listedIds($response), 'Searching for "Shop" must list only note 1, "Shopping list".');
    }

    public function testSqlInjectionInSearchFindsNothing(): void
    {
        $response = $this->get('/notes', ['q' => "' OR 1=1 --"]);

        $this->assertSame(200, $response->status, "The search term ' OR 1=1 -- must be treated as text, not break the query: bind it as a parameter.");
        $this->assertSame([], $this->listedIds($response), "No title contains ' OR 1=1 --, so the list must be empty. Build the LIKE pattern in PHP and bind it with a prepared statement.");
    }

    public function testSortAcceptsTheAllowlistedValues(): void
    {
        $this->assertSame([2, 1, 3], $this->listedIds($this->get('/notes', ['sort' => 'title'])), 'sort=title must order by title A-Z (Birthday, Shopping, Work).');
        $this->assertSame([1, 2, 3], $this->listedIds($this->get('/notes', ['sort' => 'oldest'])), 'sort=oldest must order by id ascending.');
        $this->assertSame([3, 2, 1], $this->listedIds($this->get('/notes')), 'Without sort, the default order is newest first (id descending).');
    }

    public function testMaliciousSortFallsBackToTheDefaultOrder(): void
    {
        $response = $this->get('/notes', ['sort' => 'title;DROP TABLE notes']);

        $this->assertSame(200, $response->status, 'An unknown sort value must not cause an error: map sort through an allowlist and fall back to the default.');
        $this->assertSame([3, 2, 1], $this->listedIds($response), 'An unknown sort value must fall back to the default order (newest first).');
        $this->assertSame(4, (int) $this->db->query('SELECT COUNT(*) FROM notes')->fetchColumn(), 'The notes table must still exist with its 4 rows.');
    }

    // ---------- A05 Injection: XSS ----------

    public function testNoteContentIsEscapedInHtml(): void
    {
        $created = $this->post('/notes', ['title' => '<img src=x onerror=alert(1)>', 'body' => '<script>alert(1)</script>', 'csrf_token' => self::ANA_TOKEN]);
        $this->assertSame(303, $created->status, 'Creating a note with a valid CSRF token must answer 303.');

        $page = $this->get((string) $created->header('Location'));
        $this->assertStringContainsString('&lt;script&gt;alert(1)&lt;/script&gt;', $page->body, 'Escape the note body with htmlspecialchars(..., ENT_QUOTES | ENT_SUBSTITUTE, \'UTF-8\').');
        $this->assertStringNotContainsString('<script>', $page->body, 'The raw <script> tag must never reach the page.');

        $list = $this->get('/notes');
        $this->assertStringContainsString('&lt;img src=x onerror=alert(1)&gt;', $list->body, 'Escape note titles in the list too.');
        $this->assertStringNotContainsString('<img', $list->body, 'The raw <img> tag must never reach the list page.');
    }

    // ---------- A01 Broken Access Control ----------

    public function testOwnersCanReadTheirOwnNotes(): void
    {
        $response = $this->get('/notes/1');

        $this->assertSame(200, $response->status, 'Ana must still be able to read her own note 1.');
        $this->assertStringContainsString('Shopping list', $response->body, 'Note 1 must show its title.');
    }

    public function testSomeoneElsesNoteIsA404(): void
    {
        $othersNote = $this->get('/notes/4');
        $missingNote = $this->get('/notes/999');

        $this->assertSame(404, $othersNote->status, "Ana asking for Ben's note 4 must get 404: add the owner to the WHERE clause (not 200, and not 403, which leaks that it exists).");
        $this->assertStringNotContainsString('diary', $othersNote->body, "Nothing of Ben's note may appear in the response.");
        $this->assertSame($missingNote->body, $othersNote->body, "Someone else's note must look exactly like a note that does not exist.");
    }

    public function testStateChangingPostWithoutValidCsrfTokenIs403(): void
    {
        $missing = $this->post('/notes', ['title' => 'Forged', 'body' => 'from evil.example']);
        $wrong = $this->post('/notes', ['title' => 'Forged', 'body' => 'from evil.example', 'csrf_token' => 'guess']);

        $this->assertSame(403, $missing->status, 'POST /notes without csrf_token must get 403.');
        $this->assertSame(403, $wrong->status, 'POST /notes with a csrf_token that does not match the session must get 403 (compare with hash_equals()).');
        $this->assertSame(4, (int) $this->db->query('SELECT COUNT(*) FROM notes')->fetchColumn(), 'A rejected POST must not create a note.');
    }

    public function testPostWithValidCsrfTokenCreatesTheNote(): void
    {
        $response = $this->post('/notes', ['title' => 'Call the bank', 'body' => 'Before Friday', 'csrf_token' => self::ANA_TOKEN]);

        $this->assertSame(303, $response->status, 'A POST with the session\'s csrf_token must create the note and answer 303.');
        $this->assertSame('/notes/5', $response->header('Location'), 'The 303 must point to the new note.');
    }

    // ---------- A02 Security Misconfiguration ----------

    public function testEveryResponseCarriesSecurityHeaders(): void
    {
        $responses = [
            '200 list' => $this->get('/notes'),
            '404' => $this->get('/notes/999'),
            '401' => $this->app->handle(new Request('GET', '/notes')),
        ];
        foreach ($responses as $label => $response) {
            $this->assertStringContainsString("default-src 'self'", (string) $response->header('Content-Security-Policy'), "The {$label} response needs Content-Security-Policy with default-src 'self'.");
            $this->assertSame('nosniff', $response->header('X-Content-Type-Options'), "The {$label} response needs X-Content-Type-Options: nosniff.");
            $this->assertNotEmpty($response->header('Referrer-Policy'), "The {$label} response needs a Referrer-Policy header, e.g. strict-origin-when-cross-origin.");
            $this->assertNull($response->header('X-Powered-By'), "The {$label} response must not advertise X-Powered-By.");
        }
    }

    // ---------- A10 Mishandling of Exceptional Conditions ----------

    public function testErrorsAreGenericForClientsAndDetailedInTheLog(): void
    {
        $this->db->exec('DROP TABLE notes'); // force a database exception

        $response = $this->get('/notes');

        $this->assertSame(500, $response->status, 'An unexpected exception must produce a 500.');
        foreach (['SQLSTATE', 'no such table', '#0', '.php', 'PDOException'] as $leak) {
            $this->assertStringNotContainsString($leak, $response->body, "The 500 page leaks \"{$leak}\": show a generic message, never the exception or stack trace.");
        }
        $this->assertStringContainsString("default-src 'self'", (string) $response->header('Content-Security-Policy'), 'Error responses need the security headers too.');
        $this->assertStringContainsString('no such table', implode("\n", $this->logged), 'Send the exception details to the log: call $this->log with the exception as a string.');
    }

    // ---------- helpers ----------

    /** @param array<string, string> $query */
    private function get(string $path, array $query = []): Response
    {
        return $this->app->handle(new Request('GET', $path, $query, [], $this->anaSession()));
    }

    /** @param array<string, string> $form */
    private function post(string $path, array $form): Response
    {
        return $this->app->handle(new Request('POST', $path, [], $form, $this->anaSession()));
    }

    /** @return array<string, mixed> */
    private function anaSession(): array
    {
        return ['user_id' => self::ANA, 'csrf_token' => self::ANA_TOKEN];
    }

    /** @return list<int> the note IDs linked from a list page, in order */
    private function listedIds(Response $response): array
    {
        preg_match_all('#<li><a href="/notes/(\d+)">#', $response->body, $matches);
        return array_map('intval', $matches[1]);
    }
}
