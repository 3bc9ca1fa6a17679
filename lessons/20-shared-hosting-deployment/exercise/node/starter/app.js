// Started with: node app.js
import { loadConfig } from './src/config.js';
import { createServer } from './src/server.js';

const config = loadConfig('.env');
const server = createServer({ publicDir: new URL('./public', import.meta.url).pathname, config });
server.listen(8080, () => {
  console.log('listening on http://localhost:8080');
});
