// A plain node:http server: the page, the elements' prebuilt module from node_modules, and the
// sora-kit API under /api/sora. No framework, no bundler.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSoraHandler, fakeProvider, openaiProvider } from '@sora-kit/server';
import { toNodeListener } from '@sora-kit/server/node';

const port = Number(process.env.PORT || 3000);
const dataDir = process.env.SORA_KIT_DATA_DIR || '.sora-kit';
const fakeSeconds = Number(process.env.SORA_KIT_FAKE_SECONDS || 12);

/** SORA_KIT_SECRET, or one made on first start and kept in the data dir (links survive restarts). */
function secret() {
  if (process.env.SORA_KIT_SECRET) return process.env.SORA_KIT_SECRET;
  const file = join(dataDir, 'secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const made = randomBytes(32).toString('base64url');
    writeFileSync(file, made, { mode: 0o600 });
    return made;
  }
}

const sora = createSoraHandler({
  provider: process.env.OPENAI_API_KEY
    ? openaiProvider({ apiKey: process.env.OPENAI_API_KEY })
    : fakeProvider({ generationSeconds: fakeSeconds }),
  secret: secret(),
  dataDir,
});
const api = toNodeListener(sora, { basePath: '/api/sora' });

const elements = fileURLToPath(import.meta.resolve('@sora-kit/elements/browser'));
const files = {
  '/': ['text/html; charset=utf-8', fileURLToPath(new URL('./index.html', import.meta.url))],
  '/vendor/sora-kit-elements.js': ['text/javascript; charset=utf-8', elements],
  '/vendor/sora-kit-elements.js.map': ['application/json', `${elements}.map`],
};

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/api/sora' || path.startsWith('/api/sora/')) return api(req, res);
  const file = files[path];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  try {
    res.writeHead(200, { 'content-type': file[0] }).end(readFileSync(file[1]));
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
});
server.listen(port, () => {
  sora.startPolling();
  const provider = process.env.OPENAI_API_KEY ? 'OpenAI' : `the fake provider (${fakeSeconds} s a video)`;
  console.log(`HTML example on http://localhost:${server.address().port}/ (${provider})`);
});
server.on('error', (error) => {
  console.error(`html example: cannot listen on port ${port}: ${error.code ?? error.message}`);
  process.exit(1);
});
const stop = () => {
  sora.stopPolling();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
