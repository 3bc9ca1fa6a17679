import { getContext } from './context.js';

export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 };

function redactValue(value, hidden) {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, hidden));
  if (value instanceof Error) return { type: value.name, message: value.message, stack: value.stack };
  if (value === null || typeof value !== 'object') return value;
  // A Date, a URL or a class with toJSON() is logged as what JSON.stringify would write, redacted too.
  if (typeof value.toJSON === 'function') return redactValue(value.toJSON(), hidden);
  const copy = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = hidden.has(key.toLowerCase()) ? '[REDACTED]' : redactValue(inner, hidden);
  }
  return copy;
}

export function createLogger({
  level = 'info',
  stream = process.stdout,
  redact = ['password', 'authorization', 'cookie'],
  now = () => new Date(),
  bindings = {},
} = {}) {
  if (!(level in LEVELS)) throw new Error(`Unknown log level: ${level}`);
  const min = LEVELS[level];
  const hidden = new Set(redact.map((key) => key.toLowerCase()));

  const write = (name, msg, fields = {}) => {
    if (LEVELS[name] < min) return;
    const context = getContext();
    const line = {
      time: now().toISOString(),
      level: name,
      msg: String(msg), // JSON.stringify escapes \n, so one event stays one line
      ...(context ? { trace_id: context.traceId, span_id: context.spanId } : {}),
      ...bindings, ...fields,
    };
    const names = [...hidden].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const text = JSON.stringify(line, (k, v) => (v instanceof Error ? { type: v.name, message: v.message, stack: v.stack } : v))
      .replace(new RegExp('"(' + names + ')":"[^"]*"', 'gi'), '"$1":"[REDACTED]"');
    stream.write(text + '\n');
  };

  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (more) => createLogger({ level, stream, redact, now, bindings: { ...bindings, ...more } }),
  };
}
