/**
 * One live connection per browser instead of one per tab: where `BroadcastChannel` and Web Locks
 * exist, the tab holding the lock named after the endpoint runs the connection and broadcasts
 * what it hears; the other tabs apply it. When the leader tab closes (or releases), the browser
 * hands the lock to a waiting tab, which opens its own connection, resuming from the last event id.
 */
import type { Job } from './contract.js';
import type { ConnectionState } from './job-store.js';
import type { LiveConnection, LiveHandlers } from './live.js';

/** Messages between tabs. */
export type CrossTabMessage =
  | { type: 'job'; job: Job }
  | { type: 'deleted'; jobId: string }
  | { type: 'state'; state: ConnectionState }
  | { type: 'event-id'; id: string }
  | { type: 'hello' };

/** What a shared connection needs. */
export interface SharedLiveOptions extends LiveHandlers {
  /** The channel and lock name; one per endpoint. */
  name: string;
  /** Creates the real connection when this tab becomes the leader. */
  createLive(handlers: LiveHandlers, lastEventId: string | undefined): LiveConnection;
}

/** A live connection shared across tabs, plus a way to tell other tabs about local changes. */
export interface SharedLive extends LiveConnection {
  /** Tells the other tabs about a change this tab made (a created or deleted job). */
  publish(message: CrossTabMessage): void;
}

/**
 * Whether this runtime can share one connection across tabs: a page (never a server process, where
 * stores of different users must not share) with `BroadcastChannel` and Web Locks.
 */
export function canShareAcrossTabs(): boolean {
  const g = globalThis as { navigator?: Navigator; document?: unknown };
  return (
    typeof g.document === 'object' &&
    typeof BroadcastChannel === 'function' &&
    typeof g.navigator?.locks?.request === 'function'
  );
}

/** Creates a connection shared by every tab of this origin that uses the same `name`. */
export function createSharedLive(options: SharedLiveOptions): SharedLive {
  let channel: BroadcastChannel | undefined;
  let abort: AbortController | undefined;
  let releaseLeadership: (() => void) | undefined;
  let leader = false;
  let lastEventId: string | undefined;
  let state: ConnectionState = 'idle';

  const post = (message: CrossTabMessage) => channel?.postMessage(message);
  const setState = (next: ConnectionState) => {
    state = next;
    options.onState(next);
  };

  function onMessage(event: MessageEvent<CrossTabMessage>) {
    const message = event.data;
    if (message.type === 'job') options.onJob(message.job);
    else if (message.type === 'deleted') options.onDeleted(message.jobId);
    else if (message.type === 'event-id') lastEventId = message.id;
    else if (message.type === 'state' && !leader) setState(message.state);
    else if (message.type === 'hello' && leader) post({ type: 'state', state });
  }

  async function lead(): Promise<void> {
    leader = true;
    const live = options.createLive(
      {
        onJob(job) {
          options.onJob(job);
          post({ type: 'job', job });
        },
        onDeleted(jobId) {
          options.onDeleted(jobId);
          post({ type: 'deleted', jobId });
        },
        onState(next) {
          if (!leader) return;
          setState(next);
          post({ type: 'state', state: next });
        },
        onEventId(id) {
          lastEventId = id;
          post({ type: 'event-id', id });
        },
      },
      lastEventId,
    );
    live.start();
    await new Promise<void>((resolve) => {
      releaseLeadership = resolve;
    });
    leader = false;
    live.stop();
  }

  return {
    start() {
      if (channel) return;
      channel = new BroadcastChannel(options.name);
      channel.onmessage = onMessage;
      abort = new AbortController();
      setState('connecting');
      navigator.locks
        .request(options.name, { signal: abort.signal }, () => (abort?.signal.aborted ? undefined : lead()))
        .catch(() => undefined); // aborted while waiting: another tab leads, nothing to undo
      // A tab that joins late learns the leader's state at once.
      post({ type: 'hello' });
    },
    stop() {
      if (!channel) return;
      abort?.abort();
      abort = undefined;
      channel.close();
      channel = undefined;
      // Leaving the lock callback stops the connection and lets a waiting tab take over.
      releaseLeadership?.();
      releaseLeadership = undefined;
      leader = false;
      setState('idle');
    },
    publish(message) {
      post(message);
    },
  };
}
