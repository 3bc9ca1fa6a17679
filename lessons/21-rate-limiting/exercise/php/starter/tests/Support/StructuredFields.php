<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

/**
 * A deliberately small parser for the RateLimit fields of draft-ietf-httpapi-ratelimit-headers-11:
 * a Structured Field List (RFC 9651) whose items are Strings with Integer or String parameters.
 *
 *   StructuredFields::parseList('"default";q=5;w=5')  ->  [['name' => 'default', 'params' => ['q' => 5, 'w' => 5]]]
 *
 * It throws on anything else, so a malformed header fails the test with a clear message.
 */
final class StructuredFields
{
    /** @return list<array{name: string, params: array<string, int|string>}> */
    public static function parseList(?string $field): array
    {
        $input = (string) $field;
        $pattern = '/\G\s*"((?:[^"\\\\]|\\\\.)*)"((?:;[a-z*][a-z0-9_\-.*]*=(?:-?\d{1,15}|"(?:[^"\\\\]|\\\\.)*"))*)\s*(,|\z)/';
        $items = [];
        $offset = 0;
        while ($offset < strlen($input)) {
            if (preg_match($pattern, $input, $m, 0, $offset) !== 1) {
                throw new \UnexpectedValueException("Not a valid RateLimit field value (the policy name must be a quoted string, followed by ;key=value parameters, e.g. \"default\";q=5;w=5): {$input}");
            }
            $params = [];
            preg_match_all('/;([a-z*][a-z0-9_\-.*]*)=(-?\d{1,15}|"(?:[^"\\\\]|\\\\.)*")/', $m[2], $pairs, PREG_SET_ORDER);
            foreach ($pairs as [, $key, $value]) {
                $params[$key] = $value[0] === '"' ? stripslashes(substr($value, 1, -1)) : (int) $value;
            }
            $items[] = ['name' => stripslashes($m[1]), 'params' => $params];
            $offset += strlen($m[0]);
            if ($m[3] === '') {
                break;
            }
        }
        if ($items === []) {
            throw new \UnexpectedValueException("Not a valid RateLimit field value (empty list): {$input}");
        }
        return $items;
    }
}
