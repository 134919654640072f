/** The handler served over a real socket (@hono/node-server), mounted at /api/sora as the demo does. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { SoraHandler } from '../../src/handler.js';

export interface SocketServer {
  /** The API's base URL, `http://127.0.0.1:<port>/api/sora`. */
  base: string;
  close(): Promise<void>;
}

/** A `serve` of @hono/node-server (the version the server package depends on, or another). */
export type Serve = (options: {
  fetch: Hono['fetch'];
  port: number;
  hostname: string;
}) => ReturnType<typeof serve>;

/**
 * `host` adds the host app's own middleware before the handler is mounted; `serveWith` is the
 * host's own @hono/node-server when it is another major than ours.
 */
export async function serveOverSocket(
  handler: SoraHandler,
  host?: (app: Hono) => void,
  serveWith: Serve = serve,
): Promise<SocketServer> {
  const app = new Hono();
  host?.(app);
  app.route('/api/sora', handler);
  const server = serveWith({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sora`,
    async close() {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
