// Child process of bench/cold-start.mjs: the sora-kit handler with its defaults (`ours`), or a
// bare Hono app (`hono`), serving /health on a random port it prints.
import { listen, SECRET, serverDep, serverDist } from './harness.mjs';

let fetch;
if (process.argv[2] === 'ours') {
  const { createSoraHandler, fakeProvider } = await import(serverDist);
  const handler = createSoraHandler({
    provider: fakeProvider(),
    secret: SECRET,
    logger: false,
    dataDir: process.argv[3],
  });
  handler.startPolling();
  fetch = handler.fetch;
} else {
  const { Hono } = await serverDep('hono');
  const app = new Hono();
  app.get('/health', (c) => c.json({ ok: true }));
  fetch = app.fetch;
}
const { url } = await listen(fetch);
console.log(url);
