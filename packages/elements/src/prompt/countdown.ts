/**
 * A seconds countdown that re-renders its element every second and stops when the element leaves
 * the page (no timer outlives its element).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Counts down whole seconds for a "try again in N s" message. */
export class CountdownController implements ReactiveController {
  /** Seconds left; 0 when idle. */
  remaining = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Starts (or restarts) counting down from `seconds`. */
  start(seconds: number): void {
    this.stop();
    this.remaining = Math.max(0, Math.ceil(seconds));
    this.#host.requestUpdate();
    if (this.remaining === 0) return;
    this.#timer = setInterval(() => {
      this.remaining = Math.max(0, this.remaining - 1);
      if (this.remaining === 0) this.stop();
      this.#host.requestUpdate();
    }, 1000);
  }

  /** Stops counting; `remaining` becomes 0. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.remaining = 0;
  }

  /** Whether a timer is running (tests check that none survives removal). */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
