/** Helpers for element tests: mount, query inside shadow roots, run axe against a shadow root. */
import axe from 'axe-core';
import type { LitElement } from 'lit';
import type { SoraEventMap } from '../../src/index.js';
import '../../src/index.js';

const mounted: HTMLElement[] = [];

/** Creates an element, lets the caller set properties, appends it and waits for its render. */
export async function mount<T extends LitElement>(
  tag: string,
  setup: (el: T) => void = () => undefined,
  parent: HTMLElement = document.body,
): Promise<T> {
  const el = document.createElement(tag) as T;
  setup(el);
  parent.appendChild(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

/** Removes everything `mount` added (call in afterEach). */
export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/** One node inside an element's shadow root; throws when absent so tests fail clearly. */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`${host.localName}: nothing matches ${selector}`);
  return found;
}

/** Every node inside an element's shadow root matching a selector. */
export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return Array.from(host.shadowRoot?.querySelectorAll<E>(selector) ?? []);
}

/** Waits until a condition holds, re-rendering between tries (no fixed sleeps in assertions). */
export async function until(check: () => boolean, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (check()) return;
    // A poll interval, not a sleep before an assertion: it returns as soon as the condition holds.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never held');
}

/** The element's shadow root and every shadow root nested inside it. */
function shadowRoots(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (node: Element) => {
    if (node.shadowRoot) {
      roots.push(node.shadowRoot);
      node.shadowRoot.querySelectorAll('*').forEach(visit);
    }
  };
  visit(el);
  el.querySelectorAll('*').forEach(visit);
  return roots;
}

/** Axe violations of an element (its light DOM and shadow root), as `id: target` lines. */
export async function axeViolations(el: Element): Promise<string[]> {
  // Colors are measured once theme transitions have settled (infinite animations are ignored).
  document.body.getBoundingClientRect(); // flush styles so pending transitions exist
  const transitions = shadowRoots(el)
    .flatMap((root) => root.getAnimations())
    .filter((a) => a instanceof CSSTransition);
  await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
  );
}

/** Captures the `sora-*` events of a name fired at or below `target`, typed by the event map. */
export function collect<K extends keyof SoraEventMap>(target: Document, name: K): SoraEventMap[K][] {
  const seen: SoraEventMap[K][] = [];
  // Typed by the HTMLElementEventMap augmentation: no cast from Event to CustomEvent.
  target.addEventListener(name, (e) => seen.push(e));
  return seen;
}
