/**
 * `@sora-kit/server/node`: the handler as a Node request listener, for Node servers that are not
 * Hono — Express, Fastify, Koa, plain `node:http`. It knows the path it is mounted under
 * (Express's `req.baseUrl`, or the `basePath` option) so media links carry it, and it works
 * whether or not a body parser ran before it: a body already parsed by `express.json()`,
 * `express.urlencoded()`, `express.text()` or `express.raw()` is handed on as it was sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Env, Hono } from 'hono';
import { normalizeBasePath } from './proxy.js';
import { fetchUnder } from './security/mount.js';

/** The handler from `createSoraHandler` (or any Hono app; a `basePath` it has is honoured). */
export type MountableHandler<E extends Env = Env> = Hono<E> & { readonly basePath?: string | undefined };

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Where the listener is mounted when the server does not say (plain `node:http` gives the whole
   * path): requests outside it answer a contract 404. Under Express, `req.baseUrl` is used.
   * Defaults to the handler's `basePath`, else the root.
   */
  basePath?: string;
}

/** What Express, body parsers and friends add to Node's request. */
interface MountedRequest extends IncomingMessage {
  /** Express: the URL before the mount path was stripped from `url`. */
  originalUrl?: string;
  /** Express: the path the router is mounted under. */
  baseUrl?: string;
  /** A body parser's result. */
  body?: unknown;
  /** body-parser's "I read the stream" flag. */
  _body?: boolean;
  /** Some platforms (Google Cloud Functions, Firebase) keep the raw bytes here. */
  rawBody?: unknown;
}

/** A Node request listener with Express's optional `next`. */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether something before us already read the request body from the stream. */
function bodyAlreadyRead(req: MountedRequest): boolean {
  return !BODYLESS.has(req.method ?? 'GET') && (req._body === true || req.readableEnded);
}

/**
 * The bytes of a body a parser already read, re-serialised in the request's content type, or
 * `undefined` when they cannot be had back.
 */
function bodyBytes(req: MountedRequest): Uint8Array | undefined {
  if (req.rawBody instanceof Uint8Array) return req.rawBody;
  const { body } = req;
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body === undefined || body === null || typeof body !== 'object') return undefined;
  const type = req.headers['content-type']?.toLowerCase() ?? '';
  if (type.includes('json')) return new TextEncoder().encode(JSON.stringify(body));
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(body)) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(key, String(item));
    }
    return new TextEncoder().encode(form.toString());
  }
  return undefined;
}

/** The contract's answer when the body was consumed and cannot be recovered. */
function bodyLostResponse(): Response {
  return Response.json(
    {
      error: {
        code: 'internal',
        message:
          'The request body was read by a middleware before the sora-kit handler and is not available: ' +
          'mount the handler before that middleware, or use a body parser that sets req.body.',
      },
    },
    { status: 500, headers: { 'cache-control': 'no-store' } },
  );
}

/** A copy of `request` with `body` and a matching `Content-Length`. */
function withBody(request: Request, body: Uint8Array): Request {
  const headers = new Headers(request.headers);
  headers.set('content-length', String(body.byteLength));
  headers.delete('transfer-encoding');
  return new Request(request.url, {
    method: request.method,
    headers,
    body: new Uint8Array(body),
    signal: request.signal,
  });
}

/**
 * Turns the handler into a Node request listener `(req, res, next?)`.
 *
 * @example
 * // Express 5 (a JSON body parser in front is fine)
 * app.use(express.json());
 * app.use('/api/sora', toNodeListener(sora));
 * @example
 * // node:http
 * http.createServer(toNodeListener(sora, { basePath: '/api/sora' })).listen(3000);
 */
export function toNodeListener<E extends Env>(
  handler: MountableHandler<E>,
  options: NodeListenerOptions = {},
): NodeListener {
  const fallbackMount = normalizeBasePath(options.basePath ?? handler.basePath ?? '');
  const fetchers = new Map<string, Hono<E>['fetch']>();
  const fetchFor = (mount: string): Hono<E>['fetch'] => {
    let fetch = fetchers.get(mount);
    if (!fetch) {
      // The handler itself when it already routes under this path (its basePath), else mounted.
      fetch =
        mount === normalizeBasePath(handler.basePath ?? '') ? handler.fetch : fetchUnder(handler, mount);
      fetchers.set(mount, fetch);
    }
    return fetch;
  };

  const listener = getRequestListener((request, env) => {
    const req = env.incoming as MountedRequest;
    const mount = req.baseUrl !== undefined ? normalizeBasePath(req.baseUrl) : fallbackMount;
    if (!bodyAlreadyRead(req)) return fetchFor(mount)(request, env);
    const body = bodyBytes(req);
    return body ? fetchFor(mount)(withBody(request, body), env) : bodyLostResponse();
  });

  return (incoming, res) => {
    const req = incoming as MountedRequest;
    // The whole path reaches the handler, so it routes and links under its mount path. The
    // listener reads `url` synchronously; Express gets its own back right after.
    const stripped = req.url;
    if (req.originalUrl !== undefined) req.url = req.originalUrl;
    void listener(req, res);
    req.url = stripped;
  };
}
