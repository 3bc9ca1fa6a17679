<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\BooksApi;
use Exercise\Request;
use Exercise\Response;
use Exercise\Schema;
use PDO;
use PHPUnit\Framework\TestCase;

final class BooksApiTest extends TestCase
{
    private const JSON = ['Content-Type' => 'application/json'];

    private PDO $db;
    private BooksApi $api;

    protected function setUp(): void
    {
        $this->db = new PDO('sqlite::memory:');
        Schema::create($this->db);
        $this->api = new BooksApi($this->db);
    }

    /** @param array<string, string> $headers */
    private function send(string $method, string $target, array $headers = [], string $body = ''): Response
    {
        return $this->api->handle(new Request($method, $target, $headers, $body));
    }

    /** @param array<string, mixed> $book @param array<string, string> $headers */
    private function sendJson(string $method, string $target, array $book, array $headers = []): Response
    {
        return $this->send($method, $target, self::JSON + $headers, json_encode($book, JSON_UNESCAPED_UNICODE));
    }

    /** @return array<mixed> */
    private function body(Response $response, string $what): array
    {
        $data = json_decode($response->body, true);
        $this->assertIsArray($data, "$what must answer with a JSON body, got: " . substr($response->body, 0, 120));
        return $data;
    }

    /** @return array<string, string> */
    private static function newBook(int|string $i): array
    {
        return ['title' => "Book $i", 'author' => "Author $i"];
    }

    /** @param array<string, mixed> $book @return array<string, mixed> */
    private function create(array $book): array
    {
        $response = $this->sendJson('POST', '/books', $book);
        $this->assertSame(201, $response->status, 'POST /books with a valid book must answer 201 Created.');
        return $this->body($response, 'POST /books');
    }

    private function seed(int $n): void
    {
        for ($i = 1; $i <= $n; $i++) {
            $this->create(self::newBook($i));
        }
    }

    private static function nextLink(Response $response): ?string
    {
        return preg_match('/<([^>]+)>\s*;\s*rel="?next"?/', (string) $response->header('Link'), $m) === 1 ? $m[1] : null;
    }

    private function assertProblem(Response $response, int $status, string $what): void
    {
        $this->assertSame($status, $response->status, "$what must answer $status.");
        $this->assertMatchesRegularExpression('~\Aapplication/problem\+json~i', (string) $response->header('Content-Type'), "$what: every error must use Content-Type: application/problem+json (Http::problem()), not an empty or plain-text body.");
        $problem = json_decode($response->body, true);
        $this->assertTrue(is_array($problem) && ($problem['status'] ?? null) === $status && is_string($problem['title'] ?? null), "$what: the problem body must be JSON with \"title\" and \"status\": $status (RFC 9457).");
    }

    /**
     * Follows rel="next" from /books?limit=$limit to the end; $onPage runs after each page.
     *
     * @return list<array<string, mixed>>
     */
    private function walk(int $limit, ?\Closure $onPage = null): array
    {
        $seen = [];
        $url = "/books?limit=$limit";
        for ($page = 0; $url !== null; $page++) {
            $this->assertLessThan(60, $page, 'Pagination must end: the last page must not send rel="next".');
            $response = $this->send('GET', $url);
            $this->assertSame(200, $response->status, "Following the next link must answer 200 ($url).");
            $items = $this->body($response, "GET $url")['items'] ?? null;
            $this->assertIsArray($items, "GET $url must answer {\"items\": [...]}.");
            array_push($seen, ...$items);
            $link = self::nextLink($response);
            if ($onPage !== null) {
                $onPage($page, $items, $link);
            }
            $url = $link;
        }
        return $seen;
    }

    public function testPostAnswers201WithLocationAndTheNewId(): void
    {
        $response = $this->sendJson('POST', '/books', self::newBook(1));
        $this->assertSame(201, $response->status, 'Creating a book must answer 201 Created.');
        $body = $this->body($response, 'POST /books');
        $this->assertArrayHasKey('id', $body, 'The 201 body must contain the new book with its "id".');
        $this->assertSame("/books/{$body['id']}", $response->header('Location'), 'A 201 must carry Location: /books/<id>.');
        $read = $this->send('GET', (string) $response->header('Location'));
        $this->assertSame(200, $read->status, 'GET on the Location URL must find the new book.');
        $this->assertSame($body, $this->body($read, 'GET /books/<id>'), 'GET /books/<id> must return the same representation as the 201.');
        $this->assertSame(['id' => $body['id'], 'title' => 'Book 1', 'author' => 'Author 1'], $body, 'A book is exactly {"id", "title", "author"}.');
    }

