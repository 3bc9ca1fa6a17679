// Entry point: you do not need to edit this file. Run it with `npm start`.
import { createServer } from './server.js';
import { gracefulShutdown } from './shutdown.js';

const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const server = createServer();

server.listen(port, () => {
  console.log(JSON.stringify({ msg: 'listening', port: server.address().port }));
});

process.once('SIGTERM', async () => {
  console.log(JSON.stringify({ msg: 'SIGTERM received, draining' }));
  await gracefulShutdown(server, { timeoutMs: 5_000 });
  // Close other resources (database pools, queues) here, then let the
  // process end on its own: nothing is left on the event loop.
  console.log(JSON.stringify({ msg: 'closed' }));
});
