/**
 * Removing abandoned temporary files. Writes go to a temp file renamed into place when whole; a
 * process killed mid-write (SIGKILL, power loss) never gets to delete it, so without a sweep the
 * folder keeps them forever. Only files old enough that no live write can still own them go.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Options of {@link sweepAbandoned} and {@link startSweeping}. */
export interface SweepOptions {
  /** Which file names are temporary (`.abc.partial`, `.abc.partial.meta`). */
  isTemporary: (name: string) => boolean;
  /** A temp file untouched this long is abandoned (default 1 hour: far above any one write). */
  abandonedAfterMs?: number;
  /** Injected for tests; epoch milliseconds. */
  now?: () => number;
}

/** Default age after which a temp file is abandoned. */
export const DEFAULT_ABANDONED_AFTER_MS = 60 * 60_000;
/** Default pause between two sweeps. */
export const DEFAULT_SWEEP_EVERY_MS = 15 * 60_000;

/** Removes the abandoned temp files under `root` (recursively); resolves with how many went. */
export async function sweepAbandoned(root: string, options: SweepOptions): Promise<number> {
  const cutoff = (options.now ?? Date.now)() - (options.abandonedAfterMs ?? DEFAULT_ABANDONED_AFTER_MS);
  let removed = 0;
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && options.isTemporary(entry.name)) {
        const info = await stat(path).catch(() => null);
        // Gone already (its write finished and renamed it) or another sweeper was first: both fine.
        if (
          info &&
          info.mtimeMs < cutoff &&
          (await unlink(path).then(
            () => true,
            () => false,
          ))
        )
          removed++;
      }
    }
  };
  await visit(root);
  return removed;
}

/**
 * Sweeps now and then every `everyMs`, on an unref'd timer (it never keeps a process alive).
 * `onSwept` hears how many files went (for a log line); failures are ignored until the next round.
 */
export function startSweeping(
  root: string,
  options: SweepOptions & { everyMs?: number; onSwept?: (removed: number) => void },
): () => Promise<number> {
  const run = () =>
    sweepAbandoned(root, options).then(
      (removed) => {
        if (removed > 0) options.onSwept?.(removed);
        return removed;
      },
      () => 0,
    );
  void run();
  const timer = setInterval(run, options.everyMs ?? DEFAULT_SWEEP_EVERY_MS);
  timer.unref?.();
  return run;
}
