/** Builds a real handler for the security suite: a temp data dir, a clock, a captured logger. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSoraHandler, type SoraHandler } from '../../../src/handler.js';
import type { LogFields, Logger } from '../../../src/logger.js';
import type { SoraHandlerOptions } from '../../../src/options.js';
import { type CountingProvider, countingProvider } from './provider.js';

/** The signing secret of every suite handler: a known string the tests look for in outputs. */
export const SECRET = 'sk-secret-DO-NOT-LEAK-0123456789abcdefghijklmnop';

/** Every line the handler logged, with its level. */
export interface LogLine {
  level: string;
  message: string;
  fields?: LogFields;
}

/** A logger that keeps what it is told, at every level. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, fields });
    };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

/** A handler under test and what the tests control or inspect. */
export interface Harness {
  app: SoraHandler;
  double: CountingProvider;
  clock: { t: number; advance(ms: number): void };
  logs: LogLine[];
  dataDir: string;
  /** The private directory holding the data dir; nothing may appear in it outside the data dir. */
  root: string;
  /** Moves the clock past the next poll and runs one polling pass. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Creates a handler over a fresh temp data dir (file storage and blobs, as by default). */
export function createHarness(
  options: Partial<SoraHandlerOptions> & { double?: CountingProvider } = {},
): Harness {
  // The data dir sits two levels below a private root, so a write that climbs out of it lands in
  // the root, where the traversal tests look for it.
  const root = mkdtempSync(join(tmpdir(), 'sora-sec-'));
  const dataDir = join(root, 'inner', 'data');
  mkdirSync(dataDir, { recursive: true });
  const clock = {
    t: Date.UTC(2026, 10, 24, 12, 0),
    advance(ms: number) {
      clock.t += ms;
    },
  };
  const double = options.double ?? countingProvider();
  const { logger, lines } = captureLogger();
  const app = createSoraHandler({
    provider: double.provider,
    secret: SECRET,
    dataDir,
    logger,
    now: () => new Date(clock.t),
    polling: { leaseSettleMs: 0 },
    ...options,
  });
  return {
    app,
    double,
    clock,
    logs: lines,
    dataDir,
    root,
    async settle() {
      clock.advance(60_000);
      await app.pollOnce();
    },
    async close() {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