    public function testPostWithInvalidFieldsAnswers422ProblemDetails(): void
    {
        $response = $this->sendJson('POST', '/books', ['title' => '']);
        $this->assertProblem($response, 422, 'Well-formed JSON with invalid values');
        $errors = $this->body($response, 'The 422')['errors'] ?? null;
        $this->assertTrue(is_array($errors) && $errors !== [], 'A 422 problem must list the invalid fields in "errors".');
        $this->assertSame(0, (int) $this->db->query('SELECT COUNT(*) FROM books')->fetchColumn(), 'A rejected POST must not store anything.');
    }

    public function testTitleLengthCountsCharactersNotBytes(): void
    {
        $title = str_repeat('é', 200); // 200 characters, 400 bytes
        $response = $this->sendJson('POST', '/books', ['title' => $title, 'author' => 'Zoë']);
        $this->assertSame(201, $response->status, 'A title of 200 characters ("é" is 2 bytes each) is within the limit: count characters with mb_strlen(), not bytes with strlen().');
        $this->assertSame($title, $this->body($response, 'POST /books')['title'] ?? null, 'The stored title must be the one sent.');
        $this->assertSame(422, $this->sendJson('POST', '/books', ['title' => $title . 'é', 'author' => 'Zoë'])->status, 'A title of 201 characters must answer 422.');
    }

    public function testAuthorFollowsTheSameRulesAsTitle(): void
    {
        $author = str_repeat('ü', 200); // 200 characters, 400 bytes
        $this->assertSame(201, $this->sendJson('POST', '/books', ['title' => 'T', 'author' => $author])->status, 'An author of 200 characters is within the limit (mb_strlen(), not strlen()).');
        foreach ([str_repeat('a', 201), '', " \t "] as $bad) {
            $response = $this->sendJson('POST', '/books', ['title' => 'T', 'author' => $bad]);
            $this->assertProblem($response, 422, 'POST /books with the author ' . json_encode(substr($bad, 0, 12)) . '... (title AND author are non-blank strings of at most 200 characters: check both fields with the same rules)');
            $errors = $this->body($response, 'The 422')['errors'] ?? null;
            $this->assertTrue(is_array($errors) && count($errors) === 1 && str_contains((string) json_encode($errors), 'author'), 'The 422 "errors" array must name exactly the one invalid field, here author.');
        }
    }

    public function testPutReplacesTheWholeBookAndValidatesItLikePost(): void
    {
        $id = $this->create(['title' => 'Original', 'author' => 'Keeper'])['id'];
        $before = $this->send('GET', "/books/$id");
        $invalid = [['title' => 'Only a title'], ['author' => 'Only an author'], ['title' => '  ', 'author' => 'A'], ['title' => 'T', 'author' => str_repeat('x', 201)], ['title' => str_repeat('x', 201), 'author' => 'A'], ['title' => 7, 'author' => 'A']];
        foreach ($invalid as $book) {
            $response = $this->sendJson('PUT', "/books/$id", $book);
            $this->assertProblem($response, 422, 'PUT /books/<id> with ' . substr((string) json_encode($book), 0, 50) . ' (PUT replaces the whole book: both fields are required and follow the same rules as POST; a missing field is not "keep the old value", that would be PATCH)');
        }
        $after = $this->send('GET', "/books/$id");
        $this->assertSame($this->body($before, 'GET /books/<id>'), $this->body($after, 'GET /books/<id>'), 'A PUT answered with 422 must not change the stored book.');
        $this->assertSame($before->header('ETag'), $after->header('ETag'), 'A PUT answered with 422 must not change the ETag.');
    }

    public function testListsReturn20ItemsByDefaultAndClampLimitTo100(): void
    {
        $this->seed(130);
        $response = $this->send('GET', '/books');
        $this->assertSame(200, $response->status, 'GET /books must answer 200.');
        $this->assertCount(20, $this->body($response, 'GET /books')['items'] ?? [], 'Without ?limit the list must return 20 items in "items".');
        $this->assertCount(100, $this->body($this->send('GET', '/books?limit=1000'), 'GET /books?limit=1000')['items'] ?? [], '?limit=1000 must be clamped to the server maximum of 100.');
        $this->assertCount(7, $this->body($this->send('GET', '/books?limit=7'), 'GET /books?limit=7')['items'] ?? [], '?limit=7 must return 7 items.');
    }

