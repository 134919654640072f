/**
 * The request schemas (core's validation, built on valibot), loaded by the first request that
 * needs them rather than at import: valibot is the largest module the handler loads, and a cold
 * start to the first `/health` or status read never validates a body.
 */
type RequestSchemas = typeof import('@sora-kit/core/validation');

let loaded: RequestSchemas | undefined;

/** The schemas; no wait once they are loaded. */
export function requestSchemas(): RequestSchemas | Promise<RequestSchemas> {
  return loaded ?? import('@sora-kit/core/validation').then((schemas) => (loaded = schemas));
}
