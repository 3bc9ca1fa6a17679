<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Thrown once by Config::fromEnvironment() with every problem in its message.
 * You do not need to edit this file.
 */
final class ConfigException extends \RuntimeException
{
}
