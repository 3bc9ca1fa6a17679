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
  const variants = new Map(); // product id -> every cache key it was stored under

  async function getProduct(req, res, id) {
    const lang = pickLanguage(req.headers['accept-language']);
    // The key holds every input that changes the representation: id and language.
    // Key by what the client asked for, and remember the key so PUT can delete it.
    const key = `product:${id}:${req.headers['accept-language'] ?? ''}`;
    if (!variants.has(id)) variants.set(id, new Set());
    variants.get(id).add(key);
    const entry = await cached(key, (v) => (v ? ttlMs : NOT_FOUND_TTL_MS), async () => {
      const product = await products.find(id);
      if (!product) return null;
      const body = JSON.stringify({ id, name: product.name[lang], priceCents: product.priceCents });
      return { body, etag: etagFor(body) };
    });
    if (!entry) throw new HttpError(404, 'Not Found');

    const headers = {
      'Cache-Control': 'public, max-age=60',
      ETag: entry.etag,
      Vary: 'Accept-Language',
    };
    if (ifNoneMatchMatches(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Language': lang });
    res.end(entry.body);
  }

  async function putProduct(req, res, id) {
    const product = parseProduct(await readJsonBody(req));
    await products.save(id, product);
    // Delete-on-write: drop every cached variant of this product.
    for (const key of variants.get(id) ?? []) store.delete(key);
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }

  function getMe(req, res) {
    // Personal data: no shared cache may keep it, and the browser should not store it either.
    sendJson(res, 200, { name: 'Ada', email: 'ada@example.com' }, { 'Cache-Control': 'private, no-store' });
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
  if (typeof header !== 'string' || header.trim() === '') return false;
  if (header.trim() === '*') return true;
  const opaque = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
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
