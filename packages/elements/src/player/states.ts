/** The panels `<sora-player>` shows instead of a video: in progress, and failed. */
import type { Job } from '@sora-kit/core';
import { html, nothing } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { aspectProps, formatPercent } from '../shared/format.js';
import { progressBar } from '../shared/progress-bar.js';
import type { SoraStrings } from '../shared/strings.js';

/** Queued or generating: a labelled progress bar, the percentage, and a polite announcement. */
export function renderProgress(t: SoraStrings, job: Job) {
  const queued = job.status === 'queued';
  // Announce in steps of ten so screen readers are not flooded.
  const spoken = queued
    ? t.queuedBody
    : t.inProgressBody(formatPercent(Math.floor(job.progress / 10) * 10, t.locale));
  return html`<div
    part="stage state"
    class="stage state"
    ${cssProps(aspectProps(job.size))}
    role="group"
    aria-label=${t.playerLabel}
  >
    <div class="state-inner">
      <p class="state-title">${queued ? t.status.queued : t.status.in_progress}</p>
      ${progressBar(job, t)}
      <p part="percent" class="percent" aria-hidden="true">${queued ? t.queuedBody : formatPercent(job.progress, t.locale)}</p>
      <p class="sr-only" aria-live="polite">${spoken}</p>
    </div>
  </div>`;
}

/** Failed (or unknown): why, with Retry when it may help and Edit prompt when policy refused it. */
export function renderProblem(
  t: SoraStrings,
  job: Job | undefined,
  message: string,
  on: { retry: (() => void) | undefined; edit: (() => void) | undefined },
) {
  return html`<div
    part="stage state"
    class="stage state failed"
    ${cssProps(aspectProps(job?.size))}
    role="group"
    aria-label=${t.playerLabel}
  >
    <div class="state-inner" role="alert">
      <p class="state-title">${t.failedTitle}</p>
      <p part="error" class="error">${message}</p>
      ${on.retry ? html`<button class="btn primary" part="retry" @click=${on.retry}>${t.retry}</button>` : nothing}
      ${on.edit ? html`<button class="btn" part="edit-prompt" @click=${on.edit}>${t.editPrompt}</button>` : nothing}
    </div>
  </div>`;
}

/** The job itself could not be fetched: why, with "Try again" when it may work next time. */
export function renderFetchFailure(t: SoraStrings, message: string, again: (() => void) | undefined) {
  return html`<div part="stage state" class="stage state failed" role="group" aria-label=${t.playerLabel}>
    <div class="state-inner" role="alert">
      <p part="error" class="error">${message}</p>
      ${again ? html`<button class="btn primary" part="reload" @click=${again}>${t.tryAgain}</button>` : nothing}
    </div>
  </div>`;
}
