/**
 * The `sora-*` events: their names, their details, and the typed helper that fires them. Kept apart
 * from the classes so the manifest lists only the events documented with `@fires`.
 */
import type { Job } from '@sora-kit/core';

/** Detail of `sora-job-created`. */
export interface JobCreatedDetail {
  job: Job;
}

/** Detail of `sora-job-select`, `sora-job-remix` and `sora-job-deleted`. */
export interface JobEventDetail {
  jobId: string;
  job: Job;
  /** On `sora-job-select`: true when the person pressed Play (start it), not just picked the row. */
  play?: boolean;
}

/** Detail of `sora-prompt-reuse`. */
export interface PromptReuseDetail {
  prompt: string;
  job: Job;
}

/** Detail of `sora-download`. */
export interface DownloadDetail {
  jobId: string;
  /** The signed attachment link. */
  url: string;
}

/** Detail of `sora-retry` and `sora-remix-cancel`. */
export interface JobIdDetail {
  jobId: string;
}

/** Every event the sora elements fire, by name; all bubble and cross shadow roots. */
export interface SoraEventMap {
  'sora-job-created': CustomEvent<JobCreatedDetail>;
  'sora-remix-cancel': CustomEvent<JobIdDetail>;
  'sora-job-select': CustomEvent<JobEventDetail>;
  'sora-job-remix': CustomEvent<JobEventDetail>;
  'sora-job-deleted': CustomEvent<JobEventDetail>;
  'sora-prompt-reuse': CustomEvent<PromptReuseDetail>;
  'sora-download': CustomEvent<DownloadDetail>;
  'sora-retry': CustomEvent<JobIdDetail>;
}

/** The detail type of a `sora-*` event. */
export type SoraEventDetail<K extends keyof SoraEventMap> = SoraEventMap[K]['detail'];

declare global {
  // `addEventListener('sora-job-select', (e) => e.detail.jobId)` is typed on any element, and on
  // the document and window the events bubble up to.
  interface HTMLElementEventMap extends SoraEventMap {}
  interface DocumentEventMap extends SoraEventMap {}
  interface WindowEventMap extends SoraEventMap {}
}

/** Dispatches a `sora-*` event that bubbles out of shadow roots; false when a listener cancelled it. */
export function fire<K extends keyof SoraEventMap>(
  target: EventTarget,
  name: K,
  detail: SoraEventDetail<K>,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}
