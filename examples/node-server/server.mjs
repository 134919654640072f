// The sora-kit demo: the handler at /api/sora and <sora-studio> at /, on embedded defaults
// (file storage in the data dir, the fake provider when no OPENAI_API_KEY is set).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createSoraHandler, fakeProvider, openaiProvider, openrouterProvider } from '@sora-kit/server';
import { createFakeOpenRouter } from '@sora-kit/server/testing';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { ConfigError, readConfig } from './config.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Bundles the elements for the browser once at start-up (a host app would use its own bundler). */
async function bundleClient() {
  const result = await build({
    entryPoints: [here('./client.js')],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The provider the environment asks for: a real one with a key, else that provider's fake. */
function chooseProvider(config) {
  if (config.provider === 'openrouter') {
    if (config.openrouterKey) return openrouterProvider({ apiKey: config.openrouterKey });
    const fake = createFakeOpenRouter({ generationSeconds: config.fakeSeconds });
    return openrouterProvider({
      apiKey: 'sk-or-fake',
      fetch: fake.fetch,
      estimatedSeconds: config.fakeSeconds,
    });
  }
  if (config.apiKey) return openaiProvider({ apiKey: config.apiKey, baseURL: config.baseURL });
  // No silent retries inside the demo's fake: `fake:rate_limit` shows the person the refusal and its countdown.
  return fakeProvider({ generationSeconds: config.fakeSeconds, provider: { maxRetries: 0 } });
}

function isFake(config) {
  return config.provider === 'openrouter' ? !config.openrouterKey : !config.apiKey;
}

function describeProvider(config) {
  const name = config.provider === 'openrouter' ? 'OpenRouter' : 'OpenAI';
  if (!isFake(config))
    return `${name}${config.baseURL && config.provider === 'openai' ? ` at ${config.baseURL}` : ''}`;
  const missing = config.provider === 'openrouter' ? 'OPENROUTER_API_KEY' : 'OPENAI_API_KEY';
  return `the built-in fake ${name} (no ${missing} set; a video takes ${config.fakeSeconds} s)`;
}

async function main() {
  const config = await readConfig();
  const provider = chooseProvider(config);
  const sora = createSoraHandler({ provider, secret: config.secret, dataDir: config.dataDir });

  const [script, html, css, icon] = await Promise.all([
    bundleClient(),
    ...['index.html', 'app.css', 'favicon.svg'].map((name) => readFile(here(`./public/${name}`), 'utf8')),
  ]);

  const app = new Hono();
  app.route('/api/sora', sora);
  app.get('/', (c) => c.html(html));
  app.get('/app.js', (c) => c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/app.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.get('/favicon.svg', (c) => c.body(icon, 200, { 'content-type': 'image/svg+xml' }));

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(`sora-kit demo on http://${shown}:${info.port}/  (provider: ${describeProvider(config)})`);
    console.log(`data dir: ${config.dataDir}`);
  });
  server.on('error', (error) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is already in use; start with PORT=<another port>`
        : `the server cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`;
    console.error(`sora-kit demo: ${reason}`);
    process.exit(1);
  });
  sora.startPolling();

  const stop = () => {
    sora.stopPolling();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`sora-kit demo: ${error.message}`);
  } else {
    console.error(`sora-kit demo: could not start: ${error?.message ?? error}`);
  }
  process.exit(1);
});
