/**
 * The handler's logger: levelled, structured, and careful. Prompts are only ever logged at
 * `debug`; keys and secrets never.
 */

/** Severity, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Extra structured fields of one log line (job ids, statuses, durations — never secrets). */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** What the handler logs through; pass your own (pino, consola, …) with the same four methods. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * A logger writing one line per event to the console, from `level` up.
 * @example consoleLogger('debug')
 */
export function consoleLogger(level: LogLevel = 'info'): Logger {
  const line =
    (at: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (order[at] < order[level]) return;
      const extra = fields ? ` ${JSON.stringify(fields)}` : '';
      const write = at === 'error' ? console.error : at === 'warn' ? console.warn : console.log;
      write(`[sora-kit] ${at} ${message}${extra}`);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/** A logger that drops everything (for tests and hosts that log elsewhere). */
export function silentLogger(): Logger {
  const drop = (): void => {};
  return { debug: drop, info: drop, warn: drop, error: drop };
}
