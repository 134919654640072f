import { findModel, type Job, type JobStore } from '@sora-kit/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { StoreController } from '../shared/bind-store.js';
import { truncate } from '../shared/format.js';
import { type RowActions, renderRow } from '../shared/job-row.js';
import { remedyFor } from '../shared/remedy.js';
import { SoraElement } from '../shared/sora-element.js';
import { listStyles } from './styles.js';

const TICK_MS = 30_000;

/** The selector of a part inside one job's row. */
const inRow = (jobId: string, part: string) => `li[data-job-id="${CSS.escape(jobId)}"] [part~="${part}"]`;

/**
 * The caller's videos, newest first, updated live: status, progress, thumbnail, and the actions
 * play, retry, remix, reuse prompt and delete (with an inline confirmation).
 *
 * @summary A live history of generated videos.
 * @tag sora-job-list
 *
 * @attr endpoint - Where the sora-kit handler is mounted (default `/api/sora`).
 * @attr selected - The selected job's id (reflects the selection).
 * @attr theme - `light` or `dark`; follows the system when absent.
 * @attr lang - Picks the locale pack: `en`, or one registered (`@sora-kit/elements/locales/fr`).
 *
 * @fires sora-job-select - A row was chosen (click, Enter or Play). `detail: { jobId, job, play? }`, `play` true from the Play button.
 * @fires sora-job-remix - Remix was asked for a completed job. `detail: { jobId, job }`.
 * @fires sora-prompt-reuse - Reuse prompt was asked. `detail: { prompt, job }`.
 * @fires sora-job-deleted - A job was deleted. `detail: { jobId, job }`.
 *
 * @csspart list - The `<ul>` of rows.
 * @csspart row - Each row.
 * @csspart row-selected - Added to the selected row.
 * @csspart row-button - The prompt, which selects the row.
 * @csspart thumbnail - The thumbnail box (a placeholder until the video is ready).
 * @csspart meta - Status, model, size, length and time.
 * @csspart status - The status badge.
 * @csspart tag - "Remix" and "From an image" tags.
 * @csspart progress - The progress bar.
 * @csspart row-error - Why a job failed.
 * @csspart action-error - Why the last action on the row (retry, delete) failed.
 * @csspart actions - The row's buttons.
 * @csspart action - Each action button (each also has its own part below).
 * @csspart play - The Play button.
 * @csspart retry - The Retry button (retryable failures).
 * @csspart remix - The Remix button (completed jobs).
 * @csspart reuse - The "Reuse prompt" button.
 * @csspart delete - The Delete button.
 * @csspart confirm - The inline delete confirmation.
 * @csspart confirm-delete - The button confirming the delete.
 * @csspart cancel-delete - The button keeping the job.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error state of a failed load.
 * @csspart retry-load - The button loading the list again after a failed load.
 * @csspart offline - The notice shown while the connection is lost.
 *
 * @cssprop [--sora-accent=#5b4ee6] - Accent color: buttons, progress, selection (dark: #a49bff).
 * @cssprop [--sora-accent-text=#fff] - Text on the accent color.
 * @cssprop [--sora-surface=#fff] - Background (dark: #17171f).
 * @cssprop [--sora-surface-2=#f5f5f8] - Second background: fields, placeholders, tiles.
 * @cssprop [--sora-text=#1b1b23] - Main text color.
 * @cssprop [--sora-muted=#5c5c6b] - Secondary text color.
 * @cssprop [--sora-border=#dcdce4] - Borders.
 * @cssprop [--sora-danger=#b42318] - Errors.
 * @cssprop [--sora-danger-surface=#fef3f2] - Background of error panels.
 * @cssprop [--sora-success=#067647] - The "Ready" badge.
 * @cssprop [--sora-focus-ring=#5b4ee6] - Focus outline color.
 * @cssprop [--sora-radius=12px] - Corner radius of cards and the player.
 * @cssprop [--sora-radius-small=8px] - Corner radius of buttons and fields.
 * @cssprop [--sora-shadow] - Shadow of cards.
 * @cssprop [--sora-font=system-ui, sans-serif] - Font stack.
 * @cssprop [--sora-font-size=15px] - Base font size.
 *
 * @slot empty - Replaces the empty state.
 */
export class SoraJobList extends SoraElement {
  static override get styles() {
    return listStyles;
  }
  static override get properties(): PropertyDeclarations {
    return {
      selected: { reflect: true },
      activeId: { state: true },
      confirming: { state: true },
      busy: { state: true },
      failures: { state: true },
      announcement: { state: true },
      loadingMore: { state: true },
    };
  }

  /** The selected job's id. */
  selected = '';
  #clock: () => number = () => Date.now();

