/**
 * Signals → Lit: a reactive controller that finds the element's job store (its `store` property,
 * or the shared one for its `endpoint`), re-renders the element when the signals it reads change,
 * and holds the store's live updates while the element is on the page.
 */
import { createJobStore, effect, getStore, type JobStore, type SoraClient } from '@sora-kit/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What an element offers the controller to find its store. */
export interface StoreHost extends ReactiveControllerHost {
  readonly isConnected: boolean;
  /** Where the handler is mounted; elements on the same endpoint share one store. */
  endpoint: string;
  /** A store given directly (tests, custom clients); wins over `client` and `endpoint`. */
  store?: JobStore;
  /** A client given directly (custom headers, credentials); wins over `endpoint`. */
  client?: SoraClient;
}

/** How one element uses its store. */
export interface StoreBinding {
  /** Reads every signal the element renders from; a change to any re-renders the element. */
  read: (store: JobStore) => void;
  /** Keep live updates (SSE or polling) running while connected. */
  retain?: boolean;
  /** Called each time the element starts using a store (connected, or the store changed). */
  attached?: (store: JobStore) => void;
}

// One store per client object, so elements given the same client share it (as elements on the
// same endpoint share `getStore`). Keyed weakly: a client that is dropped takes its store along.
const clientStores = new WeakMap<SoraClient, JobStore>();

function storeOfClient(client: SoraClient): JobStore {
  let store = clientStores.get(client);
  if (!store) {
    store = createJobStore({ client });
    clientStores.set(client, store);
  }
  return store;
}

/** The store an element talks to: the one it was given, its client's, or its endpoint's. */
export function resolveStore(host: StoreHost): JobStore {
  if (host.store) return host.store;
  if (host.client) return storeOfClient(host.client);
  return getStore(host.endpoint || '/api/sora');
}

/** Binds one element to its store for as long as it is connected. */
export class StoreController implements ReactiveController {
  /** The store in use while connected. */
  current: JobStore | undefined;
  #stopEffect: (() => void) | undefined;
  #release: (() => void) | undefined;
  readonly #host: StoreHost;
  readonly #binding: StoreBinding;

  constructor(host: StoreHost, binding: StoreBinding) {
    this.#host = host;
    this.#binding = binding;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  /** Runs before each render, so a new `store` or `endpoint` takes effect at once. */
  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#detach();
  }

  /** Re-reads the signals, e.g. after the element starts showing another job. */
  resubscribe(): void {
    this.#detach();
    this.sync();
  }

  /**
   * Switches to the store the element now names, if it changed. Lit runs `willUpdate` before any
   * controller's `hostUpdate`, so an element whose `willUpdate` reads the store calls this first:
   * a store set after the element connected (React sets properties once it is on the page) is
   * then the one that update sees, with no second update to catch up.
   */
  sync(): void {
    if (!this.#host.isConnected) return;
    const next = resolveStore(this.#host);
    if (next === this.current && this.#stopEffect) return;
    this.#detach();
    this.current = next;
    let first = true;
    this.#stopEffect = effect(() => {
      this.#binding.read(next);
      // The first run happens during connect or update; later runs are real changes.
      if (!first) this.#host.requestUpdate();
      first = false;
    });
    if (this.#binding.retain) this.#release = next.retain();
    this.#binding.attached?.(next);
  }

  #detach(): void {
    this.#stopEffect?.();
    this.#stopEffect = undefined;
    this.#release?.();
    this.#release = undefined;
    this.current = undefined;
  }
}
