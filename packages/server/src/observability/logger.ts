/**
 * The handler's log output: JSON lines through pino by default, or any logger the host passes —
 * a pino instance (or anything with pino's `(fields, message)` methods and `child`), or the older
 * `(message, fields)` {@link Logger}. Lines name what they are about in fields: `requestId` on a
 * request's lines and on those of the work it starts, `jobId` on every line about a job. Secrets are removed twice: by field name (pino `redact`) and by value (the handler
 * secret, bearer tokens and API-key shapes), so an upstream error that echoes a key logs without it.
 */
import { loadPino } from '#pino';
import type { LogFields, Logger, LogLevel } from '../logger.js';

/** The subset of a pino logger sora-kit writes through. */
export interface PinoLike {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child(
    bindings: Record<string, unknown>,
    options?: { redact?: { paths: string[]; censor: string } },
  ): PinoLike;
  isLevelEnabled?(level: string): boolean;
}

/** What the `logger` option takes: a pino(-compatible) logger, a {@link Logger}, or `false` for silence. */
export type LoggerOption = PinoLike | Logger | false;

/** A logger that also says whether a level is on, so callers skip building fields nobody reads. */
export interface SoraLogger extends Logger {
  enabled(level: LogLevel): boolean;
}

/** Field paths pino blanks out, wherever a caller puts headers or credentials. */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  'apiKey',
  'secret',
  'token',
  'password',
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
  '*.apiKey',
  '*.secret',
  '*.token',
  '*.password',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-api-key"]',
];

const CENSOR = '[redacted]';
/** Credentials recognisable by their shape: bearer tokens, OpenAI/OpenRouter keys, webhook secrets. */
const SECRET_SHAPES = /Bearer\s+[^\s"',;]+|\b(?:sk|whsec|rk)[-_][A-Za-z0-9_\-+/=]{8,}/gi;

function isPinoLike(logger: PinoLike | Logger): logger is PinoLike {
  return typeof (logger as PinoLike).child === 'function';
}

/** Removes known secret values and credential shapes from one string. */
function scrubber(secrets: string[]): (text: string) => string {
  const known = secrets.filter((s) => s.length >= 8);
  return (text) => {
    let clean = text.replace(SECRET_SHAPES, CENSOR);
    for (const secret of known) if (clean.includes(secret)) clean = clean.split(secret).join(CENSOR);
    return clean;
  };
}

function cleanFields(
  fields: LogFields | undefined,
  scrub: (text: string) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (fields) for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? scrub(v) : v;
  return out;
}

/** The same logger with `fields` on every line (a request's id on the lines of the work it starts). */
export function withFields(logger: SoraLogger, fields: LogFields): SoraLogger {
  const line =
    (level: LogLevel) =>
    (message: string, more?: LogFields): void =>
      logger[level](message, more ? { ...fields, ...more } : fields);
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    enabled: (level) => logger.enabled(level),
  };
}

/** The default: JSON lines on stdout from `info` up, with the redaction paths. */
export function defaultPino(level: LogLevel = 'info'): PinoLike {
  return loadPino()({ level, name: 'sora-kit', redact: { paths: REDACT_PATHS, censor: CENSOR } });
}

/**
 * Turns the `logger` option into the handler's logger.
 * @param secrets values that must never appear in a line (the handler secret).
 */
export function resolveLogger(option: LoggerOption | undefined, secrets: string[]): SoraLogger {
  const scrub = scrubber(secrets);
  if (option === false) {
    const drop = (): void => {};
    return { debug: drop, info: drop, warn: drop, error: drop, enabled: () => false };
  }
  const target = option ?? defaultPino();
  if (isPinoLike(target)) {
    const child = target.child({}, { redact: { paths: REDACT_PATHS, censor: CENSOR } });
    const line =
      (level: LogLevel) =>
      (message: string, fields?: LogFields): void => {
        if (child.isLevelEnabled && !child.isLevelEnabled(level)) return;
        child[level](cleanFields(fields, scrub), scrub(message));
      };
    return {
      debug: line('debug'),
      info: line('info'),
      warn: line('warn'),
      error: line('error'),
      enabled: (level) => child.isLevelEnabled?.(level) ?? true,
    };
  }
  const line =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void =>
      target[level](scrub(message), cleanFields(fields, scrub) as LogFields);
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    enabled: () => true,
  };
}
