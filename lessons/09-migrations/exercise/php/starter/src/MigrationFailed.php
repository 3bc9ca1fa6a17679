<?php

declare(strict_types=1);

namespace Exercise;

/** A migration's SQL failed; its transaction was rolled back. */
final class MigrationFailed extends \RuntimeException
{
}
