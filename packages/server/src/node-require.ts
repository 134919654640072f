/**
 * Node's `require`, reached without a static `node:module` import: the handler also runs where
 * Node's modules are absent (edge runtimes, Storybook's browser), and there these helpers answer
 * "cannot tell" instead of failing at import. Used to load packages synchronously (prom-client,
 * `@opentelemetry/api`) and to check at startup that an optional package is installed without
 * loading it (sharp's native library, the fake's sample videos).
 */

/** A `require` resolving from this package, or `undefined` where Node's modules are absent. */
export function nodeRequire(): NodeJS.Require | undefined {
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module') as
    | typeof import('node:module')
    | undefined;
  return nodeModule?.createRequire(import.meta.url);
}

/**
 * Whether `packageName` can be found from this package, without loading it; `undefined` where
 * that cannot be told (no Node modules), so a caller stays silent rather than warn wrongly.
 */
export function isResolvable(packageName: string): boolean | undefined {
  const require = nodeRequire();
  if (!require) return undefined;
  try {
    require.resolve(packageName);
    return true;
  } catch {
    return false;
  }
}
