/**
 * At startup, one line when reference images cannot be resized because the optional package
 * `sharp` is not installed, rather than a surprise at the first upload. Resolves the package
 * without loading it (the native library stays unloaded until a reference arrives).
 */
import type { Logger } from '../logger.js';
import { isResolvable } from '../node-require.js';

/** Logs one line if `sharp` cannot be found; silent where resolving is not possible (non-Node). */
export function warnIfSharpMissing(logger: Logger): void {
  if (isResolvable('sharp') === false) {
    logger.info(
      'sora-kit: reference images are not resized (the optional package "sharp" is not installed): only references of the exact video size are accepted; npm i sharp to resize them',
    );
  }
}
