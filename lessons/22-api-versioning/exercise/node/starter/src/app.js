// API Versioning exercise: serve /v1 and /v2 from ONE domain service.
import http from 'node:http';
import { userService as defaultUsers } from './users.js';

export const MIGRATION_DOCS = 'https://example.test/docs/v2-migration';
export const V1_DEPRECATED_AT = Date.UTC(2026, 0, 1);              // 2026-01-01T00:00:00Z
export const V1_SUNSET_AT = Date.UTC(2027, 5, 30, 23, 59, 59);     // 2027-06-30T23:59:59Z

/**
 * Creates the server.
 *   GET /v1/users/:id -> { id, name }                  + Deprecation, Sunset and Link headers
 *   GET /v2/users/:id -> { id, firstName, lastName }   (no Deprecation header)
 *   unknown version   -> 404 problem+json listing the supported versions
 *   v1 after sunset   -> 410 problem+json whose "type" is MIGRATION_DOCS
 *   v1 during a brownout window (before the sunset) -> the same 410; v2 is never browned out
 * Both versions must get their data from users.getUser(id).
 * For every request to a known version call onUsage({ version, client, status }), where client
 * is the X-Client-Id request header (or 'anonymous') and status the status code you answer.
 *
 * @param {{ users?: { getUser(id: string): Promise<object|null> }, now?: () => number,
 *   brownouts?: { start: number, end: number }[], onUsage?: (event: object) => void }} [options]
 *   `now` returns the current time in milliseconds (injected so tests can travel in time);
 *   a brownout window covers start <= now < end (milliseconds).
 * @returns {http.Server}
 */
export function createApp({ users = defaultUsers, now = () => Date.now(), brownouts = [], onUsage = () => {} } = {}) {
  throw new Error('Not implemented yet: createApp() in src/app.js');
}
