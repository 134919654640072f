#!/usr/bin/env node
// Serves the fake OpenAI Videos API over HTTP: `pnpm fake-openai` (after a build) or
// `npx sora-kit-fake-openai`. Point any OpenAI client at the printed URL.
//   FAKE_OPENAI_PORT        port (default 4010)
//   FAKE_OPENAI_HOST        interface (default 127.0.0.1)
//   SORA_KIT_FAKE_SECONDS   generation time of one video, in seconds (default 12)
//   FAKE_OPENAI_API_KEY     the only Bearer token accepted (default: any)
//   FAKE_OPENAI_WEBHOOK_URL / FAKE_OPENAI_WEBHOOK_SECRET   signed video.completed/failed deliveries
const HELP = `sora-kit-fake-openai: serves a fake of the OpenAI Videos API over HTTP (videos from
@sora-kit/sample-media). Point any OpenAI client at the URL it prints.

Environment:
  FAKE_OPENAI_PORT        port (default 4010)
  FAKE_OPENAI_HOST        interface (default 127.0.0.1)
  SORA_KIT_FAKE_SECONDS   generation time of one video, in seconds (default 12)
  FAKE_OPENAI_API_KEY     the only Bearer token accepted (default: any)
  FAKE_OPENAI_WEBHOOK_URL, FAKE_OPENAI_WEBHOOK_SECRET
                          signed video.completed / video.failed deliveries`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
if (args.length > 0) {
  console.error(
    `sora-kit-fake-openai takes no arguments (got ${args.join(' ')}); settings come from the environment.\n\n${HELP}`,
  );
  process.exit(2);
}

const { createFakeOpenAI } = await import('../dist/testing.js');
const env = process.env;
const port = Number(env.FAKE_OPENAI_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`FAKE_OPENAI_PORT must be a port number, got "${env.FAKE_OPENAI_PORT}"`);
  process.exit(2);
}
// The fake's videos come from an optional package: say so now, not as a failed download later.
try {
  await import('@sora-kit/sample-media');
} catch {
  console.error(
    'sora-kit-fake-openai: its sample videos live in @sora-kit/sample-media; install it: npm i -D @sora-kit/sample-media',
  );
  process.exit(1);
}
const seconds = Number(env.SORA_KIT_FAKE_SECONDS ?? 12);
const webhook =
  env.FAKE_OPENAI_WEBHOOK_URL && env.FAKE_OPENAI_WEBHOOK_SECRET
    ? { url: env.FAKE_OPENAI_WEBHOOK_URL, secret: env.FAKE_OPENAI_WEBHOOK_SECRET }
    : undefined;

const fake = createFakeOpenAI({
  generationSeconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : 12,
  ...(env.FAKE_OPENAI_API_KEY ? { apiKey: env.FAKE_OPENAI_API_KEY } : {}),
  ...(webhook ? { webhook } : {}),
});
const server = await fake.listen({ port, hostname: env.FAKE_OPENAI_HOST ?? '127.0.0.1' });
console.log(`Fake OpenAI Videos API listening on ${server.url}`);
console.log(`  OPENAI_BASE_URL=${server.url} OPENAI_API_KEY=${env.FAKE_OPENAI_API_KEY ?? 'sk-anything'}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
