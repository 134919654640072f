/**
 * A real server process for the crash tests: the handler on default file storage in DATA_DIR,
 * talking over HTTP to a fake OpenAI at FAKE_URL, polling fast. Prints its URL when listening.
 */
import { serve } from '@hono/node-server';
import { createSoraHandler } from '../../src/handler.js';
import { consoleLogger } from '../../src/logger.js';
import { openaiProvider } from '../../src/providers/openai.js';

const env = process.env;
const provider = openaiProvider({ apiKey: env.FAKE_KEY, baseURL: env.FAKE_URL, name: 'fake', maxRetries: 0 });
const handler = createSoraHandler({
  provider,
  secret: env.SECRET ?? '',
  dataDir: env.DATA_DIR,
  limits: false,
  quotas: false,
  logger: env.SORA_LOG ? consoleLogger('debug') : false,
  polling: { minDelayMs: 100, maxDelayMs: 300, leaseMs: 1500, tickMs: 50 },
});
handler.startPolling();
serve({ fetch: handler.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`listening http://127.0.0.1:${info.port}`);
});
