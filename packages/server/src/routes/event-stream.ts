/**
 * A lean server-sent-events response. Hono's `streamSSE` puts a TransformStream and its writer
 * behind every stream (about 13 KB of heap each), which thousands of idle `/events` streams pay
 * for doing nothing. Elsewhere than Node this is one ReadableStream fed directly; on Node
 * (@hono/node-server, or the Express/Node listener) the events go straight to Node's response,
 * without a web stream and the reader that pumps it into the socket. Writes wait while the client
 * is not reading.
 *
 * An idle stream holds its sink and what its owner registered, nothing more: no AbortController
 * (an EventTarget with two Maps and a listener object each) and no async function waiting, so
 * thousands of idle streams stay cheap.
 */
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

/** One event as the SSE wire format carries it. */
export interface SseMessage {
  event?: string;
  id?: string;
  data: string;
}

/** What a stream's owner writes to. */
export interface EventSink {
  /** Sends one event (multi-line data becomes several `data:` lines). */
  writeSSE(message: SseMessage): Promise<void>;
  /** Sends raw text (a comment line). */
  write(text: string): Promise<void>;
  /** True once the client went away or the stream was closed. */
  readonly closed: boolean;
  /** Ends the stream after what was written (done, or shutdown); runs its cleanup. */
  close(): void;
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
 * Starts a stream's work on `sink` (it keeps going from its own subscriptions, not by awaiting);
 * returns what to run once the stream closes, by the client or by `close()`.
 */
export type StreamStart = (sink: EventSink) => () => void;

const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
};

function clientGone(): Error {
  return new Error('The client went away.');
}

/** Answers `c` with an event stream and starts it. */
export function eventStreamResponse(c: Context, start: StreamStart): Response {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing && typeof outgoing.writeHead === 'function' && !outgoing.headersSent) {
    new NodeSink(outgoing).begin(c, start);
    const answer = c.body(null, 200, { ...EVENT_STREAM_HEADERS, [ALREADY_SENT]: 'true' });
    // @hono/node-server's lightweight Response keeps a simple answer "cached", and 2.x writes a
    // cached answer with no body itself, marker or not (an empty stream, ended at once). Reading
    // its body makes it a real Response, whose marker every version honours.
    void answer.body;
    return answer;
  }
  return webEventStream(c, start);
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

/** Resolves once `outgoing` drains or closes. */
function drained(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}

/**
 * The stream written to Node's response: one object, one `close` listener. The handler answers
 * node-server with its "already sent" marker and writes the head itself once the middleware
 * chain is through (the next turn of the event loop), with the headers every middleware set on
 * the final response by then (request id, CORS, security headers, a session cookie). Events
 * written before that wait in a small list.
 */
class NodeSink implements EventSink {
  closed = false;
  private cleanup: (() => void) | undefined;
  /** Events written before the head; undefined once it is out (or will never be). */
  private early: string[] | undefined = [];
  private headWritten = false;
  /** The one wait for `drain` that every blocked write shares (one listener, however many wait). */
  private draining: Promise<void> | undefined;

  constructor(private readonly outgoing: ServerResponse) {
    outgoing.once('close', () => this.finish());
  }

  /** Writes the head next turn, from the final answer of `c`; runs `start` now. */
  begin(c: Context, start: StreamStart): void {
    // Not in the constructor: its `close` listener would share a scope with `c` and keep the
    // request's whole context as long as the stream is open.
    setImmediate(() => this.writeHead(c.res));
    const cleanup = start(this);
    if (this.closed) cleanup();
    else this.cleanup = cleanup;
  }

  private writeHead(answered: Response | undefined): void {
    const queued = this.early ?? [];
    this.early = undefined;
    const { outgoing } = this;
    // Gone already, or a middleware replaced this answer (an error page node-server wrote).
    if (outgoing.destroyed || outgoing.headersSent || !answered?.headers.has(ALREADY_SENT)) {
      this.finish();
      return;
    }
    outgoing.writeHead(answered.status, nodeHeaders(answered.headers));
    this.headWritten = true;
    if (queued.length) outgoing.write(queued.join(''));
    else outgoing.flushHeaders();
    if (this.closed) outgoing.end();
  }

  async write(text: string): Promise<void> {
    if (this.closed) throw clientGone();
    if (this.early) {
      this.early.push(text);
      return;
    }
    if (!this.outgoing.write(text)) await this.drain();
  }

  private drain(): Promise<void> {
    this.draining ??= drained(this.outgoing).finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  writeSSE(message: SseMessage): Promise<void> {
    return this.write(encodeSse(message));
  }

  close(): void {
    // Only a response this stream wrote the head of is this stream's to end; before the head,
    // ending is left to the turn that writes it.
    if (this.headWritten && !this.outgoing.writableEnded) this.outgoing.end();
    this.finish();
  }

  /** Marks the stream closed and runs its cleanup, once. */
  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    const cleanup = this.cleanup;
    this.cleanup = undefined;
    cleanup?.();
  }
}

/** The stream as a web `ReadableStream` (other runtimes, in-process `app.request` callers). */
function webEventStream(c: Context, start: StreamStart): Response {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // One wait shared by every blocked write (an event and a heartbeat can wait together).
  let draining: { promise: Promise<void>; resolve: () => void } | undefined;
  let cleanup: (() => void) | undefined;
  const release = () => {
    draining?.resolve();
    draining = undefined;
  };
  // Keep the request itself, not just its signal: the Fetch request holds the controller behind
  // its signal, which the caller's signal reaches only through a weak reference, so a signal
  // kept alone can be collected into one that never aborts.
  const request = c.req.raw;
  // Closed by the client (cancel, abort) or by `close()`: what was enqueued stays readable.
  const finish = () => {
    if (sink.closed) return;
    sink.closed = true;
    request.signal?.removeEventListener('abort', finish);
    release();
    try {
      controller.close();
    } catch {
      // cancelled by the client: nothing left to close
    }
    const done = cleanup;
    cleanup = undefined;
    done?.();
  };
  request.signal?.addEventListener('abort', finish, { once: true });
  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      pull: release,
      cancel: finish,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
  const write = async (text: string): Promise<void> => {
    if (sink.closed) throw clientGone();
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 1) <= 0) {
      if (!draining) {
        let resolve!: () => void;
        const promise = new Promise<void>((done) => (resolve = done));
        draining = { promise, resolve };
      }
      await draining.promise;
    }
  };
  const sink = {
    closed: false,
    write,
    writeSSE: (message: SseMessage) => write(encodeSse(message)),
    close: () => finish(),
  };
  const stop = start(sink);
  if (sink.closed) stop();
  else cleanup = stop;
  return c.body(stream, 200, EVENT_STREAM_HEADERS);
}
