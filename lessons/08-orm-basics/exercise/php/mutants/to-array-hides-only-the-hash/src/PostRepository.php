<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * Data Mapper for posts: turns rows of `posts` and `users` into Post and
 * Author objects, and writes changes back. All SQL lives here.
 *
 * Tables:
 *   users(id, name, email, password_hash, is_admin)
 *   posts(id, user_id, title, body, is_pinned)
 */
final class PostRepository
{
    /** Columns a client may change through update(). */
    private const WRITABLE = ['title', 'body'];

    private const SELECT_WITH_AUTHOR =
        'SELECT p.id, p.title, p.body, u.id AS author_id, u.name, u.email, u.password_hash
           FROM posts AS p
           JOIN users AS u ON u.id = p.user_id';

    public function __construct(private readonly PDO $pdo)
    {
    }

    /** @return list<Post> */
    public function findAllWithAuthorsNaive(): array
    {
        $posts = [];
        foreach ($this->pdo->query('SELECT id, user_id, title, body FROM posts ORDER BY id') as $row) {
            $stmt = $this->pdo->prepare('SELECT id, name, email, password_hash FROM users WHERE id = ?');
            $stmt->execute([$row['user_id']]);
            $user = $stmt->fetch();
            $author = new Author((int) $user['id'], $user['name'], $user['email'], $user['password_hash']);
            $posts[] = new Post((int) $row['id'], $row['title'], $row['body'], $author);
        }

        return $posts;
    }

    /** @return list<Post> One statement: posts JOIN users, hydrated with an identity map. */
    public function findAllWithAuthors(): array
    {
        $stmt = $this->pdo->query(self::SELECT_WITH_AUTHOR . ' ORDER BY p.id');

        return $this->hydrate($stmt->fetchAll(PDO::FETCH_ASSOC));
    }

    /** @param array<string, mixed> $input */
    public function update(int $id, array $input): int
    {
        $changes = array_intersect_key($input, array_flip(self::WRITABLE));
        $changes = array_filter($changes, 'is_string');
        if (isset($changes['title']) && trim($changes['title']) === '') {
            unset($changes['title']); // a blank title is invalid input: ignored like a non-string one
        }
        if ($changes === []) {
            return 0;
        }

        // Column names come from our constant allowlist, never from the input keys' text.
        $assignments = [];
        foreach (self::WRITABLE as $column) {
            if (array_key_exists($column, $changes)) {
                $assignments[] = $column . ' = :' . $column;
            }
        }
        $stmt = $this->pdo->prepare('UPDATE posts SET ' . implode(', ', $assignments) . ' WHERE id = :id');
        $stmt->execute([...$changes, 'id' => $id]);

        return $stmt->rowCount();
    }

    /** @return list<Post> */
    public function search(string $q): array
    {
        $pattern = '%' . addcslashes($q, '\\%_') . '%';
        $stmt = $this->pdo->prepare(self::SELECT_WITH_AUTHOR . " WHERE p.title LIKE :pattern ESCAPE '\\' ORDER BY p.id");
        $stmt->execute(['pattern' => $pattern]);

        return $this->hydrate($stmt->fetchAll(PDO::FETCH_ASSOC));
    }

    /**
     * @param list<array<string, mixed>> $rows
     * @return list<Post>
     */
    private function hydrate(array $rows): array
    {
        $authors = []; // identity map: one Author object per user id
        $posts = [];
        foreach ($rows as $row) {
            $authorId = (int) $row['author_id'];
            $authors[$authorId] ??= new Author($authorId, $row['name'], $row['email'], $row['password_hash']);
            $posts[] = new Post((int) $row['id'], $row['title'], $row['body'], $authors[$authorId]);
        }

        return $posts;
    }
}
