/**
 * The handler as Fetch-API route handlers, for frameworks that route by method to functions taking
 * a `Request` (Next.js App Router, SvelteKit, Remix, Astro): the whole URL reaches the handler, so
 * it needs its `basePath`.
 */
import type { Env, Hono } from 'hono';

/** A route handler: a `Request` in, a `Response` out. */
export type RouteHandler = (request: Request) => Response | Promise<Response>;

/** One route handler per HTTP method the API answers. */
export interface RouteHandlers {
  GET: RouteHandler;
  HEAD: RouteHandler;
  POST: RouteHandler;
  PUT: RouteHandler;
  PATCH: RouteHandler;
  DELETE: RouteHandler;
  OPTIONS: RouteHandler;
}

/**
 * Route handlers for every method, from a handler created with `basePath` (or `publicUrl`).
 *
 * @example
 * // app/api/sora/[...path]/route.ts
 * const sora = createSoraHandler({ provider, secret, basePath: '/api/sora' });
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toRouteHandlers(sora);
 */
export function toRouteHandlers<E extends Env>(
  handler: Hono<E> & { readonly basePath?: string | undefined },
): RouteHandlers {
  if (handler.basePath === undefined) {
    throw new TypeError(
      "toRouteHandlers: create the handler with `basePath` (the route's folder, e.g. '/api/sora') or `publicUrl`",
    );
  }
  const handle: RouteHandler = (request) => handler.fetch(request);
  return {
    GET: handle,
    HEAD: handle,
    POST: handle,
    PUT: handle,
    PATCH: handle,
    DELETE: handle,
    OPTIONS: handle,
  };
}
