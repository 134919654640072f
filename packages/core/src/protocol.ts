/**
 * `@sora-kit/core/protocol`: the wire contract (types, statuses, variants), the shared request
 * limits and the `Retry-After` parser, without the browser client. A separate entry, so a server
 * loads these few values without ky, signals and the live connection (a slower cold start).
 */
export * from './contract.js';
export { parseRetryAfter } from './errors.js';
export {
  DEFAULT_MAX_PROMPT_CHARS,
  DEFAULT_MAX_REFERENCE_BYTES,
  type Validated,
  type ValidCreateVideo,
} from './rules.js';
