import { LOG_LEVELS } from './config.js';

/**
 * A tiny structured logger: one JSON object per line, easy to grep and
 * easy for log tools to parse. Swap in pino or similar when you need more.
 *
 * @param {{ level?: string, stream?: { write(chunk: string): unknown } }} [options]
 */
export function createLogger({ level = 'info', stream = process.stdout } = {}) {
  const threshold = LOG_LEVELS.indexOf(level);

  const write = (name) => (message, fields = {}) => {
    if (LOG_LEVELS.indexOf(name) < threshold) return;
    const entry = { time: new Date().toISOString(), level: name, message };
    for (const [key, value] of Object.entries(fields)) {
      // JSON.stringify(new Error('x')) is "{}": keep what matters for debugging.
      entry[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
    }
    stream.write(`${JSON.stringify(entry)}\n`);
  };

  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that drops everything: handy in tests. */
export const silentLogger = createLogger({ level: 'silent' });
