/**
 * Admission control for new jobs: rate limits, active-job caps and quotas, decided before any
 * upstream call. State lives in unstorage so the limits hold across instances.
 */

/** What a new job would cost, as the limits see it. */
export interface AdmissionRequest {
  identity: string;
  model: string;
  size: string;
  seconds: number;
}

/** The verdict: a reservation to settle later, or a refusal the handler turns into a 429. */
export type Admission =
  | { ok: true; reservation: string }
  | { ok: false; code: 'rate_limited' | 'quota_exceeded'; message: string; retryAfterSeconds: number };

/** A refusal. */
export type AdmissionRefusal = Extract<Admission, { ok: false }>;

/** Decides whether a job may be created, and keeps the books when it ends. */
export interface AdmissionControl {
  /**
   * Optional, read-only: a refusal when `identity` would be refused whatever its job costs (rate
   * limit spent, active-job caps full). The handler asks it before reading a request body, so a
   * refused caller costs no parsing and no image decoding; `admit` still decides.
   */
  precheck?(identity: string): Promise<AdmissionRefusal | undefined>;
  admit(request: AdmissionRequest): Promise<Admission>;
  /**
   * Called when an admitted job ends, or when its creation failed upstream: `failed` gives the
   * reserved quota back; both free the active-job slot. It may be called again for the same
   * reservation (another instance saw the job end too, or a worker died while settling), so settle
   * each reservation once. Resolve with `'pending'` while another caller is settling it: the job is
   * then offered again later.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a host's own `async settle() {}` (Promise<void>) must still fit this public type.
  settle(reservation: string, outcome: 'completed' | 'failed'): Promise<void | 'pending'>;
}
