import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

const storage = new AsyncLocalStorage();
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function parseTraceparent(header) {
  if (typeof header !== 'string') return null;
  const match = TRACEPARENT.exec(header.trim());
  if (match === null) return null;
  const [, traceId, parentId, flags] = match;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return null;
  return { traceId, parentId, flags };
}

export function getContext() {
  return storage.getStore();
}

export function withRequestContext(handler) {
  return (req, res) => {
    const incoming = parseTraceparent(req.headers.traceparent);
    const traceId = incoming?.traceId ?? randomBytes(16).toString('hex');
    const spanId = randomBytes(8).toString('hex');
    const flags = incoming?.flags ?? '01';
    res.setHeader('traceparent', `00-${traceId}-${spanId}-${flags}`);
    return storage.run({ traceId, spanId }, () => handler(req, res));
  };
}
