import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeSample } from './lessonRules';
import { splitSqlStatements } from './sqlStatements';

/**
 * Runs in Node 24 (node:sqlite): executes the statements in a fresh in-memory database and prints the
 * last statement's rows the way formatSqlRows does.
 */
const SQL_RUNNER = `import { DatabaseSync } from 'node:sqlite';
import { readFileSync } from 'node:fs';
const statements = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const db = new DatabaseSync(':memory:');
let rows = [];
for (const [index, sql] of statements.entries()) {
  try {
    const statement = db.prepare(sql);
    if (statement.columns().length > 0) rows = statement.all();
    else { statement.run(); rows = []; }
  } catch (error) {
    console.error('statement ' + (index + 1) + ' failed: ' + error.message);
    process.exit(1);
  }
}
for (const row of rows) console.log(Object.values(row).map((value) => (value === null ? 'NULL' : String(value))).join(' | '));
`;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: string[], cwd: string, timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : null) : 0;
      resolve({ code, stdout, stderr: stderr || (error && code === null ? String(error.message) : '') });
    });
  });
}

/** PHP blocks may omit the opening tag; the check adds it, as a reader would. */
export function phpSource(code: string): string {
  return code.trimStart().startsWith('<?php') ? code : `<?php\n${code}`;
}

const trimLines = (text: string) => text.replace(/[ \t]+$/gm, '').replace(/\s+$/, '');

/**
 * Syntax-checks every php/js sample (php -l, node --check as ESM) and executes the `run` ones,
 * comparing stdout with the output block that follows them.
 */
export async function checkSamples(samples: readonly CodeSample[], node24: string): Promise<string[]> {
  const problems: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'bp-lint-'));
  try {
    await writeFile(join(dir, 'sql-runner.mjs'), SQL_RUNNER);
    for (const [index, sample] of samples.entries()) {
      if (sample.language === 'sql') {
        const statementsFile = join(dir, `sample${index}.json`);
        await writeFile(statementsFile, JSON.stringify(splitSqlStatements(sample.code)));
        const result = await run(node24, ['--no-warnings', join(dir, 'sql-runner.mjs'), statementsFile], dir);
        if (result.code !== 0) problems.push(`line ${sample.line}: sql run block failed in SQLite: ${result.stderr.trim().split('\n').slice(0, 3).join(' ')}`);
        else if (sample.expectedOutput !== undefined && trimLines(result.stdout) !== trimLines(sample.expectedOutput)) {
          problems.push(`line ${sample.line}: the output block does not match the rows SQLite returns.\n    returned: ${JSON.stringify(trimLines(result.stdout))}\n    expected: ${JSON.stringify(trimLines(sample.expectedOutput))}`);
        }
        continue;
      }
      const file = join(dir, sample.language === 'php' ? `sample${index}.php` : `sample${index}.mjs`);
      await writeFile(file, sample.language === 'php' ? phpSource(sample.code) : sample.code);
      const syntax =
        sample.language === 'php' ? await run('php', ['-l', file], dir) : await run(node24, ['--check', file], dir);
      if (syntax.code !== 0) {
        problems.push(`line ${sample.line}: ${sample.language} block does not parse: ${(syntax.stderr || syntax.stdout).trim().split('\n').slice(0, 3).join(' ')}`);
        continue;
      }
      if (!sample.run) continue;
      const result = sample.language === 'php' ? await run('php', [file], dir) : await run(node24, [file], dir);
      if (result.code !== 0) {
        problems.push(`line ${sample.line}: runnable ${sample.language} block exited with ${result.code}: ${result.stderr.trim().split('\n').slice(0, 3).join(' ')}`);
      } else if (sample.expectedOutput !== undefined && trimLines(result.stdout) !== trimLines(sample.expectedOutput)) {
        problems.push(`line ${sample.line}: the output block does not match what the code prints.\n    printed:  ${JSON.stringify(trimLines(result.stdout))}\n    expected: ${JSON.stringify(trimLines(sample.expectedOutput))}`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return problems;
}
