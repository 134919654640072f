/**
 * Reading request headers on the hot path. On Node (`@hono/node-server`, which the Express and
 * plain-Node adapters use too) the request's headers already sit parsed in `IncomingMessage`;
 * `c.req.header()` builds a Fetch `Headers` from them first, which cost a status read about a
 * fifth of its time. Elsewhere (Next.js, Bun, `app.request()` in tests) the Fetch request is read.
 */
import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';

interface NodeBindings {
  incoming?: { headers?: Record<string, string | string[] | undefined> };
}

/** The value of request header `name` (lower-case), as `c.req.header(name)` would give it. */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const headers = (c.env as NodeBindings | undefined)?.incoming?.headers;
  if (headers === undefined || typeof headers !== 'object') return c.req.header(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The value of cookie `name`, as hono's `getCookie(c, name)` would give it. */
export function requestCookie(c: Context, name: string): string | undefined {
  const header = requestHeader(c, 'cookie');
  return header ? parse(header, name)[name] : undefined;
}
