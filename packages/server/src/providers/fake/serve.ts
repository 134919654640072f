/** Serving the fake over a real socket (Node only; imported on demand to keep the fake browser-safe). */
import type { Hono } from 'hono';
import type { FakeListenOptions, FakeOpenAIServer } from './fake.js';

/**
 * Starts an HTTP server for `app`, sweeping due webhooks on a timer until closed. Both fakes use it;
 * `basePath` is where the app's API lives (`/v1` for OpenAI, `/api/v1` for OpenRouter).
 */
export async function serveFake(
  app: Hono,
  options: FakeListenOptions,
  sweep: () => Promise<void>,
  basePath = '/v1',
): Promise<FakeOpenAIServer> {
  const { serve } = await import('@hono/node-server');
  const hostname = options.hostname ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info) =>
        resolve({ server: started, port: info.port }),
      );
      started.once('error', reject);
    },
  );
  const timer = setInterval(() => void sweep(), options.sweepIntervalMs ?? 250);
  timer.unref?.();
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${port}${basePath}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(timer);
        server.close((error) => (error ? reject(error) : resolve()));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
