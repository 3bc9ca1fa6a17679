import http from 'node:http';
import { createHash } from 'node:crypto';
import { TtlCache, createCached } from './cache.js';

const MAX_BODY_BYTES = 16 * 1024;
const LANGUAGES = ['en', 'fr'];
const NOT_FOUND_TTL_MS = 5_000;

class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * @param {{ products: ReturnType<typeof import('./products.js').createProductRepository>,
 *           now?: () => number, ttlMs?: number }} options
 */
export function createApp({ products, now = Date.now, ttlMs = 60_000 }) {
  const store = new TtlCache({ now });
  const cached = createCached(store);

  // GET (and HEAD) /products/:id
  // - load the product through cached() with a key that includes id and language;
  // - send Cache-Control: public, max-age=60, an ETag (use etagFor), Vary: Accept-Language,
  //   Content-Type and Content-Language;
  // - answer 304 with no body (but the same ETag, Cache-Control and Vary) when
  //   If-None-Match matches;
  // - unknown product: throw new HttpError(404, 'Not Found').
  async function getProduct(req, res, id) {
    throw new Error('Not implemented yet: getProduct()');
  }

  // PUT /products/:id
  // - parse with parseProduct(await readJsonBody(req)) and save with products.save();
  // - invalidate every cached variant of this product (delete-on-write);
  // - answer 204 with Cache-Control: no-store.
  async function putProduct(req, res, id) {
    throw new Error('Not implemented yet: putProduct()');
  }

  // GET /me: personal data. Answer 200 with JSON {"name":"Ada","email":"ada@example.com"}
  // and a Cache-Control value that keeps every cache (shared or private) from storing it.
  function getMe(req, res) {
    throw new Error('Not implemented yet: getMe()');
  }

  return http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://localhost');
      const product = pathname.match(/^\/products\/(\d{1,12})$/);
      if (product) {
        if (req.method === 'GET' || req.method === 'HEAD') return await getProduct(req, res, product[1]);
        if (req.method === 'PUT') return await putProduct(req, res, product[1]);
        throw new HttpError(405, 'Method Not Allowed', { Allow: 'GET, HEAD, PUT' });
      }
      if (pathname === '/me') {
        if (req.method === 'GET' || req.method === 'HEAD') return getMe(req, res);
        throw new HttpError(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      }
      throw new HttpError(404, 'Not Found');
    } catch (err) {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) {
        return sendJson(res, err.status, { error: err.message }, { 'Cache-Control': 'no-store', ...err.headers });
      }
      console.error(err);
      sendJson(res, 500, { error: 'Internal Server Error' }, { 'Cache-Control': 'no-store' });
    }
  });
}

/** A strong validator: a hash of the exact bytes sent. */
export function etagFor(body) {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * True when an If-None-Match header matches the current ETag.
 * The header is "*" or a comma-separated list of entity tags; If-None-Match
 * uses weak comparison, so W/"x" and "x" are the same tag here.
 */
export function ifNoneMatchMatches(header, etag) {
  throw new Error('Not implemented yet: ifNoneMatchMatches()');
}

/** Pick "en" or "fr" from Accept-Language, honouring q-values. Defaults to "en". */
export function pickLanguage(header) {
  if (typeof header !== 'string') return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => LANGUAGES.includes(r.lang) && r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang ?? 'en';
}

function sendJson(res, status, data, headers = {}) {
  const body = JSON.stringify(data);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body);
}

async function readJsonBody(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'Unsupported Media Type');
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Content Too Large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'Malformed JSON');
  }
}

function parseProduct(input) {
  const ok =
    input !== null && typeof input === 'object' &&
    typeof input.name?.en === 'string' && typeof input.name?.fr === 'string' &&
    Number.isSafeInteger(input.priceCents) && input.priceCents >= 0;
  if (!ok) throw new HttpError(422, 'Expected {"name":{"en":string,"fr":string},"priceCents":integer>=0}');
  return { name: { en: input.name.en, fr: input.name.fr }, priceCents: input.priceCents };
}
