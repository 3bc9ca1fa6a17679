<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\UserValidator;
use PHPUnit\Framework\TestCase;

final class UserValidatorTest extends TestCase
{
    /** Validate a JSON text the way the endpoint does: decoded into objects. */
    private static function errorsFor(string $json): array
    {
        return (new UserValidator())->validate(json_decode($json, false, 64, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING));
    }

    /** The sorted pointers of the errors for $body (an array is encoded as a JSON object). */
    private static function pointers(array|string $body): array
    {
        $json = is_string($body) ? $body : json_encode((object) $body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE);
        $pointers = array_map(static fn(array $e) => $e['pointer'], self::errorsFor($json));
        sort($pointers);
        return $pointers;
    }

    private const VALID = ['name' => 'Ada Lovelace', 'email' => 'ada@example.com', 'age' => 36];

    public function testValidBodyHasNoErrors(): void
    {
        $this->assertSame([], self::pointers(self::VALID), 'a body with a name, an email and an integer age must be valid');
        $this->assertSame([], self::pointers(['name' => 'Ada', 'email' => 'ada@example.com']), 'age is optional');
    }

    public function testBodyThatIsNotAnObjectIsReportedAtTheRootPointer(): void
    {
        foreach (['[]', '["name"]', '"text"', '42', 'null', 'true'] as $json) {
            $this->assertSame([''], self::pointers($json), "{$json} is not a JSON object: report one error with pointer \"\" (decode into objects: with arrays, {} and [] look the same)");
        }
        $this->assertSame(['/email', '/name'], self::pointers('{}'), '{} is an object (without the required members), not a non-object');
    }

    public function testEveryErrorIsReportedNotOnlyTheFirst(): void
    {
        $errors = self::errorsFor('{"email":"not-an-email"}');
        $this->assertSame(['/email', '/name'], self::pointers('{"email":"not-an-email"}'), 'a missing name AND an invalid email must give two errors');
        foreach ($errors as $error) {
            $this->assertIsString($error['detail'] ?? null, 'each error needs a human-readable detail string');
            $this->assertStringNotContainsString('not-an-email', $error['detail'], 'do not echo the submitted value in detail');
        }
    }

    public function testNoDetailEchoesTheSubmittedValue(): void
    {
        $marker = 'Zq' . bin2hex(random_bytes(3));
        $bad = ['name' => str_repeat($marker, 30), 'email' => "{$marker} at nowhere", 'age' => $marker, $marker => $marker];
        $errors = self::errorsFor(json_encode((object) $bad));
        $expected = ["/{$marker}", '/age', '/email', '/name'];
        sort($expected);
        $this->assertSame($expected, self::pointers($bad), 'every broken rule is reported');
        foreach ($errors as $error) {
            $this->assertStringNotContainsString($marker, $error['detail'], "the detail for {$error['pointer']} repeats the submitted value: describe the rule (\"name must be 1 to 100 characters long.\"), never the input");
        }
    }

    public function testTypesAreNotJuggled(): void
    {
        $cases = [
            [['age' => '30'], '/age', 'age "30" is a string: check is_int(), not is_numeric() or FILTER_VALIDATE_INT'],
            [['age' => 30.5], '/age', 'age must be an integer'],
            [['age' => 12], '/age', 'age below 13 must be rejected'],
            [['age' => 131], '/age', 'age above 130 must be rejected'],
            [['age' => true], '/age', 'age true is a boolean, not an integer'],
            [['age' => null], '/age', 'age null is not an integer'],
            [['name' => 42], '/name', 'name must be a string'],
            [['email' => ['ada@example.com']], '/email', 'email must be a string'],
        ];
        foreach ($cases as [$change, $pointer, $why]) {
            $this->assertSame([$pointer], self::pointers($change + self::VALID), $why);
        }
        $this->assertSame(['/age'], self::pointers('{"name":"Ada","email":"ada@example.com","age":12345678901234567890}'), 'an age beyond PHP_INT_MAX (a string or a float after json_decode) is not an integer from 13 to 130');
    }