    public function testCursorPaginationVisitsEveryItemExactlyOnceEvenWithInsertsMidWalk(): void
    {
        mt_srand(11);
        $total = mt_rand(41, 59);
        $this->seed($total);
        $seen = $this->walk(20, function (int $page, array $items, ?string $link): void {
            if ($page === 0) {
                $this->assertNotNull($link, 'A page with more items after it must send Link: <...>; rel="next".');
                $this->create(['title' => 'Inserted mid-walk', 'author' => 'Late']);
            }
        });
        $titles = array_column($seen, 'title');
        for ($i = 1; $i <= $total; $i++) {
            $this->assertSame(1, count(array_keys($titles, "Book $i", true)), "\"Book $i\" must be visited exactly once.");
        }
        $this->assertSame(count($titles), count(array_unique($titles)), 'No item may appear twice while walking the cursors.');
    }

    public function testUnknownIdsAnswer404AsProblemDetails(): void
    {
        $this->seed(2);
        foreach (['/books/does-not-exist', '/books/999', '/books/0', '/books/1.0', '/books/-1'] as $path) {
            $this->assertProblem($this->send('GET', $path), 404, "GET $path");
        }
    }

    public function testDeleteAnswers204WithoutContentThen404(): void
    {
        $id = $this->create(self::newBook(1))['id'];
        $response = $this->send('DELETE', "/books/$id");
        $this->assertSame(204, $response->status, 'A successful DELETE must answer 204 No Content.');
        $this->assertSame('', $response->body, 'A 204 response must have an empty body.');
        $this->assertSame(404, $this->send('DELETE', "/books/$id")->status, 'Deleting the same book again must answer 404.');
    }

    public function testTwoIdenticalPutsLeaveIdenticalState(): void
    {
        $id = $this->create(self::newBook(1))['id'];
        $put = fn (): Response => $this->sendJson('PUT', "/books/$id", ['title' => 'Dune', 'author' => 'Frank Herbert']);
        $this->assertSame(200, $put()->status, 'PUT on an existing book must answer 200 with the new representation.');
        $afterFirst = $this->send('GET', "/books/$id");
        $stateA = $this->body($afterFirst, 'GET /books/<id>');
        $put();
        $afterSecond = $this->send('GET', "/books/$id");
        $this->assertSame($stateA, $this->body($afterSecond, 'GET /books/<id>'), 'Repeating the same PUT must not change the state.');
        $this->assertSame($afterFirst->header('ETag'), $afterSecond->header('ETag'), 'The same representation must keep the same ETag.');
        $this->assertSame('Dune', $stateA['title'] ?? null, 'PUT must replace the stored fields.');
    }

    public function testPutWithAStaleIfMatchAnswers412AndKeepsTheData(): void
    {
        $id = $this->create(self::newBook(1))['id'];
        $etag = $this->send('GET', "/books/$id")->header('ETag');
        $this->assertNotNull($etag, 'GET /books/<id> must send an ETag header.');
        $edit = fn (string $title): Response => $this->sendJson('PUT', "/books/$id", ['title' => $title, 'author' => 'A'], ['If-Match' => (string) $etag]);
        $this->assertSame(200, $edit('First editor wins')->status, 'A PUT whose If-Match equals the current ETag must succeed.');
        $this->assertProblem($edit('Second editor overwrites?'), 412, 'A PUT with an If-Match that no longer matches');
        $this->assertSame('First editor wins', $this->body($this->send('GET', "/books/$id"), 'GET /books/<id>')['title'] ?? null, 'A rejected (412) PUT must not change the stored book.');
    }

    public function testUnsupportedMethodsAnswer405WithAllow(): void
    {
        $response = $this->send('PATCH', '/books', self::JSON, '{}');
        $this->assertProblem($response, 405, 'PATCH /books');
        $allow = array_map(static fn (string $m): string => strtoupper(trim($m)), explode(',', (string) $response->header('Allow')));
        $this->assertTrue(in_array('GET', $allow, true) && in_array('POST', $allow, true), '405 on /books must send Allow: GET, POST.');
    }

