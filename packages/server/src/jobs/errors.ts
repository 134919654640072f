/**
 * The job engine's refusals, as plain errors. Job logic never speaks HTTP: the handler's one error
 * renderer (`../http-error.ts`) maps these to the contract's status and code.
 */
import type { ProviderError } from '../providers/errors.js';

/** The job is not in a state that allows the action (a retry of a job that has not failed). */
export class JobStateError extends Error {
  override readonly name = 'JobStateError';
}

/**
 * The provider refused or failed the call that starts a job (create, remix or retry), and no job
 * was kept for it. `providerError.kind` tells whether the request itself was at fault.
 */
export class StartRefusedError extends Error {
  override readonly name = 'StartRefusedError';
  readonly providerError: ProviderError;

  constructor(providerError: ProviderError) {
    super(providerError.message, { cause: providerError });
    this.providerError = providerError;
  }
}
