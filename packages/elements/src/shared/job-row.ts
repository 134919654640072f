/** One row of `<sora-job-list>`: a pure template of a job and the list's per-row state. */
import { isPendingJob, type Job } from '@sora-kit/core';
import { html, nothing } from 'lit';
import { cssProps } from './css-props.js';
import { formatPercent, relativeTime, sizeLabel } from './format.js';
import { progressBar } from './progress-bar.js';
import { errorText } from './remedy.js';
import type { SoraStrings } from './strings.js';

/** What a row needs from its list. */
export interface RowContext {
  t: SoraStrings;
  now: number;
  selected: string;
  active: boolean;
  confirming: boolean;
  /** The thumbnail URL, `null` when it failed, `undefined` while unknown. */
  thumbnail: string | null | undefined;
  canRemix: boolean;
  busy: boolean;
  /** Why the last action on this row failed. */
  failure: string | undefined;
  on: RowActions;
}

/** The actions a row triggers. */
export interface RowActions {
  select(job: Job): void;
  play(job: Job): void;
  retry(job: Job): void;
  remix(job: Job): void;
  reuse(job: Job): void;
  askDelete(job: Job): void;
  confirmDelete(job: Job): void;
  cancelDelete(job: Job): void;
  thumbnailFailed(job: Job): void;
}

const playIcon = html`<svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
  <path fill="currentColor" d="M8 5.5v13a1 1 0 0 0 1.5.9l10.4-6.5a1 1 0 0 0 0-1.8L9.5 4.6A1 1 0 0 0 8 5.5Z" />
</svg>`;

const alertIcon = html`<svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
  <path fill="currentColor" d="M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18Zm0 12.5a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5ZM12 6.5a1 1 0 0 0-1 1v5.5a1 1 0 1 0 2 0V7.5a1 1 0 0 0-1-1Z" />
</svg>`;

const trashIcon = html`<svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
  <path fill="currentColor" d="M8 2h4a1 1 0 0 1 1 1v1h3a1 1 0 1 1 0 2h-.1l-.8 10.1A2 2 0 0 1 13.1 18H6.9a2 2 0 0 1-2-1.9L4.1 6H4a1 1 0 0 1 0-2h3V3a1 1 0 0 1 1-1Zm-1.9 4 .8 10h6.2l.8-10H6.1Z" />
</svg>`;

function thumbnail(job: Job, ctx: RowContext) {
  const url = ctx.thumbnail;
  const ratio = job.size.replace('x', ' / ');
  return html`<div part="thumbnail" class="thumb" ${cssProps({ 'aspect-ratio': ratio })} data-status=${job.status}>
    ${
      job.status === 'completed' && url
        ? html`<img src=${url} alt="" loading="lazy" @error=${() => ctx.on.thumbnailFailed(job)} />`
        : nothing
    }
    ${job.status === 'completed' ? html`<span class="thumb-icon">${playIcon}</span>` : nothing}
    ${job.status === 'failed' ? html`<span class="thumb-icon failed">${alertIcon}</span>` : nothing}
  </div>`;
}

function progress(job: Job, t: SoraStrings) {
  if (job.status !== 'queued' && job.status !== 'in_progress') return nothing;
  return html`<div class="progress-row">
    ${progressBar(job, t)}
    <span class="percent" aria-hidden="true">${formatPercent(job.progress, t.locale)}</span>
  </div>`;
}

