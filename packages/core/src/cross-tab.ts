/**
 * One live connection per browser instead of one per tab: where `BroadcastChannel` and Web Locks
 * exist, the tab holding the lock named after the endpoint runs the connection and broadcasts
 * what it hears; the other tabs apply it. When the leader tab closes (or releases), the browser
 * hands the lock to a waiting tab, which opens its own connection, resuming from the last event id.
 * Tabs also share their visibility, so a hidden leader keeps polling while another tab is shown.
 */
import type { Job } from './contract.js';
import { randomId } from './endpoint.js';
import type { ConnectionState } from './job-store.js';
import { documentVisibility, type LiveConnection, type LiveHandlers, type Visibility } from './live.js';

/** Messages between tabs. */
export type CrossTabMessage =
  | { type: 'job'; job: Job }
  | { type: 'deleted'; jobId: string }
  | { type: 'state'; state: ConnectionState }
  | { type: 'event-id'; id: string }
  | { type: 'visibility'; tabId: string; hidden: boolean }
  | { type: 'hello' };

/** What a shared connection needs. */
export interface SharedLiveOptions extends LiveHandlers {
  /** The channel and lock name; one per endpoint. */
  name: string;
  /** This tab's visibility (default: the document's). */
  visibility?: Visibility;
  /**
   * Creates the real connection when this tab becomes the leader; `visibility` is hidden only
   * while every tab is.
   */
  createLive(handlers: LiveHandlers, lastEventId: string | undefined, visibility: Visibility): LiveConnection;
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

/** "Hidden" only while this tab and every tab that said it is visible are hidden. */
function sharedVisibility(local: Visibility) {
  const visibleElsewhere = new Set<string>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const fn of listeners) fn();
  };
  const visibility: Visibility = {
    hidden: () => local.hidden() && visibleElsewhere.size === 0,
    subscribe(fn) {
      listeners.add(fn);
      const off = local.subscribe(fn);
      return () => {
        listeners.delete(fn);
        off();
      };
    },
  };
  return {
    visibility,
    update(tabId: string, hidden: boolean) {
      const had = visibleElsewhere.has(tabId);
      if (hidden) visibleElsewhere.delete(tabId);
      else visibleElsewhere.add(tabId);
      if (had === hidden) notify();
    },
    reset() {
      visibleElsewhere.clear();
    },
  };
}

/** Creates a connection shared by every tab of this origin that uses the same `name`. */
export function createSharedLive(options: SharedLiveOptions): SharedLive {
  const tabId = randomId();
  const local = options.visibility ?? documentVisibility();
  const tabs = sharedVisibility(local);
  let channel: BroadcastChannel | undefined;
  let abort: AbortController | undefined;
  let releaseLeadership: (() => void) | undefined;
  let offVisibility: (() => void) | undefined;
  let current: LiveConnection | undefined;
  let leader = false;
  let lastEventId: string | undefined;
  let state: ConnectionState = 'idle';

  const post = (message: CrossTabMessage) => channel?.postMessage(message);
  const announce = () => post({ type: 'visibility', tabId, hidden: local.hidden() });
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
    else if (message.type === 'visibility') tabs.update(message.tabId, message.hidden);
    else if (message.type === 'hello') {
      if (leader) post({ type: 'state', state });
      announce();
    }
  }

  async function lead(): Promise<void> {
    leader = true;
    tabs.reset();
    post({ type: 'hello' }); // the other tabs answer with their visibility
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
      tabs.visibility,
    );
    current = live;
    live.start();
    // Holding the lock until `stop()`; it stops the connection itself, synchronously.
    await new Promise<void>((resolve) => {
      releaseLeadership = resolve;
    });
  }

  return {
    start() {
      if (channel) return;
      channel = new BroadcastChannel(options.name);
      channel.onmessage = onMessage;
      abort = new AbortController();
      offVisibility = local.subscribe(announce);
      setState('connecting');
      navigator.locks
        .request(options.name, { signal: abort.signal }, () => (abort?.signal.aborted ? undefined : lead()))
        .catch(() => undefined); // aborted while waiting: another tab leads, nothing to undo
      // A tab that joins late learns the leader's state at once, and the leader its visibility.
      post({ type: 'hello' });
      announce();
    },
    stop() {
      if (!channel) return;
      post({ type: 'visibility', tabId, hidden: true }); // gone counts as hidden
      abort?.abort();
      abort = undefined;
      offVisibility?.();
      offVisibility = undefined;
      channel.close();
      channel = undefined;
      leader = false;
      current?.stop();
      current = undefined;
      // Leaving the lock callback lets a waiting tab take over.
      releaseLeadership?.();
      releaseLeadership = undefined;
      setState('idle');
    },
    publish(message) {
      post(message);
    },
  };
}
