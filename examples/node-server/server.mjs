// The sora-kit demo: the handler at /api/sora and <sora-studio> at /, on embedded defaults
// (file storage in the data dir, the fake provider when no OPENAI_API_KEY is set). With
// SORA_KIT_STORAGE (redis://… or postgres://…), SORA_KIT_BLOBS (s3://…) and SORA_KIT_ROLE (all, web,
// worker) the same script runs as any process of a scaled-out deployment (docs/deployment.md).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import {
  createSoraHandler,
  createSoraWorker,
  DeploymentConfigError,
  deploymentFromEnv,
  fakeProvider,
  openaiProvider,
  openrouterProvider,
} from '@sora-kit/server';
import { createFakeOpenRouter } from '@sora-kit/server/testing';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { pino } from 'pino';
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

/**
 * JSON lines for log collectors; in a terminal, readable lines through pino-pretty instead.
 * LOG_LEVEL=debug shows every request (and prompts, which are never logged above debug).
 */
function createLogger() {
  const level = process.env.LOG_LEVEL || 'info';
  if (!process.stdout.isTTY) return pino({ level, name: 'sora-kit' });
  return pino({
    level,
    transport: {
      target: 'pino-pretty',
      options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
    },
  });
}

/** The provider the environment asks for: a real one with a key, else that provider's fake. */
function chooseProvider(config) {
  if (config.provider === 'openrouter') {
    if (config.openrouterKey)
      return openrouterProvider({ apiKey: config.openrouterKey, baseURL: config.openrouterBaseURL });
    const fake = createFakeOpenRouter({ generationSeconds: config.fakeSeconds });
    return openrouterProvider({
      apiKey: 'sk-or-fake',
      fetch: fake.fetch,
      estimatedSeconds: config.fakeSeconds,
    });
  }
  if (config.apiKey) return openaiProvider({ apiKey: config.apiKey, baseURL: config.baseURL });
  // An OpenAI-compatible server that needs no key, such as `pnpm fake-openai` shared by several processes.
  if (config.baseURL) return openaiProvider({ apiKey: 'no-key', baseURL: config.baseURL });
  // The fake keeps its videos in the data dir, so a restarted demo finishes the jobs it had running,
  // and makes no silent retries: `fake:rate_limit` shows the person the refusal and its countdown.
  return fakeProvider({
    generationSeconds: config.fakeSeconds,
    stateDir: join(config.dataDir, 'fake'),
    provider: { maxRetries: 0 },
  });
}

/** Whether the provider is a fake inside this process (which other processes cannot share). */
function isFake(config) {
  return config.provider === 'openrouter' ? !config.openrouterKey : !config.apiKey && !config.baseURL;
}

function describeProvider(config) {
  const name = config.provider === 'openrouter' ? 'OpenRouter' : 'OpenAI';
  if (!isFake(config))
    return `${name}${config.baseURL && config.provider === 'openai' ? ` at ${config.baseURL}` : ''}${config.openrouterBaseURL && config.provider === 'openrouter' ? ` at ${config.openrouterBaseURL}` : ''}${config.provider === 'openai' && !config.apiKey ? ' (no key)' : ''}`;
  const missing = config.provider === 'openrouter' ? 'OPENROUTER_API_KEY' : 'OPENAI_API_KEY';
  return `the built-in fake ${name} (no ${missing} set; a video takes ${config.fakeSeconds} s)`;
}

/**
 * The page's security headers. The page runs no inline script; its CSS is a file, and any inline
 * <style> block would be allowed by hash (computed here, so editing the page cannot silently break
 * or widen the policy). The elements set no `style` attributes (Lit's styleMap writes through
 * CSSOM), so inline style attributes stay forbidden.
 */
function pageHeaders(html) {
  const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  );
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", ...styleHashes],
      imgSrc: ["'self'", 'data:', 'blob:'],
      mediaSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // The page is served over http in development; HSTS is the TLS proxy's business.
    strictTransportSecurity: false,
  });
}

