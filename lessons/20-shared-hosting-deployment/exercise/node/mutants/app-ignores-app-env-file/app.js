// The startup file Passenger runs ("Setup Node.js App" / Application Manager): app root, not public/.
// Passenger (or you, locally) chooses the port through PORT; restart with: touch tmp/restart.txt
import { loadConfig } from './src/config.js';
import { createServer } from './src/server.js';

const envFile = new URL('./.env', import.meta.url).pathname;

let config;
try {
  config = loadConfig(envFile);
} catch (err) {
  // The message names missing keys only; stop before serving anything half-configured.
  console.error(`cannot start: ${err.message}`);
  process.exit(1);
}

const server = createServer({ publicDir: new URL('./public', import.meta.url).pathname, config });
server.listen(process.env.PORT ?? 3000, () => {
  console.log(`listening on ${process.env.PORT ?? 3000}`);
});
