<?php

declare(strict_types=1);

namespace Exercise;

use Closure;
use PDO;
use Throwable;

/**
 * A tiny Notes app, fixed.
 *
 * Routes (every route needs a logged-in user: $request->session['user_id']):
 *   GET  /notes?q=...&sort=newest|oldest|title   list and search your notes
 *   GET  /notes/{id}                             show one note
 *   POST /notes  (form: title, body, csrf_token) create a note, then 303 to it
 */
final class NotesApp
{
    /** Allowlist: user input picks a key, only these fragments ever reach ORDER BY. */
    private const SORTS = [
        'newest' => 'id DESC',
        'oldest' => 'id ASC',
        'title' => 'title ASC',
    ];

    private const SECURITY_HEADERS = [
        'Content-Security-Policy' => "default-src 'self'; script-src 'self' https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        'X-Content-Type-Options' => 'nosniff',
        'Referrer-Policy' => 'strict-origin-when-cross-origin',
        'Strict-Transport-Security' => 'max-age=63072000; includeSubDomains',
    ];

    /** @param (Closure(string): void)|null $log where error details should go (the tests collect them) */
    public function __construct(
        private PDO $db,
        private ?Closure $log = null,
    ) {
    }

    public function handle(Request $request): Response
    {
        try {
            $response = $this->route($request);
        } catch (Throwable $e) {
            // Details go to the log with a reference; the client gets nothing to study.
            $reference = bin2hex(random_bytes(8));
            ($this->log ?? static fn (string $line) => error_log($line))("[{$reference}] " . $e);
            $response = $this->html(500, '<h1>Something went wrong</h1><p>Reference: ' . $reference . '</p>');
        }

        $response = $response->withoutHeader('X-Powered-By');
        foreach (self::SECURITY_HEADERS as $name => $value) {
            $response = $response->withHeader($name, $value);
        }
        return $response;
    }

    private function route(Request $request): Response
    {
        $userId = $request->session['user_id'] ?? null;
        if (!is_int($userId)) {
            return $this->html(401, '<h1>Please log in</h1>');
        }

        if ($request->path === '/notes' && $request->method === 'GET') {
            return $this->listNotes($request, $userId);
        }
        if ($request->path === '/notes' && $request->method === 'POST') {
            if (!$this->hasValidCsrfToken($request)) {
                return $this->html(403, '<h1>Forbidden</h1>');
            }
            return $this->createNote($request, $userId);
        }
        if ($request->method === 'GET' && preg_match('#^/notes/(\d+)$#', $request->path, $m) === 1) {
            return $this->showNote((int) $m[1], $userId);
        }

        return $this->notFound();
    }

    private function listNotes(Request $request, int $userId): Response
    {
        $q = $request->query['q'] ?? '';
        $q = is_string($q) ? $q : '';
        $sort = $request->query['sort'] ?? 'newest';
        $orderBy = is_string($sort) && isset(self::SORTS[$sort]) ? self::SORTS[$sort] : self::SORTS['newest'];

        $select = $this->db->prepare(
            "SELECT id, title FROM notes WHERE owner_id = :owner AND title LIKE :pattern ORDER BY {$orderBy}"
        );
        $select->execute(['owner' => $userId, 'pattern' => '%' . $q . '%']);

        $items = '';
        foreach ($select->fetchAll(PDO::FETCH_ASSOC) as $row) {
            $items .= '<li><a href="/notes/' . (int) $row['id'] . '">' . self::e((string) $row['title']) . "</a></li>\n";
        }
        $token = (string) ($request->session['csrf_token'] ?? '');

        return $this->html(200, "<h1>My notes</h1>\n<ul>\n{$items}</ul>\n" . $this->newNoteForm($token));
    }

    private function showNote(int $id, int $userId): Response
    {
        // The owner is part of the query: someone else's note looks exactly like a missing one.
        $select = $this->db->prepare('SELECT id, title, body FROM notes WHERE id = :id AND owner_id = :owner');
        $select->execute(['id' => $id, 'owner' => $userId]);
        $note = $select->fetch(PDO::FETCH_ASSOC);
        if ($note === false) {
            return $this->notFound();
        }

        return $this->html(200, '<h1>' . self::e($note['title']) . '</h1><p>' . self::e($note['body']) . '</p>');
    }

    private function createNote(Request $request, int $userId): Response
    {
        $title = trim((string) ($request->form['title'] ?? ''));
        $body = (string) ($request->form['body'] ?? '');
        if ($title === '' || mb_strlen($title) > 200 || mb_strlen($body) > 10_000) {
            return $this->html(422, '<h1>Please give a title (200 characters at most) and a shorter body</h1>');
        }

        $insert = $this->db->prepare('INSERT INTO notes (owner_id, title, body) VALUES (:owner, :title, :body)');
        $insert->execute(['owner' => $userId, 'title' => $title, 'body' => $body]);

        return new Response(303, ['Location' => '/notes/' . (int) $this->db->lastInsertId()]);
    }

    private function hasValidCsrfToken(Request $request): bool
    {
        $expected = $request->session['csrf_token'] ?? null;
        $sent = $request->form['csrf_token'] ?? null;

        return is_string($expected) && $expected !== '' && is_string($sent) && hash_equals($expected, $sent);
    }

    private function newNoteForm(string $csrfToken): string
    {
        return '<form method="post" action="/notes">'
            . '<input type="hidden" name="csrf_token" value="' . self::e($csrfToken) . '">'
            . '<input name="title"><textarea name="body"></textarea><button>Save</button></form>';
    }

    private function notFound(): Response
    {
        return $this->html(404, '<h1>Not found</h1>');
    }

    private function html(int $status, string $body): Response
    {
        return new Response($status, ['Content-Type' => 'text/html; charset=UTF-8'], $body);
    }

    private static function e(string $value): string
    {
        return htmlspecialchars($value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }
}
