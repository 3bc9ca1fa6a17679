// Wires the pieces together, like public/index.php in the PHP version. Try it by hand:
//   npm start, then curl -i http://127.0.0.1:8080/users/1 and curl -i -X POST http://127.0.0.1:8080/users/1
import { UserController } from './controllers/userController.js';
import { Router } from './router.js';
import { createServer } from './server.js';
import { UserDirectory } from './services/userDirectory.js';
import { UserSerializer } from './views/userSerializer.js';

export function createApp() {
  const users = new UserDirectory(new Map([[1, { id: 1, name: 'Ada', email: 'ada@example.com', passwordHash: '(hidden)' }]]));
  const controller = new UserController(users, new UserSerializer());
  const router = new Router();
  router.add('GET', '/users/{id:\\d+}', (request, params) => controller.show(request, params));
  router.add('GET', '/users/{id:\\d+}/page', (request, params) => controller.page(request, params));
  return createServer(router);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  createApp().listen(8080, '127.0.0.1', () => console.log('http://127.0.0.1:8080/users/1'));
}
