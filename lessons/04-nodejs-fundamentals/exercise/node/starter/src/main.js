// Entry point: you do not need to edit this file. Run it with `node src/main.js`
// (or `npm start`; see README.md for why signals are better sent to node directly).
import { createServer } from './server.js';
import { gracefulShutdown } from './shutdown.js';

const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const server = createServer();

server.listen(port, () => {
  console.log(JSON.stringify({ msg: 'listening', port: server.address().port, pid: process.pid }));
});

// SIGTERM is what orchestrators (Kubernetes, Docker, systemd) send; SIGINT is Ctrl+C in a
// terminal. Both start the same drain; `once` so that a second signal does not start another.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, async () => {
    console.log(JSON.stringify({ msg: `${signal} received, draining` }));
    await gracefulShutdown(server, { timeoutMs: 5_000 });
    // Close other resources (database pools, queues) here, then let the
    // process end on its own: nothing is left on the event loop.
    console.log(JSON.stringify({ msg: 'closed' }));
  });
}
