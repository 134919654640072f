/**
 * The address a request came from, as the per-client limits count it: the socket's peer on
 * @hono/node-server (`env.incoming`). Other runtimes give none: name the client yourself with
 * `limits.perClient.key` there.
 */
import type { Context } from 'hono';

/** The socket's remote address, or `undefined` when the runtime does not expose one. */
export function socketAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress || undefined;
}
