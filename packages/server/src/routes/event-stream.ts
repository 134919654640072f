/**
 * A lean server-sent-events response. Hono's `streamSSE` puts a TransformStream and its writer
 * behind every stream (about 13 KB of heap each), which thousands of idle `/events` streams pay
 * for doing nothing. Elsewhere than Node this is one ReadableStream fed directly; on Node
 * (@hono/node-server, or the Express/Node listener) the events go straight to Node's response,
 * without a web stream and the reader that pumps it into the socket. Writes wait while the client
 * is not reading.
 */
import type { ServerResponse } from 'node:http';
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

/** What a stream's body does: write events until done, stopping when `signal` aborts. */
type StreamBody = (sink: EventSink, signal: AbortSignal, end: () => void) => Promise<void>;

const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
};

/**
 * Answers `c` with an event stream and runs `body` on it. `signal` aborts when the client goes
 * away or `end()` is called (shutdown). The stream closes when `body` settles.
 */
export function eventStreamResponse(c: Context, body: StreamBody): Response {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return outgoing && typeof outgoing.writeHead === 'function' && !outgoing.headersSent
    ? nodeEventStream(c, outgoing, body)
    : webEventStream(c, body);
}

/** @hono/node-server's marker of a response written to Node's `ServerResponse` by the handler. */
const ALREADY_SENT = 'x-hono-already-sent';

/**
 * Node's headers from a Fetch `Headers`: `Set-Cookie` as a list (a session cookie issued with the
 * stream), the node-server marker left out.
 */
function nodeHeaders(headers: Headers): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    if (name !== ALREADY_SENT && name !== 'set-cookie') record[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) record['set-cookie'] = cookies;
  return record;
}

/**
 * The stream written to Node's response. The handler answers node-server with its "already sent"
 * marker and writes the head itself once the middleware chain is through (the next turn of the
 * event loop), with the headers every middleware set on the final response by then (request id,
 * CORS, security headers, a session cookie). Events written before that wait in a small list.
 */
function nodeEventStream(c: Context, outgoing: ServerResponse, body: StreamBody): Response {
  const gone = new AbortController();
  const end = () => gone.abort();
  let waiting: (() => void) | undefined;
  const wake = () => {
    waiting?.();
    waiting = undefined;
  };
  gone.signal.addEventListener('abort', wake, { once: true });
  outgoing.once('close', end);
  outgoing.on('drain', wake);
  let early: string[] | undefined = [];
  const write = async (text: string): Promise<void> => {
    if (gone.signal.aborted) throw new Error('The client went away.');
    if (early) {
      early.push(text);
      return;
    }
    if (!outgoing.write(text)) await new Promise<void>((resolve) => (waiting = resolve));
  };
  const sink: EventSink = { write, writeSSE: (message) => write(encodeSse(message)) };
  let finished = false;
  let headWritten = false;
  // Only a response this stream wrote the head of is this stream's to end.
  const finish = () => {
    if (headWritten && !outgoing.writableEnded) outgoing.end();
  };
  let final: Context | undefined = c;
  setImmediate(() => {
    const answered = final?.res;
    final = undefined;
    const queued = early ?? [];
    early = undefined;
    // A middleware that replaced this answer (an error page) had node-server write that instead.
    if (gone.signal.aborted || outgoing.headersSent || !answered?.headers.has(ALREADY_SENT)) {
      end();
      return;
    }
    outgoing.writeHead(answered.status, nodeHeaders(answered.headers));
    headWritten = true;
    if (queued.length) outgoing.write(queued.join(''));
    else outgoing.flushHeaders();
    if (finished) finish();
  });
  void body(sink, gone.signal, end).finally(() => {
    outgoing.off('drain', wake);
    outgoing.off('close', end);
    finished = true;
    // Before the head went out, ending is left to the turn that writes it.
    if (!early) finish();
  });
  return c.body(null, 200, { ...EVENT_STREAM_HEADERS, [ALREADY_SENT]: 'true' });
}

/** The stream as a web `ReadableStream` (other runtimes, in-process `app.request` callers). */
function webEventStream(c: Context, body: StreamBody): Response {
  const gone = new AbortController();
  const end = () => gone.abort();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let drained: (() => void) | undefined;
  const release = () => {
    drained?.();
    drained = undefined;
  };
  gone.signal.addEventListener('abort', release, { once: true });
  // Keep the request itself, not just its signal: the Fetch request holds the controller behind
  // its signal, which the caller's signal reaches only through a weak reference, so a signal
  // kept alone can be collected into one that never aborts.
  const request = c.req.raw;
  request.signal?.addEventListener('abort', end, { once: true });
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
    request.signal?.removeEventListener('abort', end);
    try {
      controller.close();
    } catch {
      // cancelled by the client: nothing left to close
    }
  });
  return c.body(stream, 200, EVENT_STREAM_HEADERS);
}
