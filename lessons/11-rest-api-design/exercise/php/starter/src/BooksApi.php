<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * A books API over the "books" table (see Schema). See README.md for the rules.
 *
 *   GET    /books?limit=&cursor=  -> 200 {"items": [...]}, keyset pages, Link rel="next" while more remain
 *   POST   /books                 -> 201 + Location + ETag, or 422 problem with "errors"
 *   GET    /books/{id}            -> 200 + ETag, or 404 problem
 *   PUT    /books/{id}            -> 200 + new ETag; stale If-Match -> 412, nothing changes
 *   DELETE /books/{id}            -> 204; stale If-Match -> 412, the book stays
 *   other methods                 -> 405 + Allow
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
        throw new \LogicException('Not implemented yet: BooksApi::handle() in src/BooksApi.php');
    }
}