    public function testNameLengthIsCheckedAfterTrimmingInCharacters(): void
    {
        $this->assertSame(['/name'], self::pointers(['name' => '   '] + self::VALID), 'a blank name must be rejected');
        $this->assertSame(['/name'], self::pointers(['name' => " \t\n "] + self::VALID), 'a name of tabs, newlines and spaces is blank too: trim() it first');
        $this->assertSame(['/name'], self::pointers(['name' => str_repeat('x', 101)] + self::VALID), 'a name over 100 characters must be rejected');
        $this->assertSame([], self::pointers(['name' => str_repeat('x', 100)] + self::VALID), '100 characters is still allowed');
        $this->assertSame([], self::pointers(['name' => '  ' . str_repeat('y', 100) . '  '] + self::VALID), 'measure the name after trimming: 100 characters plus spaces is allowed');
        $this->assertSame([], self::pointers(['name' => str_repeat("\u{1F600}", 100)] + self::VALID), 'count characters with mb_strlen(), not bytes with strlen(): 100 emoji are 100 characters (400 bytes)');
        $this->assertSame([], self::pointers(['name' => str_repeat('é', 100)] + self::VALID), '100 accented letters are 100 characters (200 bytes)');
        $this->assertSame(['/name'], self::pointers(['name' => str_repeat('é', 101)] + self::VALID), '101 characters are too many, whatever their bytes');
    }

    public function testRangesIncludeTheirEnds(): void
    {
        foreach ([13, 130] as $age) {
            $this->assertSame([], self::pointers(['age' => $age] + self::VALID), "age {$age} is inside 13..130 and must be accepted");
        }
        $this->assertSame(['/age'], self::pointers('{"name":"Ada","email":"ada@example.com","age":1e400}'), 'age 1e400 (INF after json_decode) is not an integer');
        $at254 = str_repeat('a', 64) . '@' . str_repeat('b', 60) . '.' . str_repeat('c', 60) . '.' . str_repeat('d', 63) . '.com';
        $this->assertSame(254, strlen($at254));
        $this->assertSame([], self::pointers(['email' => $at254] + self::VALID), 'an email of exactly 254 characters is allowed');
        $this->assertSame(['/email'], self::pointers(['email' => $at254 . 'm'] + self::VALID), 'an email over 254 characters must be rejected at /email');
        foreach (['ada@', '@example.com', 'ada example@example.com', 'ada.example.com', "ada@example.com\n", 'ada@@example.com'] as $email) {
            $this->assertSame(['/email'], self::pointers(['email' => $email] + self::VALID), json_encode($email) . ' does not look like an e-mail address (anchor a regex with \z, not $, which also matches before a final newline)');
        }
        foreach (['ada@example', 'ada@localhost', 'ada@example.'] as $email) {
            $this->assertSame(['/email'], self::pointers(['email' => $email] + self::VALID), json_encode($email) . ' has no domain.tld after the @: the email must look like local@domain.tld (a dot and at least one character after it in the domain)');
        }
    }

    public function testUnknownPropertiesAreRejectedEachAtItsOwnPointer(): void
    {
        $this->assertSame(['/isAdmin', '/role'], self::pointers(['isAdmin' => true, 'role' => 'owner'] + self::VALID), 'allowlist the shape: reject isAdmin and role (mass assignment)');
        $surprise = 'field_' . bin2hex(random_bytes(3));
        $this->assertSame(["/{$surprise}"], self::pointers([$surprise => 1] + self::VALID), 'reject EVERY member that is not name, email or age (an allowlist), not a list of known dangerous names');
        $this->assertSame(['/a~1b', '/m~0n', '/x~01'], self::pointers(['a/b' => 1, 'm~n' => 2, 'x~1' => 3] + self::VALID), 'escape member names in JSON Pointers (RFC 6901): "~" becomes "~0" and "/" becomes "~1" (so "x~1" is "/x~01")');
        $this->assertSame(['/', '/0'], self::pointers('{"name":"Ada","email":"ada@example.com","0":1,"":2}'), 'a member named "0" is reported at "/0" and the empty name at "/": get_object_vars() gives "0" as the int 0, so cast keys to string');
        $this->assertSame(['/__proto__', '/constructor'], self::pointers('{"name":"Ada","email":"ada@example.com","__proto__":{"polluted":true},"constructor":1}'), 'members such as "__proto__" are unknown members like any other');
    }
}
