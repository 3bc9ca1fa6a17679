// Prints the non-secret part of the configuration. Used by the tests:
//   node --env-file=tests/fixtures/fixture.env src/print-config.js
// You do not need to edit this file.
import { loadConfig } from './config.js';

try {
  const config = loadConfig();
  console.log(JSON.stringify({ port: config.port, appEnv: config.appEnv }));
} catch (err) {
  console.error(err.message); // must name the variable, never its value
  process.exitCode = 1;
}