    public function testCursorsAreKeysetsNotOffsetsDeletingASeenItemMidWalkSkipsNothing(): void
    {
        $this->seed(30);
        $deleted = [];
        $seen = $this->walk(10, function (int $page, array $items) use (&$deleted): void {
            if ($page === 0 || $page === 1) { // delete two items the client has already seen
                $victim = $items[3]['id'];
                $this->assertSame(204, $this->send('DELETE', "/books/$victim")->status, 'DELETE of an existing book must answer 204.');
                $deleted[] = $victim;
            }
        });
        $ids = array_column($seen, 'id');
        $all = $this->walk(100);
        foreach ($all as $book) {
            $this->assertContains($book['id'], $ids, "\"{$book['title']}\" was skipped after earlier items were deleted: the cursor must remember the last id seen (WHERE id > :last) instead of an offset into the list.");
        }
        $this->assertSame(count($ids), count(array_unique($ids)), 'No item may appear twice while walking the cursors.');
        $this->assertCount(30 - count($deleted), $all, 'The list must no longer contain deleted books.');
    }

    public function testTheNextLinkKeepsTheRequestedLimitAndStopsExactlyAtTheEnd(): void
    {
        mt_srand(21);
        $limit = mt_rand(3, 9);
        $this->seed(3 * $limit); // 3 full pages: the last full page must not link to an empty page
        $sizes = [];
        $seen = $this->walk($limit, function (int $page, array $items, ?string $link) use (&$sizes, $limit): void {
            $sizes[] = count($items);
            if ($link !== null) {
                $this->assertMatchesRegularExpression("/[?&]limit=$limit(&|$)/", $link, "The next link must keep the client's limit (limit=$limit), not the default.");
            }
        });
        $this->assertSame([$limit, $limit, $limit], $sizes, "With " . (3 * $limit) . " books and limit=$limit the walk must be exactly three pages: send rel=\"next\" only when another item exists, for example by fetching limit + 1 rows.");
        $ids = array_column($seen, 'id');
        $sorted = $ids;
        sort($sorted);
        $this->assertSame($sorted, $ids, 'Pages must be in id order.');
    }

    public function testInvalidCursorsAndLimitsAnswer400ProblemDetails(): void
    {
        $this->seed(5);
        $b64 = static fn (string $s): string => rtrim(strtr(base64_encode($s), '+/', '-_'), '=');
        $bad = ['cursor=not-a-cursor!!', 'cursor=' . $b64('{"after":"1 OR 1=1"}'), 'cursor=' . $b64('[]'), 'cursor=' . $b64('{"after":-3}'), 'cursor=', 'limit=0', 'limit=-5', 'limit=ten', 'limit=2.5', 'limit='];
        foreach ($bad as $query) {
            $this->assertProblem($this->send('GET', "/books?$query"), 400, "GET /books?$query (a cursor the server did not issue or a limit that is not a positive integer is a client error, never \"start from the beginning\")");
        }
    }

    public function testClientsCannotChooseIdsAndUnknownItemsAndMethodsGetPreciseAnswers(): void
    {
        $created = $this->create(['id' => 777, 'title' => 'Mine', 'author' => 'Me', 'admin' => true]);
        $this->assertNotSame(777, $created['id'] ?? null, 'The server assigns ids: ignore an "id" in the POST body.');
        $this->assertArrayNotHasKey('admin', $created, 'Accept only title and author: unknown fields must not be stored.');
        $this->assertSame(404, $this->send('GET', '/books/777')->status, 'No book may exist under an id the client chose.');

        $response = $this->sendJson('PUT', "/books/{$created['id']}", ['id' => 5, 'title' => 'Renamed', 'author' => 'Me']);
        $this->assertSame(200, $response->status, 'PUT with valid fields must answer 200.');
        $this->assertSame($created['id'], $this->body($response, 'PUT /books/<id>')['id'] ?? null, 'PUT must keep the id from the URL, whatever the body says.');

        $response = $this->send('POST', "/books/{$created['id']}", self::JSON, '{}');
        $this->assertProblem($response, 405, 'POST /books/<id>');
        $allow = array_map(static fn (string $m): string => strtoupper(trim($m)), explode(',', (string) $response->header('Allow')));
        foreach (['GET', 'PUT', 'DELETE'] as $method) {
            $this->assertContains($method, $allow, '405 on /books/<id> must send Allow: GET, HEAD, PUT, DELETE.');
        }

        foreach ([['title' => str_repeat('x', 201), 'author' => 'A'], ['title' => 'T', 'author' => 42], ['title' => 'T'], ['title' => '   ', 'author' => 'A']] as $invalid) {
            $response = $this->sendJson('POST', '/books', $invalid);
            $this->assertSame(422, $response->status, 'POST ' . substr((string) json_encode($invalid), 0, 40) . '... must answer 422: title and author are non-blank strings of 1 to 200 characters.');
            $errors = $this->body($response, 'The 422')['errors'] ?? null;
            $this->assertTrue(is_array($errors) && count($errors) === 1, 'The 422 "errors" array must name exactly the one invalid field.');
        }
    }

