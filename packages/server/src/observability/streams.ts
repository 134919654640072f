/**
 * The open server-sent event streams of one handler: counted in a gauge, kept alive by one
 * heartbeat for all of them (a comment line every 15 s, so proxies do not close an idle stream;
 * one timer instead of one per stream), and closed together at shutdown with a reconnect hint, so
 * browsers reconnect (to another instance) at once instead of waiting for a dead socket to time
 * out.
 */
import type { SoraMetrics } from './metrics.js';

/** How soon (ms) a browser told to go away should come back; the next instance is likely up. */
export const RECONNECT_HINT_MS = 1000;

/** How often every open stream gets a comment line. */
export const HEARTBEAT_MS = 15_000;

/** One open stream: how to write raw text to it and how to end it (the SSE sink). */
interface OpenStream {
  write(text: string): Promise<unknown>;
  close(): void;
}

/** Tracks the handler's event streams. */
export function createStreamTracker(metrics: SoraMetrics, heartbeatMs = HEARTBEAT_MS) {
  const open = new Set<OpenStream>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const beat = () => {
    // A failed write means the client is gone; its stream ends through its own close listener.
    for (const stream of open) stream.write(': heartbeat\n\n').catch(() => {});
  };
  return {
    /** Registers a stream; call the returned function when it ends. */
    add(stream: OpenStream): () => void {
      open.add(stream);
      metrics.eventStreams.inc();
      if (heartbeat === undefined) {
        heartbeat = setInterval(beat, heartbeatMs);
      }
      return () => {
        if (!open.delete(stream)) return;
        metrics.eventStreams.dec();
        if (open.size === 0) {
          clearInterval(heartbeat);
          heartbeat = undefined;
        }
      };
    },
    /**
     * Sends every stream a `retry:` hint and a closing comment, then ends it. The hint is queued,
     * not awaited: a client that stopped reading must not hold shutdown until its deadline.
     */
    closeAll(): void {
      for (const stream of [...open]) {
        stream.write(`retry: ${RECONNECT_HINT_MS}\n: server shutting down, reconnect\n\n`).catch(() => {});
        stream.close();
      }
    },
    size: () => open.size,
  };
}

/** The stream tracker of one handler. */
export type StreamTracker = ReturnType<typeof createStreamTracker>;