function actions(job: Job, ctx: RowContext) {
  const { t, on } = ctx;
  const tab = ctx.active ? 0 : -1;
  if (ctx.confirming) {
    return html`<div
      part="confirm"
      class="actions confirm"
      role="group"
      aria-label=${t.confirmDelete}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') on.cancelDelete(job);
      }}
    >
      <span class="confirm-text">${t.confirmDelete}</span>
      <button class="btn small danger solid" part="action confirm-delete" @click=${() => on.confirmDelete(job)}>
        ${t.confirmYes}
      </button>
      <button class="btn small" part="action cancel-delete" @click=${() => on.cancelDelete(job)}>${t.cancel}</button>
    </div>`;
  }
  // A create still in flight has no server id yet: nothing can be done to it.
  if (isPendingJob(job)) return nothing;
  const done = job.status === 'completed';
  // Every row has the same buttons: each is described by its row's prompt for screen readers.
  const about = `title-${job.jobId}`;
  const retryable = job.status === 'failed' && job.error?.retryable === true;
  return html`<div part="actions" class="actions">
    ${done ? html`<button class="btn small" part="action play" tabindex=${tab} aria-describedby=${about} @click=${() => on.play(job)}>${t.play}</button>` : nothing}
    ${retryable ? html`<button class="btn small" part="action retry" tabindex=${tab} aria-describedby=${about} ?disabled=${ctx.busy} @click=${() => on.retry(job)}>${t.retry}</button>` : nothing}
    ${done && ctx.canRemix ? html`<button class="btn small" part="action remix" tabindex=${tab} aria-describedby=${about} @click=${() => on.remix(job)}>${t.remix}</button>` : nothing}
    <button class="btn small" part="action reuse" tabindex=${tab} aria-describedby=${about} @click=${() => on.reuse(job)}>${job.error?.code === 'moderation_blocked' ? t.editPrompt : t.reusePrompt}</button>
    <button class="btn small danger icon-only" part="action delete" tabindex=${tab} aria-label=${t.delete} title=${t.delete} aria-describedby=${about} @click=${() => on.askDelete(job)}>${trashIcon}</button>
  </div>`;
}

/** The failure of a job in words a person can act on. */
export function jobErrorText(job: Job, t: SoraStrings): string {
  return errorText(job.error?.code, t);
}

/** Renders one job as a list row. */
export function renderRow(job: Job, index: number, ctx: RowContext) {
  const { t } = ctx;
  const selected = ctx.selected === job.jobId;
  return html`<li
    part="row${selected ? ' row-selected' : ''}"
    class=${selected ? 'row selected' : 'row'}
    data-job-id=${job.jobId}
    data-status=${job.status}
    @click=${(e: Event) => {
      if (!(e.target as Element).closest('.actions')) ctx.on.select(job);
    }}
  >
    ${thumbnail(job, ctx)}
    <div class="body">
      <button
        part="row-button"
        class="title"
        id=${`title-${job.jobId}`}
        data-index=${index}
        tabindex=${ctx.active ? 0 : -1}
        aria-current=${selected ? 'true' : 'false'}
      >${job.prompt}</button>
      <div part="meta" class="meta">
        <span part="status" class="badge" data-status=${job.status}>${t.status[job.status]}</span>
        ${job.model ? html`<span>${job.model}</span>` : nothing}
        ${job.size ? html`<span>${sizeLabel(job.size, t)}</span>` : nothing}
        ${job.seconds ? html`<span>${t.seconds(job.seconds)}</span>` : nothing}
        ${job.remixOf ? html`<span part="tag" class="tag">${t.remixBadge}</span>` : nothing}
        ${job.hasReference ? html`<span part="tag" class="tag">${t.referenceBadge}</span>` : nothing}
        ${job.attempts > 1 ? html`<span part="tag" class="tag">${t.retriedBadge(job.attempts)}</span>` : nothing}
        <time datetime=${job.createdAt}>${relativeTime(job.createdAt, ctx.now, t.locale)}</time>
      </div>
      ${progress(job, t)}
      ${job.status === 'failed' && job.error ? html`<p part="row-error" class="row-error">${jobErrorText(job, t)}</p>` : nothing}
      ${ctx.failure ? html`<p part="action-error" class="row-error">${ctx.failure}</p>` : nothing}
      ${actions(job, ctx)}
    </div>
  </li>`;
}
