// Child process of bench/event-streams.mjs: serves `/events` (sora-kit, the default file storage
// driver with every read counted) or a bare node:http SSE endpoint, and answers IPC requests for
// its memory and read count. Run with --expose-gc.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen, loadServer, SECRET, serverDep } from './harness.mjs';

const mode = process.argv[2];
let reads = 0;
let close;

if (mode === 'ours') {
  const { createSoraHandler, fakeProvider, identityFrom } = await loadServer();
  const { createStorage } = await serverDep('unstorage');
  const { default: fsDriver } = await serverDep('unstorage/drivers/fs');
  const dir = await mkdtemp(join(tmpdir(), 'sora-bench-sse-'));
  const driver = fsDriver({ base: dir });
  const counted = { ...driver };
  for (const method of ['hasItem', 'getItem', 'getItemRaw', 'getItems', 'getKeys', 'getMeta']) {
    if (driver[method])
      counted[method] = (...args) => {
        reads++;
        return driver[method](...args);
      };
  }
  const handler = createSoraHandler({
    provider: fakeProvider(),
    secret: SECRET,
    logger: false,
    storage: createStorage({ driver: counted }),
    auth: identityFrom((c) => c.req.header('x-bench-user')),
  });
  handler.startPolling();
  const served = await listen(handler.fetch);
  close = async () => {
    await served.close();
    await handler.close();
    await rm(dir, { recursive: true, force: true });
  };
  process.send({ url: served.url });
} else {
  // The baseline: an idle event stream costs node:http a response kept open and a heartbeat.
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
    res.on('close', () => clearInterval(heartbeat));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(resolve));
  process.send({ url: `http://127.0.0.1:${server.address().port}` });
}

process.on('message', async (message) => {
  if (message === 'stats') {
    for (let i = 0; i < 4; i++) globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    globalThis.gc?.();
    const { getHeapSpaceStatistics, getHeapStatistics } = await import('node:v8');
    const ns = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.send({
      ...process.memoryUsage(),
      reads,
      newSpace: ns.space_size,
      heapUsed: getHeapStatistics().used_heap_size,
    });
  } else if (message === 'exit') {
    await close();
    process.exit(0);
  }
});
