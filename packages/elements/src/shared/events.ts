/** Firing `sora-*` events (kept apart from the classes so the manifest lists only documented events). */

/** Dispatches a `CustomEvent` that bubbles out of shadow roots; false when a listener cancelled it. */
export function fire<T>(target: EventTarget, name: string, detail: T): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}
