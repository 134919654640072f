// The app's small Node server: the sora-kit API under /api/sora and, once `vite build` ran, the
// built page from dist/. In development, Vite serves the page and proxies /api/sora here.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSoraHandler, fakeProvider, openaiProvider } from '@sora-kit/server';
import { toNodeListener } from '@sora-kit/server/node';

const port = Number(process.env.PORT || 3000);
const dataDir = process.env.SORA_KIT_DATA_DIR || '.sora-kit';
const fakeSeconds = Number(process.env.SORA_KIT_FAKE_SECONDS || 12);
const dist = fileURLToPath(new URL('./dist/', import.meta.url));

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
  // Set by dev.mjs: the page's public address is the Vite dev server's.
  publicUrl: process.env.SORA_KIT_PUBLIC_URL || undefined,
});
const api = toNodeListener(sora, { basePath: '/api/sora' });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/api/sora' || path.startsWith('/api/sora/')) return api(req, res);
  // The built single-page app; unknown paths get index.html.
  const file = join(dist, normalize(path).replace(/^(\.\.[/\\])+/, ''));
  const target = path !== '/' && existsSync(file) ? file : join(dist, 'index.html');
  if (!existsSync(target)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Run `pnpm build` first, or `pnpm dev`.');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
  res.end(readFileSync(target));
});
server.listen(port, () => {
  sora.startPolling();
  const provider = process.env.OPENAI_API_KEY ? 'OpenAI' : `the fake provider (${fakeSeconds} s a video)`;
  console.log(`React + Vite example on http://localhost:${server.address().port}/ (${provider})`);
});
server.on('error', (error) => {
  console.error(`react-vite example: cannot listen on port ${port}: ${error.code ?? error.message}`);
  process.exit(1);
});
const stop = () => {
  sora.stopPolling();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
