// The front controller for node:http: every request comes here, becomes a Request, goes through
// the router, and the Response goes back out. Only this file touches req and res.
import { createServer as createHttpServer } from 'node:http';
import { Request, Response } from './http.js';

/** @param {import('./router.js').Router} router */
export function createServer(router) {
  return createHttpServer((req, res) => {
    let response;
    try {
      // req.url is the raw request target: still percent-encoded, query string included.
      response = router.dispatch(new Request(req.method ?? 'GET', req.url ?? '/', req.headers));
    } catch (error) {
      console.error(error); // the details go to the log, never to the client
      response = Response.text(500, 'Internal Server Error');
    }
    res.writeHead(response.status, response.headers);
    res.end(response.body); // node:http sends no body for HEAD by itself
  });
}
