/**
 * Who and where a request really comes from when the handler runs behind a proxy or under a
 * mount: the client's address, the public origin (scheme, host and port the browser used) and the
 * public base URL of the mounted API. Every part of the handler that needs one of these (media
 * links, the origin check, the session cookie's `Secure` flag, per-client limits) asks here, so
 * the proxy headers are read in one place and only when the host trusts them.
 */
import type { Context } from 'hono';
import proxyaddr from 'proxy-addr';
import { requestHeader } from './request-headers.js';

/**
 * Which proxies in front of the handler to believe about `X-Forwarded-*` and `Forwarded`:
 * - `false` (default): none; the request is taken as the handler sees it;
 * - `true`: all of them (the handler is only reachable through your proxies);
 * - a number: that many hops in front of the handler (`1` for one load balancer);
 * - addresses or subnets (`'loopback'`, `['10.0.0.0/8', 'uniquelocal']`), as in Express;
 * - a function `(address, hop) => boolean` telling whether the proxy at `address` is yours.
 */
export type TrustProxy =
  | boolean
  | number
  | string
  | readonly string[]
  | ((address: string, hop: number) => boolean);

/** The public-URL options of the handler. */
export interface PublicUrlOptions {
  /** The full public base of the mounted API, e.g. `https://example.com/api/sora`. */
  publicUrl?: string;
  /** Where the handler is mounted on this server, e.g. `/api/sora` (default: `publicUrl`'s path). */
  basePath?: string;
  /** Which proxies to believe about the client, scheme and host (default `false`). */
  trustProxy?: TrustProxy;
}

/** The validated form of {@link PublicUrlOptions}. */
export interface PublicUrlConfig {
  /** `publicUrl` without a trailing slash, when given. */
  publicUrl?: string;
  /** `basePath` normalized (`/api/sora`, no trailing slash; `''` for the root), when known. */
  basePath?: string;
  trust: (address: string, hop: number) => boolean;
  /** Whether any proxy is trusted at all. */
  trusting: boolean;
}

/** A misconfiguration of the public URL, reported once at start-up. */
function configError(message: string): TypeError {
  return new TypeError(`createSoraHandler: ${message}`);
}

/** Normalizes a mount path: leading slash, no trailing slash, `''` for the root. */
export function normalizeBasePath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function compileTrust(trust: TrustProxy | undefined): (address: string, hop: number) => boolean {
  if (trust === undefined || trust === false) return () => false;
  if (trust === true) return () => true;
  if (typeof trust === 'number') {
    if (!Number.isInteger(trust) || trust < 0)
      throw configError('`trustProxy` as a number counts hops: 0 or more');
    return (_address, hop) => hop < trust;
  }
  if (typeof trust === 'function') return trust;
  try {
    return proxyaddr.compile(typeof trust === 'string' ? trust.split(/\s*,\s*/) : [...trust]);
  } catch (error) {
    throw configError(`\`trustProxy\` is not a list of addresses or subnets: ${(error as Error).message}`);
  }
}

/** Validates the public-URL options; throws one clear line for a value that cannot work. */
export function resolvePublicUrl(options: PublicUrlOptions): PublicUrlConfig {
  const config: PublicUrlConfig = {
    trust: compileTrust(options.trustProxy),
    trusting: options.trustProxy !== undefined && options.trustProxy !== false && options.trustProxy !== 0,
  };
  if (options.publicUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.publicUrl);
    } catch {
      throw configError(
        `\`publicUrl\` must be an absolute http(s) URL such as https://example.com/api/sora (got "${options.publicUrl}")`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw configError(`\`publicUrl\` must start with http:// or https:// (got "${options.publicUrl}")`);
    }
    if (url.search || url.hash || options.publicUrl.includes('?') || options.publicUrl.includes('#')) {
      throw configError(`\`publicUrl\` must not have a query or a fragment (got "${options.publicUrl}")`);
    }
    if (url.username || url.password) {
      throw configError('`publicUrl` must not contain a user name or password');
    }
    config.publicUrl = `${url.origin}${normalizeBasePath(url.pathname)}`;
    config.basePath = normalizeBasePath(url.pathname);
  }
  if (options.basePath !== undefined) {
    if (
      typeof options.basePath !== 'string' ||
      /[?#]|\/\//.test(options.basePath) ||
      /^[a-z]+:/i.test(options.basePath)
    ) {
      throw configError(`\`basePath\` must be a path such as /api/sora (got "${String(options.basePath)}")`);
    }
    config.basePath = normalizeBasePath(options.basePath);
  }
  return config;
}

/** The Node socket's address when the handler runs on `@hono/node-server` (or our Node listener). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * The elements of a `Forwarded` header (RFC 7239), client first, parameter names lower-cased and
 * quotes removed, or `undefined` when absent. (Commas and semicolons inside quoted values do not
 * occur in the `for`, `proto` and `host` values read here.)
 */
function forwardedElements(c: Context): Record<string, string>[] | undefined {
  const header = requestHeader(c, 'forwarded');
  if (!header) return undefined;
  return header.split(',').map((element) => {
    const pairs: Record<string, string> = {};
    for (const pair of element.split(';')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const value = pair.slice(eq + 1).trim();
      pairs[pair.slice(0, eq).trim().toLowerCase()] = value.replace(/^"(.*)"$/, '$1');
    }
    return pairs;
  });
}

