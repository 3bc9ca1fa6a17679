<?php

declare(strict_types=1);

namespace Exercise;

final class UserValidator
{
    /**
     * Validate the body of POST /users.
     *
     * $body is whatever json_decode($raw, false) produced: a \stdClass for a JSON object,
     * an array for a JSON list, a string, an int, null... Collect EVERY problem (not just
     * the first) and return them as a list of ['pointer' => ..., 'detail' => ...], where
     * pointer is a JSON Pointer (RFC 6901) into the request document: '' for the whole
     * body, '/name' for the name member, and so on. Return [] when the body is valid.
     *
     * Rules:
     *   - the body must be a JSON object (pointer '')
     *   - only the members name, email and age are allowed; report every other member at
     *     its own pointer (escape "~" as "~0" and "/" as "~1")
     *   - name:  required string, 1 to 100 characters (not bytes) after trim()
     *   - email: required string of at most 254 characters that looks like local@domain.tld:
     *            no white space, exactly one "@", a dot in the domain
     *   - age:   optional; if present, a JSON integer (is_int: not "30", not 30.5) from 13 to 130
     *
     * Keep detail texts short and generic: never copy the submitted value into them.
     *
     * @return list<array{pointer: string, detail: string}>
     */
    public function validate(mixed $body): array
    {
        throw new \LogicException('Not implemented yet: UserValidator::validate() in src/UserValidator.php');
    }
}
