/**
 * Live updates for one store: one `GET <endpoint>/events` stream, reconnected with backoff and
 * `Last-Event-ID`; a polling fallback with backoff when the stream is unavailable or keeps failing
 * (paused while the page is hidden). Decisions are plain functions; timers and visibility are
 * injected so tests drive them.
 */
import { batch } from '@preact/signals-core';
import type { Job } from './contract.js';
import type { ConnectionState } from './job-store.js';
import { backoffDelay, isEventStream, readEventStream } from './sse.js';

/** What the connection reports. */
export interface LiveHandlers {
  onJob(job: Job): void;
  onDeleted(jobId: string): void;
  onState(state: ConnectionState): void;
  /** The id of the last event received, to resume from elsewhere (another tab). */
  onEventId?(id: string): void;
}

/** Timers, injectable for tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Page visibility, injectable for tests; defaults to `document` where there is one. */
export interface Visibility {
  hidden(): boolean;
  /** Calls `fn` on every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void;
}

/** Tuning of reconnects and polling. */
export interface LiveTuning {
  /** First reconnect delay (default 1 000 ms); the server's `retry:` hint replaces it. */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Consecutive stream failures before falling back to polling (default 3). */
  failuresBeforePolling?: number;
  /** Polling interval while healthy (default 5 000 ms), doubled per failed poll up to `pollMaxMs`. */
  pollIntervalMs?: number;
  pollMaxMs?: number;
  /** While polling, try the stream again every this many polls (default 6). */
  probeEvery?: number;
  /**
   * A stream silent this long (no event, no heartbeat comment) is presumed dead — a half-open
   * connection after sleep or a network change — and replaced (default 45 000 ms; 0 disables).
   */
  idleTimeoutMs?: number;
}

/** Everything a live connection needs. */
export interface LiveOptions extends LiveHandlers, LiveTuning {
  /** Opens the event stream, sending `Last-Event-ID` when given. */
  open(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
  /** One polling round (refresh the first page and each unfinished job). */
  poll(signal: AbortSignal): Promise<void>;
  lastEventId?: string;
  timers?: Timers;
  visibility?: Visibility;
  /** Subscribes to "the network is back" (default: the `online` event where there is one). */
  online?: (fn: () => void) => () => void;
  random?: () => number;
}

/** A live connection: `start` once, `stop` to close everything (no timers, no requests left). */
export interface LiveConnection {
  start(): void;
  stop(): void;
}

/** The page's visibility, or a page that is always visible (Node, workers). */
export function documentVisibility(): Visibility {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc) return { hidden: () => false, subscribe: () => () => undefined };
  return {
    hidden: () => doc.visibilityState === 'hidden',
    subscribe(fn) {
      doc.addEventListener('visibilitychange', fn);
      return () => doc.removeEventListener('visibilitychange', fn);
    },
  };
}

function onlineEvents(fn: () => void): () => void {
  const target = globalThis as {
    addEventListener?: EventTarget['addEventListener'];
    removeEventListener?: EventTarget['removeEventListener'];
  };
  if (typeof target.addEventListener !== 'function') return () => undefined;
  target.addEventListener('online', fn);
  return () => target.removeEventListener?.('online', fn);
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error as { code?: unknown } | null)?.code === 'network_error';
}