/** Strips the brackets and port `Forwarded: for="[2001:db8::1]:4711"` may carry. */
function bareAddress(value: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (v6?.[1]) return v6[1];
  return /^[^:]+:\d+$/.test(value) ? (value.split(':')[0] ?? value) : value;
}

/** Client first, nearest proxy last, as the proxies reported them. */
function reportedChain(c: Context): string[] {
  const elements = forwardedElements(c);
  if (elements) return elements.map((e) => bareAddress(e.for ?? '')).filter((a) => a !== '');
  const header = requestHeader(c, 'x-forwarded-for');
  return header
    ? header
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '')
    : [];
}

/**
 * The client's address: the socket's, or — through proxies `trust` believes — the address the
 * nearest untrusted hop reported (Express's `req.ip` rules). `undefined` when the runtime gives
 * no socket address and no trusted proxy says.
 *
 * @example const trust = resolvePublicUrl({ trustProxy: 1 }); app.use((c, next) => { log(clientAddress(c, trust)); return next(); });
 */
export function clientAddress(
  c: Context,
  config: Pick<PublicUrlConfig, 'trust' | 'trusting'>,
): string | undefined {
  const socket = socketAddress(c);
  if (!config.trusting) return socket;
  const chain = reportedChain(c);
  // Walk from the nearest hop outwards while the hop is a trusted proxy.
  const hops = socket === undefined ? chain : [...chain, socket];
  for (let i = hops.length - 1, hop = 0; i >= 0; i--, hop++) {
    const address = hops[i] as string;
    if (i === 0 || !config.trust(address, hop)) return address;
  }
  return socket;
}

/** Whether the proxy that handed us this request is trusted (unknown socket: trust as configured). */
function nearestHopTrusted(c: Context, config: PublicUrlConfig): boolean {
  if (!config.trusting) return false;
  const socket = socketAddress(c);
  return socket === undefined || config.trust(socket, 0);
}

function firstValue(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.trim();
  return first ? first : undefined;
}

/**
 * `host` with the proxy's `X-Forwarded-Port` when it names none: nginx's usual `$host` drops the
 * port, and proxies such as Traefik, AWS's load balancers and ingress-nginx send the port apart.
 */
function withForwardedPort(host: string, port: string | undefined): string {
  return port && /^\d{1,5}$/.test(port) && !/:\d+$/.test(host) ? `${host}:${port}` : host;
}

/**
 * The origin (`scheme://host[:port]`) the browser addressed: `publicUrl`'s when given; else the
 * request's own, with `X-Forwarded-Proto`/`-Host`/`-Port` (or `Forwarded`) applied when the
 * nearest proxy is trusted.
 */
export function publicOrigin(c: Context, config: PublicUrlConfig): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  const url = new URL(c.req.url);
  if (!nearestHopTrusted(c, config)) return url.origin;
  const element = forwardedElements(c)?.[0];
  const proto = (element?.proto ?? firstValue(requestHeader(c, 'x-forwarded-proto')))?.toLowerCase();
  const host = element?.host ?? firstValue(requestHeader(c, 'x-forwarded-host'));
  // `Forwarded` carries the port in its host; only the X-Forwarded-* family sends it apart.
  const port = element ? undefined : firstValue(requestHeader(c, 'x-forwarded-port'));
  try {
    const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : url.protocol;
    return new URL(`${scheme}//${withForwardedPort(host ?? url.host, port)}`).origin;
  } catch {
    return url.origin;
  }
}

/** What the handler resolved for one request. */
export interface RequestPublicUrl {
  /** Public origin, e.g. `https://example.com`. */
  origin: string;
  /**
   * Base of links to the API: `publicUrl` when given (absolute), else the mount path
   * (`/api/sora`, relative to the page's origin; the client resolves it against its endpoint).
   */
  base: string;
  /** The handler's proxy trust, for {@link clientAddressOf}. */
  config: PublicUrlConfig;
}

const resolved = new WeakMap<Request, RequestPublicUrl>();

/** Records what the handler resolved for this request (the handler's first middleware does). */
export function rememberPublicUrl(c: Context, value: RequestPublicUrl): void {
  resolved.set(c.req.raw, value);
}

const UNTRUSTING: PublicUrlConfig = { trust: () => false, trusting: false };

/** The public origin and link base of this request; outside the handler, the request URL's. */
export function publicUrlOf(c: Context): RequestPublicUrl {
  const known = resolved.get(c.req.raw);
  if (known) return known;
  const { origin } = new URL(c.req.url);
  return { origin, base: origin, config: UNTRUSTING };
}

/**
 * The client's address under the handler's own `trustProxy` (see {@link clientAddress}); the
 * socket's outside the handler.
 *
 * @example limits: { perClient: { key: (c) => clientAddressOf(c) } }
 */
export function clientAddressOf(c: Context): string | undefined {
  return clientAddress(c, publicUrlOf(c).config);
}
