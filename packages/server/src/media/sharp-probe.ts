/**
 * At startup, one line when reference images cannot be resized because the optional package
 * `sharp` is not installed, rather than a surprise at the first upload. Resolves the package
 * without loading it (the native library stays unloaded until a reference arrives).
 */
import type { Logger } from '../logger.js';

/** Logs one line if `sharp` cannot be found; silent where resolving is not possible (non-Node). */
export function warnIfSharpMissing(logger: Logger): void {
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module') as
    | typeof import('node:module')
    | undefined;
  if (!nodeModule) return;
  try {
    nodeModule.createRequire(import.meta.url).resolve('sharp');
  } catch {
    logger.info(
      'sora-kit: reference images are not resized (the optional package "sharp" is not installed): only references of the exact video size are accepted; npm i sharp to resize them',
    );
  }
}
