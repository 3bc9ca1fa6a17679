<?php

declare(strict_types=1);

namespace App\Note;

use JsonSerializable;

/**
 * A note as the rest of the app sees it: typed, immutable, no SQL in sight.
 * (`readonly class` needs PHP 8.2+: every property is readonly.)
 */
final readonly class Note implements JsonSerializable
{
    public function __construct(
        public int $id,
        public string $title,
        public string $body,
        public string $createdAt,
    ) {
    }

    /** @param array<string, mixed> $row a row from the notes table */
    public static function fromRow(array $row): self
    {
        return new self((int) $row['id'], (string) $row['title'], (string) $row['body'], (string) $row['created_at']);
    }

    /** The public JSON shape. Decoupled from column names so the schema can change. */
    public function jsonSerialize(): array
    {
        return [
            'id' => $this->id,
            'title' => $this->title,
            'body' => $this->body,
            'createdAt' => $this->createdAt,
        ];
    }
}
