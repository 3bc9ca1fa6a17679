<?php

declare(strict_types=1);

namespace Exercise\Tests;

/**
 * A small token scan that flags SQL strings built from PHP variables:
 * "... WHERE email = '$email'" (interpolation) and 'WHERE email = ' . $email
 * (concatenation). It is a teaching aid, not a full security scanner.
 */
final class SqlSourceScanner
{
    private const SQL = '/\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|JOIN|HAVING|VALUES|INDEX|ORDER BY)\b/i';

    /** @return list<string> "line N: ..." descriptions */
    public static function findInterpolatedSql(string $source): array
    {
        $tokens = array_values(array_filter(
            token_get_all($source),
            static fn ($t): bool => !(is_array($t) && in_array($t[0], [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true))
        ));
        $offences = [];
        $inString = false;
        $literal = '';
        $hasVariable = false;
        $line = 0;

        foreach ($tokens as $i => $token) {
            $text = is_array($token) ? $token[1] : $token;
            $line = is_array($token) ? $token[2] : $line;
            $opens = $token === '"' || (is_array($token) && $token[0] === T_START_HEREDOC);
            $closes = $token === '"' || (is_array($token) && $token[0] === T_END_HEREDOC);

            if ($inString && $closes) {
                if ($hasVariable && preg_match(self::SQL, $literal)) {
                    $offences[] = "line $line: variable interpolated into an SQL string";
                }
                $inString = false;
                continue;
            }
            if (!$inString && $opens) {
                [$inString, $literal, $hasVariable] = [true, '', false];
                continue;
            }
            if ($inString) {
                if (is_array($token) && $token[0] === T_ENCAPSED_AND_WHITESPACE) {
                    $literal .= $text;
                } else {
                    $hasVariable = true;
                }
                continue;
            }
            if ($token === '.' && isset($tokens[$i - 1], $tokens[$i + 1])) {
                $left = $tokens[$i - 1];
                $right = $tokens[$i + 1];
                $isSql = static fn ($t): bool => is_array($t) && $t[0] === T_CONSTANT_ENCAPSED_STRING && preg_match(self::SQL, $t[1]) === 1;
                $isVar = static fn ($t): bool => is_array($t) && $t[0] === T_VARIABLE;
                if (($isSql($left) && $isVar($right)) || ($isVar($left) && $isSql($right))) {
                    $offences[] = "line $line: variable concatenated into an SQL string";
                }
            }
        }

        return $offences;
    }
}
