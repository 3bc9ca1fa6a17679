<?php

declare(strict_types=1);

namespace Exercise\Errors;

/** The requested resource does not exist (404). */
final class NotFound extends ClientError
{
}
