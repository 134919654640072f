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

/** The same provider, observed. */
export function instrumentProvider(provider: VideoProvider, metrics: SoraMetrics): VideoProvider {
  const name = provider.name;
  function observe<A extends unknown[], R>(route: string, call: (...args: A) => Promise<R>) {
    return (...args: A): Promise<R> =>
      inSpan(
        `${name} ${route}`,
        'client',
        { 'sora_kit.provider': name, 'sora_kit.route': route },
        async () => {
          const labels = { provider: name, route };
          metrics.upstreamCalls.inc(labels);
          const end = metrics.upstreamDuration.startTimer(labels);
          try {
            return await call(...args);
          } catch (error) {
            metrics.upstreamErrors.inc({ ...labels, code: errorCode(error) });
            throw error;
          } finally {
            end();
          }
        },
      );
  }
  const remix = provider.remix?.bind(provider);
  const remove = provider.delete?.bind(provider);
  const verifyWebhook = provider.verifyWebhook?.bind(provider);
  return {
    name,
    capabilities: observe('capabilities', provider.capabilities.bind(provider)),
    create: observe('create', provider.create.bind(provider)),
    retrieve: observe('retrieve', provider.retrieve.bind(provider)),
    download: observe('download', provider.download.bind(provider)),
    ...(remix ? { remix: observe('remix', remix) } : {}),
    ...(remove ? { delete: observe('delete', remove) } : {}),
    ...(verifyWebhook ? { verifyWebhook } : {}),
  };
}
