/**
 * A lean server-sent-events response: one ReadableStream fed directly. Hono's `streamSSE` puts a
 * TransformStream and its writer behind every stream (about 13 KB of heap each), which thousands
 * of idle `/events` streams pay for doing nothing. Writes wait while the client is not reading.
 */
import type { Context } from 'hono';

/** One event as the SSE wire format carries it. */
export interface SseMessage {
  event?: string;
  id?: string;
  data: string;
}

/** What a stream's body writes to. */
export interface EventSink {
  /** Sends one event (multi-line data becomes several `data:` lines). */
  writeSSE(message: SseMessage): Promise<void>;
  /** Sends raw text (a comment line). */
  write(text: string): Promise<void>;
}

/** The SSE encoding of one event, as Hono's `writeSSE` writes it. */
export function encodeSse({ event, id, data }: SseMessage): string {
  const lines = data
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n');
  return `${event ? `event: ${event}\n` : ''}${lines}\n${id ? `id: ${id}\n` : ''}\n`;
}

const encoder = new TextEncoder();
/** Bytes buffered for a slow client before writes wait. */
const HIGH_WATER_BYTES = 64 * 1024;

/**
 * Answers `c` with an event stream and runs `body` on it. `signal` aborts when the client goes
 * away or `end()` is called (shutdown): on Node, @hono/node-server reports a gone client as the
 * body's `cancel`; elsewhere (other runtimes, in-process `app.request` callers) the request's own
 * signal does. The request's signal is not touched on Node: that would build a whole Fetch
 * `Request` (URL, headers, its own AbortController) for each of thousands of idle streams. The
 * stream closes when `body` settles.
 */
export function eventStreamResponse(
  c: Context,
  body: (sink: EventSink, signal: AbortSignal, end: () => void) => Promise<void>,
): Response {
  const gone = new AbortController();
  const end = () => gone.abort();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let drained: (() => void) | undefined;
  const release = () => {
    drained?.();
    drained = undefined;
  };
  gone.signal.addEventListener('abort', release, { once: true });
  const onNode = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  // Keep the request itself, not just its signal: the Fetch request holds the controller behind
  // its signal, which the caller's signal reaches only through a weak reference, so a signal
  // kept alone can be collected into one that never aborts.
  const request = onNode ? undefined : c.req.raw;
  request?.signal?.addEventListener('abort', end, { once: true });
  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      pull: release,
      cancel: end,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
  const write = async (text: string): Promise<void> => {
    if (gone.signal.aborted) throw new Error('The client went away.');
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (drained = resolve));
  };
  const sink: EventSink = { write, writeSSE: (message) => write(encodeSse(message)) };
  void body(sink, gone.signal, end).finally(() => {
    request?.signal?.removeEventListener('abort', end);
    try {
      controller.close();
    } catch {
      // cancelled by the client: nothing left to close
    }
  });
  return c.body(stream, 200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
}
