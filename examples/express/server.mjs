// An Express 5 app with sora-kit: the API under /api/sora and a page using the elements.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSoraHandler, fakeProvider, openaiProvider } from '@sora-kit/server';
import { toNodeListener } from '@sora-kit/server/node';
import express from 'express';

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
  // Behind a TLS-terminating proxy (nginx, a PaaS router), believe its X-Forwarded-* headers.
  trustProxy: process.env.TRUST_PROXY === '1',
});

const app = express();
app.use(express.json()); // the app's own JSON routes; the sora-kit listener copes with it
app.use('/api/sora', toNodeListener(sora));
// The elements as one prebuilt browser module, straight from node_modules.
app.get('/elements.js', (_req, res) => {
  res.sendFile(fileURLToPath(import.meta.resolve('@sora-kit/elements/browser')));
});
app.use(express.static(fileURLToPath(new URL('./public', import.meta.url))));

const server = app.listen(port, () => {
  sora.startPolling();
  const provider = process.env.OPENAI_API_KEY ? 'OpenAI' : `the fake provider (${fakeSeconds} s a video)`;
  console.log(`Express example on http://localhost:${server.address().port}/ (${provider})`);
});
server.on('error', (error) => {
  console.error(`express example: cannot listen on port ${port}: ${error.code ?? error.message}`);
  process.exit(1);
});
const stop = () => {
  sora.stopPolling();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
