<?php

declare(strict_types=1);

namespace App\Controller;

use App\Http\HttpException;
use App\Http\Request;
use App\Http\Response;
use App\Note\NoteRepository;

/**
 * HTTP in, HTTP out. A controller validates input, calls the repository
 * and shapes the response; it contains no SQL and never echoes anything.
 */
final class NoteController
{
    private const MAX_TITLE = 200;
    private const MAX_BODY = 10_000;

    public function __construct(private readonly NoteRepository $notes)
    {
    }

    /** GET /notes?limit=20 */
    public function list(Request $request): Response
    {
        $limit = filter_var($request->query('limit', '50'), FILTER_VALIDATE_INT, [
            'options' => ['min_range' => 1, 'max_range' => 100],
        ]);
        if ($limit === false) {
            throw HttpException::badRequest('limit must be an integer between 1 and 100.');
        }

        // Wrap lists in an object: you can add "next" links or totals later without breaking clients.
        return Response::json(['data' => $this->notes->latest($limit)]);
    }

    /** POST /notes with {"title": "...", "body": "..."} */
    public function create(Request $request): Response
    {
        $input = $request->json();

        $errors = [];
        $title = $input['title'] ?? null;
        if (!is_string($title) || trim($title) === '') {
            $errors[] = ['pointer' => '#/title', 'detail' => 'title is required and must be a non-empty string.'];
        } elseif (mb_strlen(trim($title)) > self::MAX_TITLE) {
            $errors[] = ['pointer' => '#/title', 'detail' => sprintf('title must be at most %d characters.', self::MAX_TITLE)];
        }

        $body = $input['body'] ?? '';
        if (!is_string($body)) {
            $errors[] = ['pointer' => '#/body', 'detail' => 'body must be a string.'];
        } elseif (mb_strlen($body) > self::MAX_BODY) {
            $errors[] = ['pointer' => '#/body', 'detail' => sprintf('body must be at most %d characters.', self::MAX_BODY)];
        }

        if ($errors !== [] || !is_string($title) || !is_string($body)) {
            throw HttpException::unprocessable('The note is not valid.', $errors);
        }

        $note = $this->notes->create(trim($title), $body);

        // 201 Created + Location tells the client where the new resource lives.
        return Response::json($note, 201)->withHeader('Location', '/notes/' . $note->id);
    }

    /** GET /notes/{id} */
    public function show(Request $request): Response
    {
        $id = (string) $request->attribute('id');
        // Anything that is not a positive integer cannot be a note id: answer 404, not 500.
        if (preg_match('/^[1-9][0-9]{0,17}$/', $id) !== 1) {
            throw HttpException::notFound('There is no note with this id.');
        }

        $note = $this->notes->find((int) $id) ?? throw HttpException::notFound('There is no note with this id.');

        return Response::json($note);
    }
}
