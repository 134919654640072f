/** `pino-node.ts` for browser-like bundles (Workers, edge): there pino is imported as usual. */
import { pino } from 'pino';

/** pino's factory. */
export function loadPino(): typeof pino {
  return pino;
}
