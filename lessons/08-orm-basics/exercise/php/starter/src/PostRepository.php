<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * Data Mapper for posts: turns rows of `posts` and `users` into Post and
 * Author objects, and writes changes back. The entities know nothing about
 * the database; all SQL lives here.
 *
 * Tables:
 *   users(id, name, email, password_hash, is_admin)
 *   posts(id, user_id, title, body, is_pinned)
 */
final class PostRepository
{
    public function __construct(private readonly PDO $pdo)
    {
    }

    /**
     * The slow version, kept for comparison: one query for the posts, then
     * one more query PER POST to load its author (the N+1 pattern).
     *
     * @return list<Post>
     */
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

    /**
     * Same result as findAllWithAuthorsNaive() (same posts, same order, same
     * data) with at most 2 statements in total. Posts by the same author must
     * share ONE Author instance (an identity map for this call).
     *
     * @return list<Post>
     */
    public function findAllWithAuthors(): array
    {
        throw new \LogicException('Not implemented yet: findAllWithAuthors()');
    }

    /**
     * Updates a post from untrusted input (for example a decoded JSON body).
     * Only `title` and `body` may change; every other key (user_id, is_pinned,
     * is_admin, id, ...) is ignored. Returns the number of rows changed
     * (0 when the post does not exist or nothing allowed was given).
     *
     * @param array<string, mixed> $input
     */
    public function update(int $id, array $input): int
    {
        throw new \LogicException('Not implemented yet: update()');
    }

    /**
     * Posts whose title contains $q literally (so "50%" means the characters
     * 5, 0 and %), ordered by id, with authors. Use a bound parameter and
     * LIKE ... ESCAPE so % and _ in $q are not wildcards.
     *
     * @return list<Post>
     */
    public function search(string $q): array
    {
        throw new \LogicException('Not implemented yet: search()');
    }
}
