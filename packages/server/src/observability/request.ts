/**
 * The first middleware of the handler: gives each request an id (the caller's sane
 * `X-Request-Id`, else a new one, echoed in the response), a server span, and a debug line.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { nodeResponseOf } from '../node-response.js';
import { requestHeader } from '../request-headers.js';
import { requestIdFrom } from './context.js';
import type { SoraLogger } from './logger.js';
import { inSpan, JOB_ID_ATTRIBUTE } from './tracing.js';

/** What this middleware records on the context: the request id, and the job once a route knows it. */
interface RequestEnv {
  Variables: { requestId: string; soraJobId?: string };
}

/** The route pattern that answered (`/videos/:jobId`), for span names. */
function routeOf(c: Parameters<MiddlewareHandler<RequestEnv>>[0]): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const route = routes[i];
    if (route && route.method !== 'ALL') return route.path;
  }
  return c.req.path;
}

/** The request middleware. */
export function observeRequests(logger: SoraLogger): MiddlewareHandler<RequestEnv> {
  return (c, next) => {
    const requestId = requestIdFrom(requestHeader(c, 'x-request-id'));
    c.set('requestId', requestId);
    // On Node, into Node's header list now (see node-response.ts); elsewhere onto the answer.
    const outgoing = nodeResponseOf(c);
    outgoing?.setHeader('X-Request-Id', requestId);
    const method = c.req.method;
    const started = performance.now();
    return inSpan(`sora-kit ${method}`, 'server', { 'http.request.method': method }, async (span) => {
      await next();
      // On the response's own headers: `c.header()` on a finished response rebuilds it around
      // its body as a stream, which @hono/node-server then pipes chunk by chunk instead of
      // writing the string it holds in one call.
      if (!outgoing) c.res.headers.set('X-Request-Id', requestId);
      const status = c.res.status;
      if (span?.isRecording()) {
        const route = routeOf(c);
        span.updateName(`sora-kit ${method} ${route}`);
        span.setAttribute('http.route', route);
        span.setAttribute('http.response.status_code', status);
        span.setAttribute('sora_kit.request_id', requestId);
        const jobId = c.get('soraJobId');
        if (jobId) span.setAttribute(JOB_ID_ATTRIBUTE, jobId);
        if (status >= 500) span.fail();
      }
      if (logger.enabled('debug')) {
        logger.debug('request', {
          requestId,
          jobId: c.get('soraJobId'),
          method,
          path: c.req.path,
          status,
          ms: Math.round(performance.now() - started),
        });
      }
    });
  };
}