    public function testIfMatchUsesStrongComparisonAndGuardsDeleteToo(): void
    {
        $id = $this->create(self::newBook(1))['id'];
        $etag = (string) $this->send('GET', "/books/$id")->header('ETag');

        $weak = $this->sendJson('PUT', "/books/$id", ['title' => 'Weak', 'author' => 'A'], ['If-Match' => "W/$etag"]);
        $this->assertSame(412, $weak->status, 'If-Match compares strongly (RFC 9110 §13.1.1): a weak W/"..." tag never matches, answer 412.');
        $listed = $this->sendJson('PUT', "/books/$id", ['title' => 'Listed', 'author' => 'A'], ['If-Match' => "\"other\", $etag"]);
        $this->assertSame(200, $listed->status, 'If-Match may list several tags: succeed when one of them is the current ETag.');

        $this->assertSame(412, $this->send('DELETE', "/books/$id", ['If-Match' => $etag])->status, 'A DELETE whose If-Match is stale (the book changed) must answer 412, not delete.');
        $response = $this->send('GET', "/books/$id");
        $this->assertSame(200, $response->status, 'A rejected (412) DELETE must leave the book in place.');
        $current = (string) $response->header('ETag');
        $this->assertNotSame($etag, $current, 'A changed representation must get a new ETag.');
        $this->assertSame(204, $this->send('DELETE', "/books/$id", ['If-Match' => $current])->status, 'A DELETE with the current ETag in If-Match must succeed with 204.');
    }

    public function testEveryErrorIsRfc9457ProblemDetailsWithTheMatchingStatus(): void
    {
        $id = $this->create(self::newBook(1))['id'];
        $etag = (string) $this->send('GET', "/books/$id")->header('ETag');
        $cases = [
            ['GET /books/999', 404, 'GET', '/books/999', [], ''],
            ['GET /nothing-here', 404, 'GET', '/nothing-here', [], ''],
            ['PATCH /books', 405, 'PATCH', '/books', self::JSON, '{}'],
            ["POST /books/$id", 405, 'POST', "/books/$id", self::JSON, '{}'],
            ['POST /books with Content-Type text/plain (only application/json bodies are accepted: use Http::readJson())', 415, 'POST', '/books', ['Content-Type' => 'text/plain'], (string) json_encode(self::newBook(2))],
            ['POST /books with malformed JSON (a body that is not valid JSON is a 400 Bad Request, invalid values in valid JSON are 422)', 400, 'POST', '/books', self::JSON, '{"title": "Dune",'],
            ['PUT with malformed JSON', 400, 'PUT', "/books/$id", self::JSON, '{"title"'],
            ['PUT with a stale If-Match', 412, 'PUT', "/books/$id", self::JSON + ['If-Match' => '"stale"'], (string) json_encode(self::newBook(3))],
        ];
        foreach ($cases as [$what, $status, $method, $target, $headers, $body]) {
            $this->assertProblem($this->send($method, $target, $headers, $body), $status, $what);
        }
        $mixedCase = $this->send('POST', '/books', ['Content-Type' => 'Application/JSON; charset=utf-8'], (string) json_encode(self::newBook(4)));
        $this->assertSame(201, $mixedCase->status, 'Media types are case-insensitive: Application/JSON; charset=utf-8 is JSON, answer 201.');
        $this->assertSame($etag, $this->send('GET', "/books/$id")->header('ETag'), 'A request answered with an error must not change the book.');
    }

