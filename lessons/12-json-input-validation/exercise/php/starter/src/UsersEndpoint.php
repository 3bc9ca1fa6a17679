<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Request;
use Exercise\Http\Response;

final class UsersEndpoint
{
    public const MAX_BODY_BYTES = 10 * 1024;

    public function __construct(private readonly UserValidator $validator = new UserValidator())
    {
    }

    /**
     * POST /users must check, in this order, and answer with Problem::response()
     * (application/problem+json) when a check fails:
     *   1. the Content-Type's media type is application/json (case-insensitive;
     *      parameters such as "; charset=utf-8" are fine)                 -> else 415
     *   2. the body is at most MAX_BODY_BYTES bytes. Refuse at once when Content-Length
     *      says more, and never read more than MAX_BODY_BYTES + 1 bytes
     *      from $request->body (a chunked body has no Content-Length)     -> else 413
     *   3. the body is valid JSON (and valid UTF-8); decode into objects  -> else 400
     *   4. $this->validator->validate($body) returns no errors -> else 422 with the list
     *                                                             in an `errors` member
     * On success: 201, a JSON body with the stored user { id, name (trimmed), email, age? }
     * built from the allowed members only, and Location: /users/<id>.
     *
     * Route on the path without its query string. Other methods on /users -> 405 with
     * Allow: POST. Other paths -> 404. Unexpected errors -> 500 with a generic detail:
     * never send an exception message or a stack trace.
     */
    public function handle(Request $request): Response
    {
        throw new \LogicException('Not implemented yet: UsersEndpoint::handle() in src/UsersEndpoint.php');
    }
}
