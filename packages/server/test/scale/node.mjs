// One process of the multi-process suite: a web instance (SCALE_ROLE=web) or a worker
// (SCALE_ROLE=worker) of the built package, configured like a deployment (SORA_KIT_STORAGE,
// SORA_KIT_BLOBS, SORA_KIT_S3_ENDPOINT, SORA_KIT_NAMESPACE, OPENAI_BASE_URL). Hooks append one line
// per call to SCALE_HOOK_LOG (O_APPEND writes of one short line do not interleave), and the
// process prints `ready <port>` once it listens.
import { appendFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  consoleLogger,
  createSoraHandler,
  createSoraWorker,
  deploymentFromEnv,
  openaiProvider,
} from '../../dist/index.js';

const env = process.env;
const role = env.SCALE_ROLE;
const log =
  (hook) =>
  ({ job }) =>
    appendFileSync(env.SCALE_HOOK_LOG, `${hook} ${job.jobId} ${process.pid}\n`);
const polling = { minDelayMs: 150, maxDelayMs: 600, tickMs: 100, leaseMs: 3000, concurrency: 16 };
const limits = env.SCALE_LIMITS ? JSON.parse(env.SCALE_LIMITS) : { limits: false, quotas: false };

try {
  const deployment = await deploymentFromEnv({ ...env, SORA_KIT_ROLE: role });
  const provider = openaiProvider({ apiKey: 'sk-fake', baseURL: env.OPENAI_BASE_URL, maxRetries: 1 });
  const shared = {
    provider,
    storage: deployment.storage,
    coordination: deployment.coordination,
    blobs: deployment.blobs,
    logger: env.SCALE_DEBUG ? consoleLogger('debug') : false,
    polling,
    copy: { baseDelayMs: 50, maxDelayMs: 200 },
    ...limits,
  };
  const app = new Hono();
  if (role === 'worker') {
    const worker = createSoraWorker({
      ...shared,
      hooks: { onJobCompleted: log('completed'), onJobFailed: log('failed') },
    });
    worker.start();
    app.get('/api/sora/health', (c) => c.json({ ok: true, role: 'worker' }));
  } else {
    const sora = createSoraHandler({
      ...shared,
      secret: 'scale-suite-secret-scale-suite-secret-0123',
      separateWorker: true,
      // The host's auth: the test names its users in a header.
      auth: (c) => (c.req.header('x-user') ? { id: c.req.header('x-user') } : null),
      hooks: { onJobCreated: log('created') },
    });
    app.route('/api/sora', sora);
  }
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`ready ${info.port}`));
} catch (error) {
  console.error(`scale node: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
