<?php

declare(strict_types=1);

namespace Exercise;

/** The post entity, mapped from one row of `posts` plus its author. */
final class Post
{
    public function __construct(
        public readonly int $id,
        public readonly string $title,
        public readonly string $body,
        public readonly Author $author,
    ) {
    }

    /**
     * The public representation sent to API clients: an explicit allowlist
     * of fields, so new entity properties never leak by accident.
     *
     * @return array{id: int, title: string, body: string, author: array{id: int, name: string}}
     */
    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'title' => $this->title,
            'body' => $this->body,
            'author' => ['id' => $this->author->id, 'name' => $this->author->name],
        ];
    }
}
