#!/usr/bin/env node
// `sora-kit worker`: a worker process (refreshes, copies, notifies) beside web processes on shared
// storage. Configured by environment variables (`sora-kit --help` lists them). Misconfiguration or
// an unreachable engine ends the process with one line and exit code 1.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createSoraWorker, deploymentFromEnv, openaiProvider, openrouterProvider } from '../dist/index.js';

const HELP = `usage: sora-kit worker      run a worker: refreshes jobs, copies finished videos, fires hooks
       sora-kit --help      this help
       sora-kit --version   the version of @sora-kit/server

The worker serves no API: web processes do (createSoraHandler with separateWorker: true, on the
same storage). It answers GET /api/sora/health and /api/sora/ready on PORT for the platform.

Environment:
  SORA_KIT_STORAGE     redis://… or postgres://… (required: the web processes' storage)
  SORA_KIT_NAMESPACE   key / table prefix shared with the web processes (default sora_kit)
  SORA_KIT_BLOBS       fs (default) or s3://bucket[/prefix], with AWS_REGION, AWS_ACCESS_KEY_ID,
                       AWS_SECRET_ACCESS_KEY and, for S3-compatible stores, SORA_KIT_S3_ENDPOINT
  SORA_KIT_DATA_DIR    where fs blobs live (default ./.sora-kit; the same folder as the web's)
  SORA_KIT_PROVIDER    openai (default) or openrouter: the provider the web processes use
  OPENAI_API_KEY       the OpenAI key (optional with OPENAI_BASE_URL)
  OPENAI_BASE_URL      an OpenAI-compatible endpoint (Azure, a shared sora-kit-fake-openai)
  OPENROUTER_API_KEY   the OpenRouter key (SORA_KIT_PROVIDER=openrouter)
  OPENROUTER_BASE_URL  another OpenRouter-compatible endpoint (default https://openrouter.ai/api/v1)
  PORT                 where the probes answer (default 3001); HOST (default 0.0.0.0)

More: "Running many instances" in the README of @sora-kit/server, and docs/deployment.md in its repository.`;

const args = process.argv.slice(2);
if (args.some((arg) => arg === '--help' || arg === '-h') || args[0] === 'help') {
  console.log(HELP);
  process.exit(0);
}
if (args[0] === '--version' || args[0] === '-v') {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  console.log(manifest.version);
  process.exit(0);
}
if (args[0] !== 'worker' || args.length > 1) {
  const what = args.length === 0 ? 'no command given' : `unknown command "${args.join(' ')}"`;
  console.error(`sora-kit: ${what}\n\n${HELP}`);
  process.exit(1);
}

/** The provider the environment names, as the web processes must use it (jobs record its name). */
function providerFromEnv(env) {
  const name = env.SORA_KIT_PROVIDER || 'openai';
  if (name === 'openrouter') {
    if (!env.OPENROUTER_API_KEY) throw new Error('SORA_KIT_PROVIDER=openrouter needs OPENROUTER_API_KEY');
    return {
      provider: openrouterProvider({
        apiKey: env.OPENROUTER_API_KEY,
        baseURL: env.OPENROUTER_BASE_URL || undefined,
      }),
      label: `OpenRouter${env.OPENROUTER_BASE_URL ? ` at ${env.OPENROUTER_BASE_URL}` : ''}`,
    };
  }
  if (name !== 'openai')
    throw new Error(`SORA_KIT_PROVIDER must be "openai" or "openrouter" (got "${name}")`);
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL)
    throw new Error('OPENAI_API_KEY is required (or OPENAI_BASE_URL for an endpoint that needs no key)');
  return {
    // The SDK refuses to start without a key; an endpoint that takes none ignores this one.
    provider: openaiProvider({
      apiKey: env.OPENAI_API_KEY || 'no-key',
      baseURL: env.OPENAI_BASE_URL || undefined,
    }),
    label: `OpenAI${env.OPENAI_BASE_URL ? ` at ${env.OPENAI_BASE_URL}` : ''}`,
  };
}

async function main() {
  const env = process.env;
  const port = Number(env.PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  const { provider, label } = providerFromEnv(env);
  const deployment = await deploymentFromEnv({ ...env, SORA_KIT_ROLE: 'worker' });
  const worker = createSoraWorker({
    provider,
    storage: deployment.storage,
    coordination: deployment.coordination,
    blobs: deployment.blobs,
    ...(env.SORA_KIT_DATA_DIR ? { dataDir: env.SORA_KIT_DATA_DIR } : {}),
  });
  worker.start();
  const app = new Hono();
  app.route('/api/sora', worker.routes);
  const server = serve({ fetch: app.fetch, port, hostname: env.HOST || '0.0.0.0' }, (info) => {
    console.log(
      `sora-kit worker: ${label}; ${deployment.summary}; probes on :${info.port}/api/sora/health and /api/sora/ready`,
    );
  });
  const stop = async () => {
    server.close();
    await worker.close();
    await deployment.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`sora-kit worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
