/**
 * One-at-a-time execution within one instance. unstorage has no atomic increment, so two
 * admissions reading the same counter at once could both pass; serializing them per instance makes
 * one instance exact and leaves only the cross-instance race (documented in docs/security.md).
 */

/** Runs the functions given to it one after another, in call order. */
export type Serializer = <T>(task: () => Promise<T>) => Promise<T>;

/** A serializer whose queue lives in this closure (one per admission control, never module-wide). */
export function createSerializer(): Serializer {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // The chain must survive a failed task, or every later admission would fail with it.
    tail = run.catch(() => undefined);
    return run;
  };
}
