/**
 * Where the handler is mounted and how the world reaches it: the first middleware of the handler
 * works out, for every request, the mount path it arrived under, checks it against the configured
 * `basePath`, and records the public origin and link base (see proxy.ts) for the routes, the
 * origin check and the session cookie.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { type Env, Hono } from 'hono';
import { HttpError } from '../http-error.js';
import { type PublicUrlConfig, publicOrigin, rememberPublicUrl } from '../proxy.js';

/**
 * The path this request's handler is mounted under: as many leading segments of the request path
 * as the mount pattern has (`app.route('/t/:tenant/sora', sora)` gives `/t/acme/sora`).
 */
export function mountPathOf(c: Context): string {
  const pattern = c.req.routePath.replace(/\/?\*$/, '');
  const depth = pattern.split('/').filter((s) => s !== '').length;
  if (depth === 0) return '';
  const segments = c.req.path.split('/').filter((s) => s !== '');
  return `/${segments.slice(0, depth).join('/')}`;
}

/** The contract error for a request that reached the handler under another path than configured. */
export function outsideBasePath(basePath: string, path: string): HttpError {
  return new HttpError(
    404,
    'not_found',
    `This API is mounted at ${basePath || '/'} (basePath), but ${path} is outside it: mount the handler there or change basePath.`,
  );
}

/**
 * Hono middleware recording the public origin and link base of each request, and refusing a
 * request whose mount path is not the configured `basePath`.
 */
export function publicUrlMiddleware(config: PublicUrlConfig): MiddlewareHandler {
  return async (c, next) => {
    const mount = mountPathOf(c);
    if (config.basePath !== undefined && mount !== config.basePath) {
      throw outsideBasePath(config.basePath, c.req.path);
    }
    rememberPublicUrl(c, { origin: publicOrigin(c, config), base: config.publicUrl ?? mount, config });
    await next();
  };
}

/**
 * A fetch function serving `app` under `basePath` (the whole URL path reaches it, as in Next.js,
 * Bun or Deno), answering the contract's 404 for paths outside it.
 */
export function fetchUnder<E extends Env>(app: Hono<E>, basePath: string): Hono<E>['fetch'] {
  if (basePath === '') return app.fetch;
  const outer = new Hono();
  outer.route(basePath, app);
  outer.notFound((c) => {
    const error = outsideBasePath(basePath, c.req.path);
    return c.json({ error: { code: error.code, message: error.message } }, 404);
  });
  return outer.fetch;
}