  /** The row holding the roving tab stop, by id so it survives rows arriving above it. */
  private activeId = '';
  private confirming = '';
  private busy = new Set<string>();
  /** Why the last action on a row failed (retry, delete), shown in the row. */
  private failures = new Map<string, string>();
  private announcement = '';
  private loadingMore = false;
  #thumbnails = new Map<string, string | null>();
  #requested = new Set<string>();
  #statuses = new Map<string, string>();
  #timer: ReturnType<typeof setInterval> | undefined;

  readonly #bound = new StoreController(this, {
    retain: true,
    read: (store) => {
      store.jobs.value;
      store.history.value;
      store.historyError.value;
      store.hasMore.value;
      store.capabilities.value;
      store.connection.value;
    },
    attached: (store) => {
      store.load().catch(() => undefined);
      store.loadCapabilities().catch(() => undefined);
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => this.requestUpdate(), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /**
   * The clock for relative times; tests fix it (kept out of the manifest: no API for hosts).
   * @internal
   */
  get now(): () => number {
    return this.#clock;
  }

  /** @internal */
  set now(clock: () => number) {
    this.#clock = clock;
    this.requestUpdate();
  }

  /**
   * Whether the relative-time timer runs (it stops when the element leaves the page).
   * @internal
   */
  get ticking(): boolean {
    return this.#timer !== undefined;
  }

  get #jobs(): readonly Job[] {
    return this.#bound.current?.jobs.value ?? [];
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#bound.sync();
    this.#trackStatuses(this.#jobs);
  }

  protected override updated(): void {
    const store = this.#bound.current;
    if (store) this.#requestThumbnails(store);
  }

