/**
 * Splits an SQL script into statements for SQLite: `;` ends a statement unless it is inside a string,
 * a quoted identifier, a comment, or the BEGIN…END body of a CREATE TRIGGER.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let index = 0;
  while (index < script.length) {
    const char = script[index] as string;
    const rest = script.slice(index);
    if (char === "'" || char === '"' || char === '`' || char === '[') {
      const close = char === '[' ? ']' : char;
      let end = index + 1;
      while (end < script.length) {
        if (script[end] === close) {
          // A doubled quote is an escaped quote inside the literal.
          if (close !== ']' && script[end + 1] === close) end += 2;
          else break;
        } else end += 1;
      }
      current += script.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (rest.startsWith('--')) {
      const end = script.indexOf('\n', index);
      index = end === -1 ? script.length : end;
      continue;
    }
    if (rest.startsWith('/*')) {
      const end = script.indexOf('*/', index + 2);
      index = end === -1 ? script.length : end + 2;
      continue;
    }
    if (char === ';' && !(isTrigger(current) && !/\bEND\s*$/i.test(current))) {
      if (current.trim() !== '') statements.push(current.trim());
      current = '';
      index += 1;
      continue;
    }
    current += char;
    index += 1;
  }
  if (current.trim() !== '') statements.push(current.trim());
  return statements;
}

function isTrigger(statement: string): boolean {
  return /^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?TRIGGER\b/i.test(statement);
}

/** How the linter prints a result set, so an `output` block after a `sql run` block can be compared. */
export function formatSqlRows(rows: readonly Record<string, unknown>[]): string {
  return rows.map((row) => Object.values(row).map((value) => (value === null ? 'NULL' : String(value))).join(' | ')).join('\n');
}
