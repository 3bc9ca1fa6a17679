<?php

declare(strict_types=1);

namespace Exercise;

final class UserValidator
{
    private const ALLOWED = ['name', 'email', 'age'];
    private const EMAIL = '/^[^\s@]+@[^\s@]+\z/';

    /**
     * @param mixed $body what json_decode($raw, false) produced
     * @return list<array{pointer: string, detail: string}>
     */
    public function validate(mixed $body): array
    {
        if (!$body instanceof \stdClass) {
            return [['pointer' => '', 'detail' => 'The body must be a JSON object.']];
        }
        $errors = [];
        $members = get_object_vars($body);

        foreach (array_keys($members) as $key) {
            if (!in_array((string) $key, self::ALLOWED, true)) {
                $errors[] = ['pointer' => self::pointerTo((string) $key), 'detail' => 'This property is not allowed.'];
            }
        }

        $name = $members['name'] ?? null;
        if (!array_key_exists('name', $members)) {
            $errors[] = ['pointer' => '/name', 'detail' => 'name is required.'];
        } elseif (!is_string($name)) {
            $errors[] = ['pointer' => '/name', 'detail' => 'name must be a string.'];
        } else {
            $length = mb_strlen(trim($name), 'UTF-8'); // characters, not bytes
            if ($length < 1 || $length > 100) {
                $errors[] = ['pointer' => '/name', 'detail' => 'name must be 1 to 100 characters long.'];
            }
        }

        $email = $members['email'] ?? null;
        if (!array_key_exists('email', $members)) {
            $errors[] = ['pointer' => '/email', 'detail' => 'email is required.'];
        } elseif (!is_string($email)) {
            $errors[] = ['pointer' => '/email', 'detail' => 'email must be a string.'];
        } elseif (strlen($email) > 254 || preg_match(self::EMAIL, $email) !== 1) {
            $errors[] = ['pointer' => '/email', 'detail' => 'email must be a valid e-mail address.'];
        }

        if (array_key_exists('age', $members)) {
            $age = $members['age'];
            if (!is_int($age)) {
                $errors[] = ['pointer' => '/age', 'detail' => 'age must be an integer (a JSON number, not a string).'];
            } elseif ($age < 13 || $age > 130) {
                $errors[] = ['pointer' => '/age', 'detail' => 'age must be between 13 and 130.'];
            }
        }
        return $errors;
    }

    /** A JSON Pointer segment (RFC 6901): "~" becomes "~0", then "/" becomes "~1". */
    private static function pointerTo(string $key): string
    {
        return '/' . strtr($key, ['~' => '~0', '/' => '~1']);
    }
}