/** Creates the live connection of one store. */
export function createLiveConnection(options: LiveOptions): LiveConnection {
  const timers = options.timers ?? defaultTimers;
  const visibility = options.visibility ?? documentVisibility();
  const random = options.random ?? Math.random;
  const maxFailures = options.failuresBeforePolling ?? 3;
  const pollInterval = options.pollIntervalMs ?? 5_000;
  let reconnectBase = options.reconnectBaseMs ?? 1_000;
  let lastEventId = options.lastEventId;
  let running = false;
  let controller: AbortController | undefined;
  let timer: unknown;
  let watchdog: unknown;
  let pending: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;
  let failures = 0;
  let mode: 'stream' | 'poll' = 'stream';
  let polls = 0;
  let pollErrors = 0;
  let pollPaused = false;

  const setState = (state: ConnectionState) => options.onState(state);
  /** Drops the scheduled step, if any. */
  function cancel() {
    timers.clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  }
  function schedule(fn: () => void, ms: number) {
    timers.clearTimeout(timer);
    pending = fn;
    timer = timers.setTimeout(() => {
      timer = undefined;
      pending = undefined;
      if (running) fn();
    }, ms);
  }
  /** The network is back: skip the rest of the backoff wait. */
  function onOnline() {
    if (!running || timer === undefined || !pending) return;
    const fn = pending;
    cancel();
    fn();
  }
  function onEvent(message: { event?: string; id?: string; data: string }) {
    if (message.id !== undefined) {
      lastEventId = message.id;
      options.onEventId?.(message.id);
    }
    try {
      if (message.event === 'job') options.onJob(JSON.parse(message.data) as Job);
      else if (message.event === 'deleted')
        options.onDeleted((JSON.parse(message.data) as { jobId: string }).jobId);
    } catch {
      // A malformed event is skipped; the next poll or event corrects the state.
    }
  }

  function arm(ctrl: AbortController) {
    timers.clearTimeout(watchdog);
    const idleMs = options.idleTimeoutMs ?? 45_000;
    if (idleMs <= 0) return;
    watchdog = timers.setTimeout(() => {
      watchdog = undefined;
      if (!running || controller !== ctrl) return;
      ctrl.abort();
      fail('error');
    }, idleMs);
  }
  function disarm() {
    timers.clearTimeout(watchdog);
    watchdog = undefined;
  }

  async function connect() {
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
    let opened = false;
    try {
      const response = await options.open(lastEventId, ctrl.signal);
      if (!isEventStream(response)) {
        await response.body?.cancel().catch(() => undefined);
        const unavailable = [404, 405, 501].includes(response.status) || response.ok;
        return running && !ctrl.signal.aborted ? fail(unavailable ? 'unavailable' : 'error') : undefined;
      }
      opened = true;
      failures = 0;
      mode = 'stream';
      setState('live');
      arm(ctrl);
      const onChunk = () => arm(ctrl);
      await readEventStream(
        response.body as ReadableStream<Uint8Array>,
        { onEvent, onRetry, onChunk, batch },
        ctrl.signal,
      );
      disarm();
      if (!running || ctrl.signal.aborted) return;
      // The server closed the stream (a deploy, a proxy timeout): come back soon, resuming.
      setState('connecting');
      schedule(connect, backoffDelay(1, reconnectBase, reconnectBase, random));
    } catch (error) {
      if (controller === ctrl) disarm();
      if (!running || ctrl.signal.aborted) return;
      fail(!opened && isNetworkFailure(error) ? 'network' : 'error');
    }
  }
  function onRetry(ms: number) {
    if (ms > 0) reconnectBase = ms;
  }
  function fail(kind: 'unavailable' | 'network' | 'error') {
    failures += 1;
    if (kind === 'unavailable' || failures >= maxFailures) return startPolling();
    setState(kind === 'network' ? 'offline' : 'connecting');
    schedule(connect, backoffDelay(failures, reconnectBase, options.reconnectMaxMs ?? 30_000, random));
  }

  function startPolling() {
    mode = 'poll';
    polls = 0;
    pollErrors = 0;
    void runPoll();
  }
  async function runPoll() {
    if (visibility.hidden()) {
      pollPaused = true;
      setState('polling');
      return;
    }
    const ctrl = new AbortController();
    controller = ctrl;
    try {
      await options.poll(ctrl.signal);
      pollErrors = 0;
      if (running && !ctrl.signal.aborted) setState('polling');
    } catch (error) {
      if (!running || ctrl.signal.aborted) return;
      pollErrors += 1;
      setState(isNetworkFailure(error) ? 'offline' : 'polling');
    }
    if (!running || ctrl.signal.aborted || mode !== 'poll') return;
    polls += 1;
    const probe = polls % (options.probeEvery ?? 6) === 0;
    const delay = Math.min(options.pollMaxMs ?? 60_000, pollInterval * 2 ** pollErrors);
    // Every few polls, try the stream again; a failure lands straight back here.
    schedule(probe ? connect : runPoll, delay);
  }
  function onVisibility() {
    if (!running || mode !== 'poll') return;
    if (visibility.hidden()) {
      cancel();
      pollPaused = true;
    } else if (pollPaused) {
      pollPaused = false;
      void runPoll();
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      failures = 0;
      mode = 'stream';
      pollPaused = false;
      const offVisibility = visibility.subscribe(onVisibility);
      const offOnline = (options.online ?? onlineEvents)(onOnline);
      unsubscribe = () => {
        offVisibility();
        offOnline();
      };
      setState('connecting');
      void connect();
    },
    stop() {
      if (!running) return;
      running = false;
      controller?.abort();
      controller = undefined;
      cancel();
      disarm();
      unsubscribe?.();
      unsubscribe = undefined;
      setState('idle');
    },
  };
}
