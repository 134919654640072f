/**
 * Side effects that must happen once per key across instances, even when the process running one
 * is killed midway: a hook, a refund. Built on {@link Coordination.beginOnce}.
 */
import type { Coordination } from './types.js';

/**
 * How long a claimed side effect may take before another instance may take it over: its process
 * is presumed dead by then. Longer than any hook should run; short enough to recover in a minute.
 */
export const RUN_ONCE_HOLD_MS = 60_000;

/**
 * Runs `effect` once per `key` across instances, and again only if the process running it died
 * before it returned (its claim lapses after {@link RUN_ONCE_HOLD_MS}). `done` when it has run,
 * here or before; `busy` while another instance is running it. An effect that throws is not done:
 * its claim lapses and a later caller runs it again (hooks catch and log the host's own errors, so
 * what throws here is an unreachable engine).
 */
export async function runOnce(
  coordination: Coordination,
  key: string,
  effect: () => Promise<void>,
): Promise<'done' | 'busy'> {
  const claim = await coordination.beginOnce(key, RUN_ONCE_HOLD_MS);
  if (claim.state !== 'run') return claim.state;
  await effect();
  await coordination.finishOnce(key, claim.token);
  return 'done';
}
