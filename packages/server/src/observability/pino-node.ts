/**
 * pino for the default logger, loaded when that logger is made (Node, Bun, Deno): a host that
 * passes its own logger, or `false`, never loads it — some 30 modules at every cold start.
 * Browser-like bundles (Workers, edge) get `pino-browser.ts` instead, through the `#pino` entry
 * of package.json's `imports`.
 */
import { createRequire } from 'node:module';
import type * as Pino from 'pino';

/** pino's factory. */
export function loadPino(): typeof Pino.pino {
  return (createRequire(import.meta.url)('pino') as typeof Pino).pino;
}
