/**
 * Server-sent events over `fetch` rather than `EventSource`: a manual reconnect can then send
 * `Last-Event-ID` itself, the client's headers (a bearer token) go along, and it runs in Node and
 * workers too. Parsing is eventsource-parser's.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** Whether a response is an event stream we can read. */
export function isEventStream(response: Response): boolean {
  const type = response.headers.get('Content-Type') ?? '';
  return response.ok && response.body !== null && type.toLowerCase().startsWith('text/event-stream');
}

/**
 * Reads an event stream until it ends (resolves) or fails or is aborted (rejects).
 * `onRetry` receives the server's `retry:` hint in ms; `onChunk` is called for any bytes at all
 * (heartbeat comments included).
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  handlers: {
    onEvent(message: EventSourceMessage): void;
    onRetry?(ms: number): void;
    onChunk?(): void;
    /** Runs the handling of one chunk, e.g. in a signals `batch` so its events notify once. */
    batch?(fn: () => void): void;
  },
  signal: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: handlers.onEvent, onRetry: handlers.onRetry });
  const run = handlers.batch ?? ((fn: () => void) => fn());
  const cancel = () => {
    reader.cancel().catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
      if (done) {
        run(() => parser.feed(decoder.decode()));
        return;
      }
      handlers.onChunk?.();
      run(() => parser.feed(decoder.decode(value, { stream: true })));
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/**
 * The wait before reconnect attempt `attempt` (1, 2, …): exponential from `baseMs`, capped at
 * `maxMs`, with full jitter in its upper half so many tabs do not reconnect in step.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
