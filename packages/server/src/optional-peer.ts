/**
 * Optional peer dependencies (sharp, @vercel/blob, the AWS SDK, msw) load only when their feature
 * is used. The specifier is a variable and the import carries the bundlers' ignore comments, so
 * Next.js (webpack, Turbopack) and Vite build a host that lacks them; a feature whose package is
 * missing fails with one line that names what to install.
 */

/** A feature needs an optional package that is not installed. */
export class MissingPeerError extends Error {
  constructor(
    /** The npm package to install. */
    readonly packageName: string,
    feature: string,
    options?: ErrorOptions,
  ) {
    super(
      `sora-kit: ${feature} needs the optional package "${packageName}", not installed: npm i ${packageName}`,
      options,
    );
    this.name = 'MissingPeerError';
  }
}

/**
 * Imports an optional peer, or throws {@link MissingPeerError} when it is not installed.
 *
 * @param feature What needs it, as the subject of the error line, e.g. `"vercelBlobs()"`.
 */
export async function importOptional<T>(packageName: string, feature: string): Promise<T> {
  try {
    return (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ packageName
    )) as T;
  } catch (error) {
    throw isNotInstalled(error, packageName)
      ? new MissingPeerError(packageName, feature, { cause: error })
      : error;
  }
}

/**
 * Whether `error` says that `packageName` itself (not one of its own imports) cannot be found: Node's
 * module-not-found codes, or a browser's unresolvable bare specifier (the handler in Storybook's
 * page, where no native package such as sharp can ever load).
 */
export function isNotInstalled(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  const named = message.includes(`'${packageName}'`) || message.includes(`"${packageName}"`);
  const nodeMissing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  const browserMissing = error instanceof TypeError && /resolve module specifier/i.test(message);
  return named && (nodeMissing || browserMissing);
}
