/**
 * The Node `ServerResponse` a request will be answered on, when @hono/node-server serves it (the
 * Express and plain-Node adapters use it too). Headers that every answer carries are cheaper set
 * there, in Node's own header list, than on each Fetch `Response`: Node merges them into whatever
 * head the answer writes, and a header the answer sets itself takes precedence.
 */
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

/** The response behind `c`, while its head is still unwritten; else undefined (other runtimes). */
export function nodeResponseOf(c: Context): ServerResponse | undefined {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return outgoing && typeof outgoing.setHeader === 'function' && !outgoing.headersSent ? outgoing : undefined;
}
