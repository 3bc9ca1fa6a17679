<?php

declare(strict_types=1);

namespace Exercise\Http;

/**
 * An error meant for the client: throw new HttpError(415, 'Unsupported Media Type').
 * Only a 4xx HttpError may reach the client as it is; ErrorHandler turns anything else into 500.
 */
final class HttpError extends \RuntimeException
{
    public function __construct(public readonly int $status, public readonly string $title)
    {
        parent::__construct($title);
    }
}
