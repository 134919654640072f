/**
 * Wraps a provider so each upstream call is counted, timed and traced by route (create, retrieve,
 * download, remix, delete, capabilities), with failures counted by their ProviderError kind.
 * Webhook verification is local work and passes straight through.
 */
import { ProviderError } from '../providers/errors.js';
import type { VideoProvider } from '../providers/types.js';
import type { SoraMetrics } from './metrics.js';
import { inSpan } from './tracing.js';

/** The label of a failed call: the provider error's kind, else `error`. */
function errorCode(error: unknown): string {
  return error instanceof ProviderError ? error.kind : 'error';
}

type Route = 'capabilities' | 'create' | 'retrieve' | 'download' | 'remix' | 'delete';
type Method<R extends Route> = NonNullable<VideoProvider[R]>;

/** The same provider, observed. Methods are looked up at each call, so a later patch still applies. */
export function instrumentProvider(provider: VideoProvider, metrics: SoraMetrics): VideoProvider {
  const name = provider.name;
  function observe<R extends Route>(route: R): Method<R> {
    const attributes = { 'sora_kit.provider': name, 'sora_kit.route': route };
    const labels = { provider: name, route };
    const observed = (...args: Parameters<Method<R>>) =>
      inSpan(`${name} ${route}`, 'client', attributes, async () => {
        metrics.upstreamCalls.inc(labels);
        const end = metrics.upstreamDuration.startTimer(labels);
        try {
          const method = provider[route] as (...a: Parameters<Method<R>>) => ReturnType<Method<R>>;
          return await method.apply(provider, args);
        } catch (error) {
          metrics.upstreamErrors.inc({ ...labels, code: errorCode(error) });
          throw error;
        } finally {
          end();
        }
      });
    return observed as unknown as Method<R>;
  }
  return {
    name,
    capabilities: observe('capabilities'),
    create: observe('create'),
    retrieve: observe('retrieve'),
    download: observe('download'),
    ...(provider.remix ? { remix: observe('remix') } : {}),
    ...(provider.delete ? { delete: observe('delete') } : {}),
    ...(provider.verifyWebhook
      ? {
          verifyWebhook: (rawBody: string, headers: Headers) =>
            provider.verifyWebhook?.(rawBody, headers) as ReturnType<
              NonNullable<VideoProvider['verifyWebhook']>
            >,
        }
      : {}),
  };
}
