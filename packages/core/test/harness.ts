/**
 * A tiny in-memory sora-kit server behind an injected `fetch`, with event streams the test
 * controls, and manual timers and visibility. Shared by the Node and the Chromium live tests.
 */
import type { Job } from '../src/contract.js';
import type { Timers, Visibility } from '../src/live.js';

export const ENDPOINT = 'http://sora.test/api/sora';

/** One open `GET /events` stream. */
export interface Stream {
  request: Request;
  lastEventId: string | null;
  closed: boolean;
  send(event: string, data: unknown, id?: string): void;
  /** The server ends the stream cleanly. */
  end(): void;
  /** The connection breaks. */
  drop(): void;
}

/** The fake server. `eventsStatus` other than 200 makes `/events` unavailable. */
export function fakeServer() {
  const jobs = new Map<string, Job>();
  const streams: Stream[] = [];
  const requests: string[] = [];
  const state = { eventsStatus: 200, offline: false };

  function openStream(request: Request): Response {
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
      cancel() {
        stream.closed = true;
      },
    });
    const stream: Stream = {
      request,
      lastEventId: request.headers.get('Last-Event-ID'),
      closed: false,
      send(event, data, id) {
        if (stream.closed) throw new Error('stream is closed');
        const idLine = id === undefined ? '' : `id: ${id}\n`;
        controller.enqueue(encoder.encode(`event: ${event}\n${idLine}data: ${JSON.stringify(data)}\n\n`));
      },
      end() {
        stream.closed = true;
        controller.close();
      },
      drop() {
        stream.closed = true;
        controller.error(new TypeError('network error'));
      },
    };
    request.signal.addEventListener('abort', () => {
      if (stream.closed) return;
      stream.closed = true;
      controller.error(new DOMException('aborted', 'AbortError'));
    });
    streams.push(stream);
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/sora', '');
    requests.push(`${request.method} ${path}`);
    if (state.offline) throw new TypeError('Failed to fetch');
    if (path === '/events') {
      if (state.eventsStatus !== 200) {
        return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: state.eventsStatus });
      }
      return openStream(request);
    }
    if (path === '/videos' && request.method === 'GET') {
      const items = [...jobs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return Response.json({ items: items.slice(0, 20), nextCursor: null });
    }
    const match = /^\/videos\/([^/]+)$/.exec(path);
    if (match && request.method === 'GET') {
      const job = jobs.get(decodeURIComponent(match[1] ?? ''));
      return job
        ? Response.json(job)
        : Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
    }
    if (match && request.method === 'DELETE') {
      jobs.delete(decodeURIComponent(match[1] ?? ''));
      return new Response(null, { status: 204 });
    }
    return Response.json({ error: { code: 'not_found', message: path } }, { status: 404 });
  };

  return {
    fetch,
    jobs,
    streams,
    requests,
    state,
    /** Streams still open. */
    open: () => streams.filter((s) => !s.closed),
    eventRequests: () => requests.filter((r) => r === 'GET /events').length,
    pollRequests: () => requests.filter((r) => r === 'GET /videos').length,
  };
}

/** Timers that only fire when the test says so. */
export function manualTimers() {
  let next = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: Timers = {
    setTimeout(fn, ms) {
      const handle = next++;
      pending.set(handle, { fn, ms });
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    count: () => pending.size,
    delays: () => [...pending.values()].map((t) => t.ms),
    /** Fires every pending timer (those they schedule wait for the next call). */
    fireAll() {
      const due = [...pending.entries()];
      pending.clear();
      for (const [, t] of due) t.fn();
      return due.length;
    },
  };
}

/** A page whose visibility the test flips. */
export function manualVisibility() {
  let hidden = false;
  const listeners = new Set<() => void>();
  const visibility: Visibility = {
    hidden: () => hidden,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return {
    visibility,
    listeners: () => listeners.size,
    set(value: boolean) {
      hidden = value;
      for (const fn of listeners) fn();
    },
  };
}

let n = 0;
/** A job with increasing `createdAt`. */
export function job(overrides: Partial<Job> = {}): Job {
  n += 1;
  const at = new Date(Date.UTC(2026, 10, 24, 12, 0, n)).toISOString();
  return {
    jobId: `job_live_${n}`,
    status: 'in_progress',
    progress: 10,
    prompt: 'waves',
    model: 'sora-2',
    size: '1280x720',
    seconds: 4,
    provider: 'fake',
    hasReference: false,
    attempts: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** The same job, later and further along. */
export function later(j: Job, changes: Partial<Job>): Job {
  return { ...j, ...changes, updatedAt: new Date(Date.parse(j.updatedAt) + 1000).toISOString() };
}
