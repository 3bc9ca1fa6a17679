<?php

declare(strict_types=1);

namespace Exercise\Errors;

/** The request was well-formed but its content is invalid (422). */
final class ValidationFailed extends ClientError
{
    /**
     * @param list<array{pointer: string, detail: string}> $errors one entry per invalid field,
     *        e.g. ['pointer' => '/lines/0/quantity', 'detail' => 'must be at least 1']
     */
    public function __construct(public readonly array $errors)
    {
        parent::__construct('The request contains invalid fields.');
    }
}
