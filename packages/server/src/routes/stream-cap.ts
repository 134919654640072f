/**
 * How many event streams one identity may hold open on this instance. Each stream holds a socket,
 * a timer and a storage read a second; without a cap one caller held 2,000.
 */

/** Counts open streams per owner. */
export interface StreamCap {
  /** A release function when there is room for one more stream of `owner`, else `undefined`. */
  acquire(owner: string): (() => void) | undefined;
}

/** Creates a cap of `max` streams per owner. */
export function createStreamCap(max: number): StreamCap {
  const open = new Map<string, number>();
  return {
    acquire(owner) {
      const count = open.get(owner) ?? 0;
      if (count >= max) return undefined;
      open.set(owner, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(owner) ?? 1) - 1;
        if (left <= 0) open.delete(owner);
        else open.set(owner, left);
      };
    },
  };
}
