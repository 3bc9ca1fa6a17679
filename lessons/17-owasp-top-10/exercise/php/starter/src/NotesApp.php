<?php

declare(strict_types=1);

namespace Exercise;

use Closure;
use PDO;
use Throwable;

/**
 * A tiny Notes app. It works, and it is full of holes: fix them all.
 *
 * Routes (every route needs a logged-in user: $request->session['user_id']):
 *   GET  /notes?q=...&sort=newest|oldest|title   list and search your notes
 *   GET  /notes/{id}                             show one note
 *   POST /notes  (form: title, body, csrf_token) create a note, then 303 to it
 */
final class NotesApp
{
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
            // Handy while developing: show exactly what went wrong.
            $response = $this->html(500, '<h1>Error</h1><pre>' . $e . '</pre>');
        }

        return $response->withHeader('X-Powered-By', 'PHP/' . PHP_VERSION);
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
            return $this->createNote($request, $userId);
        }
        if ($request->method === 'GET' && preg_match('#^/notes/(\d+)$#', $request->path, $m) === 1) {
            return $this->showNote((int) $m[1], $userId);
        }

        return $this->html(404, '<h1>Not found</h1>');
    }

    private function listNotes(Request $request, int $userId): Response
    {
        $q = (string) ($request->query['q'] ?? '');
        $sort = (string) ($request->query['sort'] ?? 'id DESC');

        $rows = $this->db
            ->query("SELECT id, title FROM notes WHERE owner_id = $userId AND title LIKE '%$q%' ORDER BY $sort")
            ->fetchAll(PDO::FETCH_ASSOC);

        $items = '';
        foreach ($rows as $row) {
            $items .= '<li><a href="/notes/' . $row['id'] . '">' . $row['title'] . "</a></li>\n";
        }
        $token = (string) ($request->session['csrf_token'] ?? '');

        return $this->html(200, "<h1>My notes</h1>\n<ul>\n{$items}</ul>\n" . $this->newNoteForm($token));
    }

    private function showNote(int $id, int $userId): Response
    {
        $select = $this->db->prepare('SELECT id, title, body FROM notes WHERE id = :id');
        $select->execute(['id' => $id]);
        $note = $select->fetch(PDO::FETCH_ASSOC);
        if ($note === false) {
            return $this->html(404, '<h1>Not found</h1>');
        }

        return $this->html(200, '<h1>' . $note['title'] . '</h1><p>' . $note['body'] . '</p>');
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

        return new Response(303, ['Location' => '/notes/' . $this->db->lastInsertId()]);
    }

    private function newNoteForm(string $csrfToken): string
    {
        return '<form method="post" action="/notes">'
            . '<input type="hidden" name="csrf_token" value="' . $csrfToken . '">'
            . '<input name="title"><textarea name="body"></textarea><button>Save</button></form>';
    }

    private function html(int $status, string $body): Response
    {
        return new Response($status, ['Content-Type' => 'text/html; charset=UTF-8'], $body);
    }
}
