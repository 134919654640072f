/** Serving a fake over a real socket (Node only; imported on demand to keep the fakes browser-safe). */
import type { Hono } from 'hono';

/** Options of a fake's `listen()`. */
export interface FakeListenOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
  /** How often webhooks that fell due are sent while listening, in real ms. Default 250. */
  sweepIntervalMs?: number;
}

/** A running fake server. */
export interface FakeServer {
  /** Base URL including the API's base path, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server for `app`, sweeping due webhooks on a timer until closed. Both fakes use it;
 * `basePath` is where the app's API lives (`/v1` for OpenAI, `/api/v1` for OpenRouter).
 */
export async function serveFake(
  app: Hono,
  options: FakeListenOptions,
  sweep: () => Promise<void>,
  basePath = '/v1',
): Promise<FakeServer> {
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
