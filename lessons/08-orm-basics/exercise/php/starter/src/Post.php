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
     * The public representation sent to API clients.
     *
     * Your task: this dumps the whole Author entity, including its email
     * and password hash. Return an explicit shape instead:
     * ['id' => int, 'title' => string, 'body' => string,
     *  'author' => ['id' => int, 'name' => string]]
     *
     * @return array<string, mixed>
     */
    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'title' => $this->title,
            'body' => $this->body,
            'author' => get_object_vars($this->author),
        ];
    }
}
