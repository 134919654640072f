import type { Job } from '../src/contract.js';

/** The endpoint the Node tests talk to (intercepted by msw). */
export const API = 'http://sora.test/api/sora';

let counter = 0;

/** A plausible job; every call gets a new id and a later `createdAt` unless given. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  counter += 1;
  const at = new Date(Date.UTC(2026, 10, 24, 12, 0, counter)).toISOString();
  return {
    jobId: `job_${String(counter).padStart(4, '0')}`,
    status: 'queued',
    progress: 0,
    prompt: 'a paper boat on a rainy street',
    model: 'sora-2',
    size: '1280x720',
    seconds: 4,
    provider: 'fake',
    hasReference: false,
    attempts: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** The contract's error envelope. */
export function envelope(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
