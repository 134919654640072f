/**
 * The open server-sent event streams of one handler: counted in a gauge, and closed together at
 * shutdown with a reconnect hint, so browsers reconnect (to another instance) at once instead of
 * waiting for a dead socket to time out.
 */
import type { SoraMetrics } from './metrics.js';

/** How soon (ms) a browser told to go away should come back; the next instance is likely up. */
export const RECONNECT_HINT_MS = 1000;

/** What the tracker writes to: raw text on the stream (the SSE sink, or Hono's `SSEStreamingApi`). */
interface StreamWriter {
  write(text: string): Promise<unknown>;
}

/** One open stream: how to write to it and how to end it. */
interface OpenStream {
  stream: StreamWriter;
  end(): void;
}

/** Tracks the handler's event streams. */
export function createStreamTracker(metrics: SoraMetrics) {
  const open = new Set<OpenStream>();
  return {
    /** Registers a stream; call the returned function when it ends. */
    add(stream: StreamWriter, end: () => void): () => void {
      const entry = { stream, end };
      open.add(entry);
      metrics.eventStreams.inc();
      return () => {
        if (open.delete(entry)) metrics.eventStreams.dec();
      };
    },
    /** Sends every stream a `retry:` hint and a closing comment, then ends it. */
    async closeAll(): Promise<void> {
      await Promise.all(
        [...open].map(async ({ stream, end }) => {
          await stream
            .write(`retry: ${RECONNECT_HINT_MS}\n: server shutting down, reconnect\n\n`)
            .catch(() => {});
          end();
        }),
      );
    },
    size: () => open.size,
  };
}

/** The stream tracker of one handler. */
export type StreamTracker = ReturnType<typeof createStreamTracker>;
