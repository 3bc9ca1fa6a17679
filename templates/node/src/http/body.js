import { HttpError } from './errors.js';

/**
 * Read and parse a JSON object request body, answering client mistakes with
 * the right status: 415 wrong media type, 413 too large, 400 empty or malformed.
 *
 * Never buffer an unbounded body: a client could send gigabytes and exhaust
 * memory. We stop at `limit` bytes, whatever Content-Length claims.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {{ limit: number }} options
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readJson(req, { limit }) {
  // "application/json; charset=utf-8" -> "application/json"
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(415, 'Send the request body as application/json.', {
      headers: { 'Accept-Post': 'application/json' },
    });
  }

  // Refuse early when the client announces a too-large body.
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);

  const text = (await readBody(req, limit)).toString('utf8');
  if (text.trim() === '') {
    throw new HttpError(400, 'The request body is empty; expected a JSON object.');
  }

  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  return data;
}

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;

    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        // Stop collecting. resume() without listeners discards the rest as it
        // arrives: closing a socket with unread data makes the OS send a reset,
        // and the client might then never see our 413.
        cleanup();
        req.resume();
        reject(tooLarge(limit));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error) => {
      cleanup();
      reject(error);
    };

    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooLarge(limit) {
  return new HttpError(413, `The request body must not exceed ${limit} bytes.`);
}