  /** Announces status changes of jobs already shown (not the initial load). */
  #trackStatuses(jobs: readonly Job[]): void {
    const first = this.#statuses.size === 0;
    for (const job of jobs) {
      const before = this.#statuses.get(job.jobId);
      if (before !== job.status && (before !== undefined || !first) && job.status !== 'queued') {
        this.announcement = this.t.announceStatus(truncate(job.prompt, 40), this.t.status[job.status]);
      }
      this.#statuses.set(job.jobId, job.status);
    }
  }

  #requestThumbnails(store: JobStore): void {
    for (const job of this.#jobs) {
      if (job.status !== 'completed' || this.#requested.has(job.jobId)) continue;
      this.#requested.add(job.jobId);
      if (job.asset && !job.asset.variants.includes('thumbnail')) {
        this.#thumbnails.set(job.jobId, null);
        continue;
      }
      store
        .mediaLink(job.jobId, { variant: 'thumbnail' })
        .then((link) => this.#thumbnails.set(job.jobId, link.url))
        .catch(() => this.#thumbnails.set(job.jobId, null))
        .finally(() => this.requestUpdate());
    }
  }

  #canRemix(job: Job): boolean {
    const caps = this.#bound.current?.capabilities.value;
    const model = caps ? findModel(caps, job.model) : undefined;
    return model ? model.remix : true;
  }

  #select(job: Job, play = false): void {
    this.selected = job.jobId;
    this.activeId = job.jobId;
    this.notify('sora-job-select', { jobId: job.jobId, job, ...(play ? { play } : {}) });
  }

  /** Runs a row's action; resolves to whether it succeeded (a failure is shown in the row). */
  async #act(job: Job, action: (store: JobStore) => Promise<unknown>): Promise<boolean> {
    const store = this.#bound.current;
    if (!store) return false;
    this.busy = new Set(this.busy).add(job.jobId);
    this.#setFailure(job.jobId, undefined);
    try {
      await action(store);
      return true;
    } catch (error) {
      const message = remedyFor(error, this.t).message;
      this.#setFailure(job.jobId, message);
      this.announcement = message;
      return false;
    } finally {
      const next = new Set(this.busy);
      next.delete(job.jobId);
      this.busy = next;
    }
  }

  #setFailure(jobId: string, message: string | undefined): void {
    const next = new Map(this.failures);
    if (message === undefined) next.delete(jobId);
    else next.set(jobId, message);
    this.failures = next;
  }

  async #confirmDelete(job: Job): Promise<void> {
    const index = this.#jobs.indexOf(job);
    this.confirming = '';
    await this.#act(job, (store) => store.remove(job.jobId));
    if (this.#jobs.some((j) => j.jobId === job.jobId)) return;
    this.announcement = this.t.deleted;
    if (this.selected === job.jobId) this.selected = '';
    this.notify('sora-job-deleted', { jobId: job.jobId, job });
    this.#focusRow(Math.min(index, this.#jobs.length - 1));
  }

  readonly #actions: RowActions = {
    select: (job) => this.#select(job),
    play: (job) => this.#select(job, true),
    // The Retry button goes away with the failure: focus moves to the row rather than the page,
    // unless the person has gone elsewhere meanwhile.
    retry: (job) =>
      void this.#act(job, (store) => store.retry(job.jobId)).then((ok) => {
        const index = this.#jobs.findIndex((j) => j.jobId === job.jobId);
        const active = document.activeElement;
        const lost = !active || active === document.body || this.matches(':focus-within');
        if (ok && lost && index >= 0) this.#focusRow(index);
      }),
    remix: (job) => this.notify('sora-job-remix', { jobId: job.jobId, job }),
    reuse: (job) => this.notify('sora-prompt-reuse', { prompt: job.prompt, job }),
    askDelete: (job) => {
      this.confirming = job.jobId;
      this.#focusAfterRender(inRow(job.jobId, 'cancel-delete'));
    },
    confirmDelete: (job) => void this.#confirmDelete(job),
    cancelDelete: (job) => {
      this.confirming = '';
      // Back to the Delete button the person came from.
      this.#focusAfterRender(inRow(job.jobId, 'delete'));
    },
    thumbnailFailed: (job) => {
      this.#thumbnails.set(job.jobId, null);
      this.requestUpdate();
    },
  };

  /** Moves the roving focus to a row (clamped), after the next render. */
  #focusRow(index: number): void {
    // The last row went: focus the empty state (it says what to do next), not the page's body.
    if (this.#jobs.length === 0) {
      this.#focusAfterRender('[part~="empty"]');
      return;
    }
    const target = this.#jobs[Math.max(0, Math.min(index, this.#jobs.length - 1))];
    if (!target) return;
    this.activeId = target.jobId;
    this.#focusAfterRender(inRow(target.jobId, 'row-button'));
  }

  /** Focuses what `selector` finds once the pending render is on the page. */
  #focusAfterRender(selector: string): void {
    this.updateComplete.then(() => this.find(selector)?.focus());
  }

  #onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (!target.matches('[part~="row-button"]')) return;
    const index = Number(target.dataset.index);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: this.#jobs.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#focusRow(next);
  }

  protected override render() {
    const store = this.#bound.current;
    const t = this.t;
    const jobs = this.#jobs;
    const history = store?.history.value ?? 'idle';
    const live = html`<div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
    if (jobs.length === 0) {
      if (history === 'error') return html`${live}${this.#renderError()}`;
      if (history === 'loading' || history === 'idle') return html`${live}${this.#renderSkeleton()}`;
      return html`${live}<div part="empty" class="empty" tabindex="-1">
        <slot name="empty"><p class="empty-title">${t.emptyTitle}</p><p>${t.emptyBody}</p></slot>
      </div>`;
    }
    const now = this.now();
    const activeId = jobs.some((j) => j.jobId === this.activeId) ? this.activeId : jobs[0]?.jobId;
    const offline = store?.connection.value === 'offline';
    return html`${live}
      ${offline ? html`<p part="offline" class="offline" role="status">${t.offline}</p>` : nothing}
      <ul part="list" class="list" aria-label=${t.listLabel} @keydown=${this.#onKeydown}>
        ${repeat(
          jobs,
          (job) => job.jobId,
          (job, index) =>
            renderRow(job, index, {
              t,
              now,
              selected: this.selected,
              active: job.jobId === activeId,
              confirming: this.confirming === job.jobId,
              thumbnail: this.#thumbnails.get(job.jobId),
              canRemix: this.#canRemix(job),
              busy: this.busy.has(job.jobId),
              failure: this.failures.get(job.jobId),
              on: this.#actions,
            }),
        )}
      </ul>
      ${store?.hasMore.value ? this.#renderLoadMore(store) : nothing}`;
  }

  #renderLoadMore(store: JobStore) {
    return html`<div class="more">
      <button
        class="btn"
        part="load-more"
        ?disabled=${this.loadingMore}
        @click=${async () => {
          this.loadingMore = true;
          await store.loadMore().catch(() => undefined);
          this.loadingMore = false;
        }}
      >
        ${this.loadingMore ? this.t.loading : this.t.loadMore}
      </button>
    </div>`;
  }

  #renderSkeleton() {
    return html`<div part="skeleton" class="skeleton" aria-busy="true">
      <span class="sr-only">${this.t.loading}</span>
      ${[0, 1, 2].map(
        () => html`<div class="skeleton-row" aria-hidden="true">
          <span class="skeleton-thumb"></span>
          <span class="skeleton-lines"><span></span><span></span></span>
        </div>`,
      )}
    </div>`;
  }

  #renderError() {
    const store = this.#bound.current;
    const error = store?.historyError.value;
    return html`<div part="error" class="load-error" role="alert">
      <p>${this.t.loadError}${error?.code === 'network_error' ? ` ${this.t.errors.network_error}` : ''}</p>
      <button class="btn" part="retry-load" @click=${() => store?.load().catch(() => undefined)}>
        ${this.t.tryAgain}
      </button>
    </div>`;
  }
}
