#!/usr/bin/env node
// `sora-kit worker`: a worker process (refreshes, copies, notifies) on shared storage.
//   SORA_KIT_STORAGE      redis://… or postgres://… (required: the web instances' storage)
//   SORA_KIT_BLOBS        fs (default) or s3://bucket[/prefix] (+ AWS_* and SORA_KIT_S3_ENDPOINT)
//   SORA_KIT_NAMESPACE    key / table prefix shared with the web instances (default sora_kit)
//   OPENAI_API_KEY, OPENAI_BASE_URL   the provider (OPENAI_BASE_URL may point at `pnpm fake-openai`)
//   PORT                  answers GET /api/sora/health and /api/sora/ready there, for the platform (default 3001)
// Misconfiguration or an unreachable engine ends the process with one line and exit code 1.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createSoraWorker, deploymentFromEnv, openaiProvider } from '../dist/index.js';

const [command] = process.argv.slice(2);
if (command !== 'worker') {
  console.error('usage: sora-kit worker   (configured by environment variables; see docs/deployment.md)');
  process.exit(command === undefined || command === '--help' ? 0 : 1);
}

async function main() {
  const env = process.env;
  const port = Number(env.PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  if (!env.OPENAI_API_KEY)
    throw new Error('OPENAI_API_KEY is required (any value with OPENAI_BASE_URL pointing at the fake)');
  const deployment = await deploymentFromEnv({ ...env, SORA_KIT_ROLE: 'worker' });
  const provider = openaiProvider({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL || undefined });
  const worker = createSoraWorker({
    provider,
    storage: deployment.storage,
    coordination: deployment.coordination,
    blobs: deployment.blobs,
  });
  worker.start();
  const app = new Hono();
  app.route('/api/sora', worker.routes);
  const server = serve({ fetch: app.fetch, port, hostname: env.HOST || '0.0.0.0' }, (info) => {
    console.log(
      `sora-kit worker: ${deployment.summary}; probes on :${info.port}/api/sora/health and /api/sora/ready`,
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
