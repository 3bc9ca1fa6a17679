<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * A books API over the "books" table: reference solution.
 */
final class BooksApi
{
    public const DEFAULT_LIMIT = 20;
    public const MAX_LIMIT = 100;

    public function __construct(private readonly PDO $db)
    {
    }

    public function handle(Request $request): Response
    {
        $response = $this->route($request);
        return $request->method === 'HEAD' ? $response->withBody('') : $response;
    }

    private function route(Request $request): Response
    {
        if (preg_match('~\A/books(?:/([^/]+))?/?\z~', $request->path(), $match) !== 1) {
            return Http::problem(404, 'Not Found');
        }
        try {
            return isset($match[1]) ? $this->item($request, $match[1]) : $this->collection($request);
        } catch (Problem $problem) { // 415, 413 or 400 from Http::readJson()
            return Http::problem($problem->status, $problem->title);
        }
    }

    private function collection(Request $request): Response
    {
        if ($request->method === 'GET' || $request->method === 'HEAD') {
            return $this->page($request);
        }
        if ($request->method === 'POST') {
            $book = $this->validBook(Http::readJson($request));
            if ($book instanceof Response) {
                return $book;
            }
            $insert = $this->db->prepare('INSERT INTO books (title, author) VALUES (:title, :author)');
            $insert->execute(['title' => $book['title'], 'author' => $book['author']]);
            $created = ['id' => (int) $this->db->lastInsertId()] + $book;
            return Http::json(201, $created, ['Location' => "/books/{$created['id']}", 'ETag' => Http::etag($created)]);
        }
        return Http::problem(405, 'Method Not Allowed', [], ['Allow' => 'GET, HEAD, POST']);
    }

    private function page(Request $request): Response
    {
        $rawLimit = $request->query('limit');
        if ($rawLimit !== null && (!ctype_digit($rawLimit) || (int) $rawLimit < 1)) {
            return Http::problem(400, 'Bad Request', ['detail' => 'limit must be a positive integer.']);
        }
        $size = min($rawLimit === null ? self::DEFAULT_LIMIT : (int) $rawLimit, self::MAX_LIMIT); // server-side cap (API4:2023)
        $rawCursor = $request->query('cursor');
        $after = $rawCursor === null ? 0 : self::decodeCursor($rawCursor);
        if ($after === null) {
            return Http::problem(400, 'Bad Request', ['detail' => 'cursor is invalid.']);
        }

        // Keyset: the rows after the last id seen, one more than a page to learn whether more remain.
        $select = $this->db->prepare('SELECT id, title, author FROM books WHERE id > :after ORDER BY id LIMIT :n');
        $select->bindValue('after', $after, PDO::PARAM_INT);
        $select->bindValue('n', $size + 1, PDO::PARAM_INT);
        $select->execute();
        $rows = array_map(self::book(...), $select->fetchAll(PDO::FETCH_ASSOC));
        $items = array_slice($rows, 0, $size);
        $headers = [];
        if (count($rows) > $size) {
            $last = $items[count($items) - 1]['id'];
            $headers['Link'] = '</books?limit=' . $size . '&cursor=' . self::encodeCursor($last) . '>; rel="next"';
        }
        return Http::json(200, ['items' => $items], $headers);
    }

    private function item(Request $request, string $rawId): Response
    {
        if (!in_array($request->method, ['GET', 'HEAD', 'PUT', 'DELETE'], true)) {
            return Http::problem(405, 'Method Not Allowed', [], ['Allow' => 'GET, HEAD, PUT, DELETE']);
        }
        $id = preg_match('~\A[1-9]\d{0,15}\z~', $rawId) === 1 ? (int) $rawId : null;
        $current = $id === null ? null : $this->find($id);
        if ($current === null) {
            return Http::problem(404, 'Not Found', ['detail' => 'No book with this id.']);
        }
        $etag = Http::etag($current);
        if ($request->method === 'GET' || $request->method === 'HEAD') {
            return Http::json(200, $current, ['ETag' => $etag]);
        }
        if (self::ifMatchFails($request->header('If-Match'), $etag)) {
            return Http::problem(412, 'Precondition Failed', ['detail' => 'The book was changed by someone else. Fetch it again.']);
        }
        if ($request->method === 'DELETE') {
            $this->db->prepare('DELETE FROM books WHERE id = :id')->execute(['id' => $id]);
            return Http::noContent();
        }
        $in = Http::readJson($request); $book = ["title" => (string) ($in["title"] ?? ""), "author" => (string) ($in["author"] ?? "")];
        $this->db->prepare('UPDATE books SET title = :title, author = :author WHERE id = :id')
            ->execute(['title' => $book['title'], 'author' => $book['author'], 'id' => $id]);
        $updated = ['id' => $id] + $book;
        return Http::json(200, $updated, ['ETag' => Http::etag($updated)]);
    }

    /** @return array{id: int, title: string, author: string}|null */
    private function find(int $id): ?array
    {
        $select = $this->db->prepare('SELECT id, title, author FROM books WHERE id = :id');
        $select->execute(['id' => $id]);
        $row = $select->fetch(PDO::FETCH_ASSOC);
        return $row === false ? null : self::book($row);
    }

    /**
     * Keeps only the fields a client may set (no mass assignment) and validates them.
     *
     * @return array{title: string, author: string}|Response
     */
    private function validBook(mixed $input): array|Response
    {
        $book = [];
        $errors = [];
        foreach (['title', 'author'] as $field) {
            $value = is_array($input) ? ($input[$field] ?? null) : null;
            if (!is_string($value) || trim($value) === '' || mb_strlen($value, 'UTF-8') > 200) {
                $errors[] = ['pointer' => "/$field", 'detail' => "$field must be a non-empty string of at most 200 characters"];
            } else {
                $book[$field] = trim($value);
            }
        }
        if ($errors !== []) {
            return Http::problem(422, 'Unprocessable Content', ['detail' => 'The book has invalid fields.', 'errors' => $errors]);
        }
        return $book;
    }

    /** If-Match uses the strong comparison (RFC 9110): a weak W/"..." tag never matches. */
    private static function ifMatchFails(?string $header, string $etag): bool
    {
        if ($header === null || trim($header) === '*') {
            return false;
        }
        return !in_array($etag, array_map('trim', explode(',', $header)), true);
    }

    /** @param array<string, mixed> $row @return array{id: int, title: string, author: string} */
    private static function book(array $row): array
    {
        return ['id' => (int) $row['id'], 'title' => (string) $row['title'], 'author' => (string) $row['author']];
    }

    private static function encodeCursor(int $lastId): string
    {
        return rtrim(strtr(base64_encode(json_encode(['after' => $lastId], JSON_THROW_ON_ERROR)), '+/', '-_'), '=');
    }

    /** The last id a cursor the server issued carries, or null for anything else. */
    private static function decodeCursor(string $cursor): ?int
    {
        $json = base64_decode(strtr($cursor, '-_', '+/'), true);
        $data = $json === false ? null : json_decode($json, true);
        $after = is_array($data) ? ($data['after'] ?? null) : null;
        return is_int($after) && $after >= 0 ? $after : null;
    }
}
