#!/usr/bin/env node
// Installs (or reuses from the cache) the tools the tests need beyond npm ci: Node 24 for learners'
// code and code-server 4.100.3 for the real VS Code. Both live outside the clone, so CI reuses them.
import { ensureNode24 } from './lib/node24.mjs';
import { ensureCodeServer } from './codeServer.mjs';

console.log(`Node 24: ${ensureNode24()}`);
const codeServer = await ensureCodeServer();
console.log(`code-server: ${typeof codeServer === 'string' ? codeServer : JSON.stringify(codeServer)}`);
