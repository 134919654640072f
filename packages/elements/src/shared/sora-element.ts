/**
 * The base every sora element extends: endpoint/store binding, strings and locale, theme, and a
 * typed helper to fire `sora-*` events that cross shadow roots.
 */
import type { JobStore, SoraClient } from '@sora-kit/core';
import { LitElement, type PropertyDeclarations } from 'lit';
import type { StoreHost } from './bind-store.js';
import { fire, type SoraEventDetail, type SoraEventMap } from './events.js';
import { LOCALE_EVENT, resolveStrings, type SoraStrings } from './strings.js';

/** The nearest `lang`, looking through shadow roots (an element inside `<sora-studio>` too). */
function inheritedLang(start: Element): string | undefined {
  let node: Element | null = start;
  while (node) {
    if (node instanceof HTMLElement && node.lang) return node.lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

/** Common attributes and properties of the sora elements. */
export class SoraElement extends LitElement implements StoreHost {
  static override get properties(): PropertyDeclarations {
    return {
      endpoint: {},
      store: { attribute: false },
      client: { attribute: false },
      strings: { attribute: false },
      theme: { reflect: true },
      lang: {},
    };
  }

  /** Where the sora-kit handler is mounted. Elements with the same endpoint share one store. */
  endpoint = '/api/sora';

  /** A job store to use instead of the endpoint's shared one. */
  store?: JobStore;

  /** A client (custom headers, credentials, fetch); elements given the same client share a store. */
  client?: SoraClient;

  /** Replaces any subset of the visible strings. */
  strings?: Partial<SoraStrings>;

  /** Forces the light or dark palette; follows the system when absent. */
  theme?: 'light' | 'dark';

  /** Re-render when the language changes (`lang` picks the locale pack). */
  override lang = '';

  readonly #onLocale = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener(LOCALE_EVENT, this.#onLocale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener(LOCALE_EVENT, this.#onLocale);
  }

  /** The strings in effect: the locale pack of `lang` (own or inherited), then `strings`. */
  protected get t(): SoraStrings {
    return resolveStrings(inheritedLang(this), this.strings);
  }

  /** The first element of the shadow root matching `selector`, if any. */
  protected find<E extends Element = HTMLElement>(selector: string): E | null {
    // renderRoot is created on first connect; before that there is nothing to find.
    return this.renderRoot?.querySelector<E>(selector) ?? null;
  }

  /** Fires a `sora-*` CustomEvent that bubbles out of shadow roots. */
  protected notify<K extends keyof SoraEventMap>(name: K, detail: SoraEventDetail<K>): boolean {
    return fire(this, name, detail);
  }
}