    public function testEtagsAreStrongAndChangeWheneverAnyFieldChanges(): void
    {
        $id = $this->create(self::newBook(1))['id'];
        $etag = (string) $this->send('GET', "/books/$id")->header('ETag');
        $this->assertMatchesRegularExpression('/\A"[^"]*"\z/', $etag, "GET /books/<id> sent ETag $etag: send a strong tag (\"...\"), because If-Match compares strongly and a weak W/ tag could never match.");
        $response = $this->sendJson('PUT', "/books/$id", ['title' => 'Book 1', 'author' => 'Someone Else'], ['If-Match' => $etag]);
        $this->assertSame(200, $response->status, 'A PUT with the current ETag must succeed.');
        $this->assertNotSame($etag, $response->header('ETag') ?? $etag, 'Changing only the author kept the same ETag: compute the tag from the whole representation (every field), e.g. Http::etag($book).');
        $this->assertSame(412, $this->sendJson('PUT', "/books/$id", ['title' => 'Book 1', 'author' => 'Lost update'], ['If-Match' => $etag])->status, 'The author changed, so the old ETag is stale: If-Match with it must answer 412.');
    }

    public function testPagesStayInIdOrderAfterBooksAreReplaced(): void
    {
        $this->seed(12);
        foreach ([2, 5] as $id) { // replace two early books: they keep their ids and their place
            $this->assertSame(200, $this->sendJson('PUT', "/books/$id", ['title' => "Edited $id", 'author' => 'E'])->status, "PUT /books/$id must answer 200.");
        }
        $ids = array_column($this->walk(4), 'id');
        $this->assertSame(range(1, 12), $ids, 'After PUT on books 2 and 5 the walk returned ids ' . json_encode($ids) . ': update the row in place (UPDATE ... WHERE id) and page ORDER BY id, so "every id after the cursor" never skips a replaced book.');
    }

    public function testTwoWorkersOnOneDatabaseCannotLoseAnUpdate(): void
    {
        // Two PHP-FPM workers: two processes, two connections, one database file. Whatever one
        // worker remembers in memory, the other never sees; only the database is shared.
        $file = tempnam(sys_get_temp_dir(), 'books-');
        try {
            $workers = [];
            foreach ([0, 1] as $i) {
                $db = new PDO('sqlite:' . $file);
                Schema::create($db);
                $workers[$i] = new BooksApi($db);
            }
            [$alice, $bob] = $workers;
            $json = static fn (array $book): string => (string) json_encode($book);
            $created = $alice->handle(new Request('POST', '/books', self::JSON, $json(['title' => 'Dune', 'author' => 'Frank Herbert'])));
            $this->assertSame(201, $created->status, 'POST /books must answer 201.');
            $id = json_decode($created->body, true)['id'] ?? null;
            $aliceCopy = $alice->handle(new Request('GET', "/books/$id"));
            $bobCopy = $bob->handle(new Request('GET', "/books/$id"));
            $this->assertSame(200, $bobCopy->status, 'A book created by one worker must be found by the other: keep the books in the database, not in the object.');
            $this->assertSame($aliceCopy->header('ETag'), $bobCopy->header('ETag'), 'Both workers must compute the same ETag for the same row.');

            $bobSaves = $bob->handle(new Request('PUT', "/books/$id", self::JSON + ['If-Match' => (string) $bobCopy->header('ETag')], $json(['title' => 'Dune', 'author' => 'F. Herbert'])));
            $this->assertSame(200, $bobSaves->status, "Bob's PUT with the current ETag must succeed.");
            $aliceSaves = $alice->handle(new Request('PUT', "/books/$id", self::JSON + ['If-Match' => (string) $aliceCopy->header('ETag')], $json(['title' => 'Dune Messiah', 'author' => 'Frank Herbert'])));
            $this->assertSame(412, $aliceSaves->status, "Alice's PUT carries the ETag of the version Bob has since replaced: it must answer 412 (a lost update otherwise). Compare If-Match with the ETag of the row as it is in the database NOW, never with a copy this worker remembered.");
            $now = json_decode($bob->handle(new Request('GET', "/books/$id"))->body, true);
            $this->assertSame('F. Herbert', $now['author'] ?? null, "The rejected PUT must leave Bob's version in place.");
        } finally {
            unset($workers, $alice, $bob, $db);
            @unlink($file);
        }
    }

    public function testHeadOnABookSendsTheHeadersOfGetWithoutABody(): void
    {
        $id = $this->create(self::newBook(1))['id'];
        $get = $this->send('GET', "/books/$id");
        $head = $this->send('HEAD', "/books/$id");
        $this->assertSame(200, $head->status, 'HEAD /books/<id> must answer 200 like GET.');
        $this->assertSame($get->header('ETag'), $head->header('ETag'), 'HEAD must send the ETag GET sends, so a client can check for changes cheaply.');
        $this->assertSame('', $head->body, 'A HEAD response has no body.');
    }
}