/** Exits on SIGINT/SIGTERM after `close()`; a second signal exits at once. */
function onSignals(close) {
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(0);
    stopping = true;
    await close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Ends the process with one line when the server cannot listen. */
function exitOnListenError(server, config) {
  server.on('error', (error) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is already in use; start with PORT=<another port>`
        : `the server cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`;
    console.error(`sora-kit demo: ${reason}`);
    process.exit(1);
  });
}

/** SORA_KIT_ROLE=worker: refreshes, copies and notifies; answers the platform's probes on PORT. */
function runWorker(config, deployment, provider, logger) {
  const worker = createSoraWorker({
    provider,
    storage: deployment.storage,
    coordination: deployment.coordination,
    blobs: deployment.blobs,
    dataDir: config.dataDir,
    logger,
  });
  worker.start();
  const app = new Hono();
  app.route('/api/sora', worker.routes);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.info(
      `sora-kit worker (${deployment.summary}); probes at http://${shown}:${info.port}/api/sora/health`,
    );
    logger.info(`provider: ${describeProvider(config)}`);
  });
  exitOnListenError(server, config);
  onSignals(async () => {
    logger.info('shutting down');
    server.close();
    await worker.close();
    await deployment.close();
    process.exit(0);
  });
}

async function main() {
  const config = await readConfig();
  const deployment = await deploymentFromEnv(process.env);
  if (deployment.role !== 'all' && isFake(config)) {
    throw new ConfigError(
      `SORA_KIT_ROLE=${deployment.role} needs a provider every process shares: set OPENAI_API_KEY, or OPENAI_BASE_URL to a running \`pnpm fake-openai\``,
    );
  }
  const provider = chooseProvider(config);
  const logger = createLogger();
  if (deployment.role === 'worker') return runWorker(config, deployment, provider, logger);
  const sora = createSoraHandler({
    provider,
    secret: config.secret,
    dataDir: config.dataDir,
    logger,
    storage: deployment.storage,
    coordination: deployment.coordination,
    blobs: deployment.blobs,
    // A web process only serves; workers (SORA_KIT_ROLE=worker) refresh, copy and notify.
    separateWorker: deployment.role === 'web',
  });

  const [script, html, css, icon] = await Promise.all([
    bundleClient(),
    ...['index.html', 'app.css', 'favicon.svg'].map((name) => readFile(here(`./public/${name}`), 'utf8')),
  ]);

  const app = new Hono();
  app.route('/api/sora', sora);
  const headers = pageHeaders(html);
  app.use('/', headers);
  app.use('/app.js', headers);
  app.get('/', (c) => c.html(html, 200, { 'Cache-Control': 'no-cache' }));
  app.get('/app.js', (c) =>
    c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  app.use('/app.css', headers);
  app.get('/app.css', (c) =>
    c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  app.get('/favicon.svg', (c) => c.body(icon, 200, { 'content-type': 'image/svg+xml' }));

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    // Short, with the URL last (a space after it, for whoever scans the output for it).
    logger.info({ dataDir: config.dataDir }, `data dir: ${config.dataDir}; ${deployment.summary}`);
    logger.info(`sora-kit demo on http://${shown}:${info.port}/ (provider: ${describeProvider(config)})`);
  });
  // Slow clients: the request line and headers must arrive within 10 s and the whole request within
  // 60 s (the handler also cuts a body that takes over 30 s); idle keep-alive sockets go after 5 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  exitOnListenError(server, config);
  if (deployment.role === 'all') sora.startPolling();

  // Graceful: refuse new jobs, end event streams with a reconnect hint, let copies finish (up to
  // SHUTDOWN_DEADLINE_MS, default 10 s), then exit 0. A second signal exits at once.
  onSignals(async () => {
    const deadlineMs = Number(process.env.SHUTDOWN_DEADLINE_MS) || 10_000;
    logger.info({ deadlineMs }, 'shutting down');
    await sora.close({ deadlineMs });
    await deployment.close();
    server.close(() => process.exit(0));
    // Keep-alive sockets would hold server.close open; nothing is left to serve on them.
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 2000).unref();
  });
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DeploymentConfigError) {
    console.error(`sora-kit demo: ${error.message}`);
  } else {
    console.error(`sora-kit demo: could not start: ${error?.message ?? error}`);
  }
  process.exit(1);
});
