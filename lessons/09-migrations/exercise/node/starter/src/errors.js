/** An already applied migration file was edited after it ran. */
export class ChecksumMismatch extends Error {
  name = 'ChecksumMismatch';
}

/** A migration's SQL failed; its transaction was rolled back. The original error is `cause`. */
export class MigrationFailed extends Error {
  name = 'MigrationFailed';
}
